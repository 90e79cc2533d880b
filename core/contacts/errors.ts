/**
 * Typed failures of the address book. `details` names the field, or the id of the contact an
 * entry collides with.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type ContactsErrorCode =
  /** A field is missing, of the wrong type, or out of range (`details` names it). */
  | 'contacts.invalid'
  /** The address is not valid for the contact's space and network. */
  | 'contacts.address'
  /** Another contact already has this address on this network and space (`details`: its id). */
  | 'contacts.duplicate_address'
  /** Another contact on this network already has this label (`details`: its id). */
  | 'contacts.duplicate_label'
  /** No contact with this id. */
  | 'contacts.not_found'
  /** Stored data of a version this code does not know; it is left untouched. */
  | 'contacts.unsupported_version'
  /** Stored data is not an address book at all. */
  | 'contacts.corrupt';

export class ContactsError extends WayfarerError {
  declare readonly code: ContactsErrorCode;

  constructor(code: ContactsErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
