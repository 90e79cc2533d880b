/**
 * The UI side of cross-space transfers, contacts, names and activity export: thin calls over the
 * UI↔background API, kept in one place so screens do not spell wire names.
 * @module
 */
import type { CrossSpaceKind } from '../../shared/ui-api/crossspace.js';
import { background } from './client.js';

export const crossSpaceApi = {
  prepare: (request: { kind: CrossSpaceKind; accountId: string; to?: string; amount: bigint }) =>
    background.call('crossspace.prepare', { kind: request.kind, accountId: request.accountId, amount: request.amount.toString(), ...(request.to ? { to: request.to } : {}) }),
  send: (id: string) => background.call('crossspace.send', { id }),
  transfer: (id: string) => background.call('crossspace.transfer', { id }),
  transfers: () => background.call('crossspace.transfers'),
};
