/**
 * UI methods of the token approvals screen: the allowances an account has granted (found from its
 * `Approval` logs over recent verified epochs, each read with `allowance(owner, spender)` at the
 * verified epoch and cross-checked), and the revoke — `approve(spender, 0)` prepared like a
 * transfer, reviewed field by field and signed with `wallet.send` through the same checked path.
 *
 * Threat model: what is listed is what the nodes' logs showed over the recent range (a node can
 * hide a log; the screen says the list covers recent activity), with values from the allowance read,
 * never the event. The revoke is built by the background from the token and spender only.
 * @module
 */
import { SPACES, type Space } from '../../../core/space.js';
import { object, oneOf, string } from '../schema.js';
import type { BalanceView } from './chain.js';
import type { PreparedSendView } from './sends.js';
import { uiMethod } from './define.js';

export interface AllowanceView {
  /** Token contract and spender in the space's form. */
  token: string;
  spender: string;
  /** The allowance as read (raw token units in `value`, null when nodes disagree), with its trust, epoch and sources. */
  allowance: BalanceView;
  /** At or above core/effects/unlimited.ts's threshold. */
  unlimited: boolean;
  /** The token's own `symbol()` and `decimals()` (null when it does not answer them cleanly). */
  symbol: string | null;
  decimals: number | null;
  /** The newest `Approval` event of the pair: epoch (Core) or block (eSpace), and transaction. */
  position: number;
  transactionHash: string;
}

export interface AllowancesView {
  space: Space;
  owner: string;
  /** The epoch (block) range whose logs were searched. */
  from: number;
  to: number;
  /** Non-zero allowances, newest approval first. */
  allowances: AllowanceView[];
  /** Pairs whose allowance could not be read: the typed failure's code and message. */
  unreadable: { token: string; spender: string; code: string; message: string }[];
  /** Logs a node returned outside its filter (not used). */
  rejectedLogs: number;
}

const space = oneOf(SPACES);
const address = string({ min: 1, max: 128 });

export const allowanceMethods = {
  /** The non-zero allowances `address` granted, found from its recent `Approval` logs and read at the verified epoch. */
  'chain.allowances': uiMethod<AllowancesView>()(object({ space, address })),
  /** Prepares `approve(spender, 0)` on `token` from `accountId`; sign it with `wallet.send`. */
  'wallet.prepareRevoke': uiMethod<PreparedSendView>()(object({ space, accountId: string({ pattern: /^[0-9a-f]{32}$/ }), token: address, spender: address })),
} as const;
