/**
 * The UI side of the token approvals screen: the allowances an account granted (chain.allowances)
 * in the screen's terms, each value with its trust, and the revoke prepared for the send review
 * (wallet.prepareRevoke; signed with the backend's `send` like any transfer).
 * @module
 */
import type { Space } from '../../../core/space.js';
import type { AllowancesView } from '../../shared/ui-api/allowances.js';
import type { Trust } from '../model/trust.js';
import type { PreparedSend } from './backend.js';
import { trustOf } from './adapters/chain.js';
import { preparedFromApi } from './adapters/send.js';
import { background } from './client.js';

export interface AllowanceItem {
  /** `token/spender`, stable across refreshes. */
  key: string;
  token: string;
  spender: string;
  /** The token's own symbol and decimals; null when it does not answer them cleanly. */
  symbol: string | null;
  decimals: number | null;
  /** Raw units; null when nodes disagree. */
  amount: bigint | null;
  unlimited: boolean;
  trust: Trust;
}

export interface AllowanceList {
  items: AllowanceItem[];
  /** Approvals found whose allowance could not be read. */
  unreadable: number;
  /** Range of epochs (blocks) searched. */
  from: number;
  to: number;
}

export function allowancesFromApi(view: AllowancesView): AllowanceList {
  return {
    items: view.allowances.map((a) => ({
      key: `${a.token.toLowerCase()}/${a.spender.toLowerCase()}`,
      token: a.token,
      spender: a.spender,
      symbol: a.symbol,
      decimals: a.decimals,
      amount: a.allowance.value === null ? null : BigInt(a.allowance.value),
      unlimited: a.unlimited,
      trust: trustOf(a.allowance),
    })),
    unreadable: view.unreadable.length,
    from: view.from,
    to: view.to,
  };
}

export const allowancesApi = {
  list: async (space: Space, address: string): Promise<AllowanceList> => allowancesFromApi(await background.call('chain.allowances', { space, address })),
  prepareRevoke: async (request: { space: Space; accountId: string; token: string; spender: string }): Promise<PreparedSend> => preparedFromApi(await background.call('wallet.prepareRevoke', request)),
};
