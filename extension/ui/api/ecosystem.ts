/**
 * The UI side of cross-space transfers, contacts, names and activity export: thin calls over the
 * UI↔background API, kept in one place so screens do not spell wire names.
 * @module
 */
import type { Space } from '../../../core/space.js';
import type { CrossSpaceKind } from '../../shared/ui-api/crossspace.js';
import { decodeCfxAddressAnyType } from '../../../core/address/cip37.js';
import { bytesToHex } from '../../../core/encoding/hex.js';
import type { ContactView } from '../../shared/ui-api/contacts.js';
import { background } from './client.js';
import { useAsync, type QueryState } from './hooks.js';

export const crossSpaceApi = {
  prepare: (request: { kind: CrossSpaceKind; accountId: string; to?: string; amount: bigint }) =>
    background.call('crossspace.prepare', { kind: request.kind, accountId: request.accountId, amount: request.amount.toString(), ...(request.to ? { to: request.to } : {}) }),
  send: (id: string) => background.call('crossspace.send', { id }),
  transfer: (id: string) => background.call('crossspace.transfer', { id }),
  transfers: () => background.call('crossspace.transfers'),
};

export const contactsApi = {
  list: () => background.call('contacts.list'),
  add: (input: { label: string; space: Space; network: 'mainnet' | 'testnet' | 'local'; address: string; note?: string }) => background.call('contacts.add', input),
  update: (id: string, patch: { label?: string; note?: string }) => background.call('contacts.update', { id, ...patch }),
  remove: (id: string) => background.call('contacts.remove', { id }),
};

/** The address book, re-read whenever a page edits it. */
export function useContacts(): QueryState<ContactView[]> {
  const state = useAsync(() => contactsApi.list(), 'contacts', { refreshOn: ['contacts.changed'] });
  return { ...state, data: state.data?.contacts };
}

/**
 * The contact saved for `address` (any spelling: base32 with or without type, hex in any case),
 * on `network` when given.
 */
export function contactFor(contacts: readonly ContactView[] | undefined, address: string | null | undefined, network?: string): ContactView | undefined {
  if (!contacts || !address) return undefined;
  const key = addressKey(address);
  if (key === undefined) return undefined;
  return contacts.find((c) => (network === undefined || c.network === network) && addressKey(c.address) === key);
}

function addressKey(address: string): string | undefined {
  const text = address.trim();
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return `espace:${text.toLowerCase()}`;
  try {
    const decoded = decodeCfxAddressAnyType(text);
    return `core:${decoded.networkId}:${bytesToHex(decoded.bytes)}`;
  } catch {
    return undefined;
  }
}

export const namesApi = {
  resolve: (name: string) => background.call('names.resolve', { name }),
};
