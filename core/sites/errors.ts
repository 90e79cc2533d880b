/**
 * Typed failures of the site checks: an origin that cannot be read, or bundled list data that is
 * damaged (which must fail loudly, never check against half a list).
 * @module
 */
import { WayfarerError } from '../errors.js';

export type SitesErrorCode =
  /** The origin is not a URL with a host. */
  | 'sites.origin'
  /** The bundled phishing list or its encoding is damaged. */
  | 'sites.data';

export class SitesError extends WayfarerError {
  declare readonly code: SitesErrorCode;

  constructor(code: SitesErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
