/**
 * The allowances an account has granted, for the token approvals screen: its `Approval` logs over
 * the same bounded recent range the received-transfers scan uses (incoming.ts `rangesToScan`, up to
 * the verified epoch, windows of {@link LOG_WINDOW}), asked of one node through the pool, then each
 * distinct (token, spender) pair's `allowance(owner, spender)` read through the chain's reader — at
 * the verified epoch, cross-checked — with the token's own symbol and decimals (token-reads.ts).
 * The log → pairs → allowance logic is core/activity/allowances.ts.
 *
 * Threat model: the log node may hide or invent logs (hidden: a row is missing, which the screen
 * says; invented: a read that finds zero and shows nothing). Values are the reader's, with its
 * trust label; a node that contradicts the others about an allowance is handled by the cross-check.
 * @module
 */
import { planApprovalQueries, scanAllowances, type LogQuery } from '../../../core/activity/index.js';
import { addressKeyOf } from '../../../core/trust/account-reader.js';
import type { Space } from '../../../core/space.js';
import type { AllowancesView } from '../../shared/ui-api/allowances.js';
import type { TokenInfoView } from '../../shared/ui-api/chain.js';
import { LOG_WINDOW, rangesToScan } from './incoming.js';
import type { NetworkRuntime } from './runtime.js';
import { readTokenInfo } from './token-reads.js';
import { balanceView } from './views.js';

/** Asks one node (the pool's first that answers) for the logs of a planned query. */
async function askLogs(rt: NetworkRuntime, space: Space, ownerKey: string, query: LogQuery): Promise<unknown> {
  const answer = await rt.pool.first(space, (client) => (query.method === 'cfx_getLogs' ? client.request('cfx_getLogs', query.params) : client.request('eth_getLogs', query.params)), { addressKey: ownerKey });
  return answer.value;
}

/** The non-zero allowances `owner` granted, found from its recent `Approval` logs, newest first. */
export async function readAllowances(deps: { rt: NetworkRuntime; now(): number }, space: Space, owner: string): Promise<AllowancesView> {
  const { rt } = deps;
  const ownerKey = addressKeyOf(space, owner);
  const verifiedEpoch = await (await rt.verified()).verifiedEpoch(space);
  const from = rangesToScan(verifiedEpoch, undefined)[0]?.from ?? 0;
  const chainId = space === 'core' ? rt.chainIds.core : rt.chainIds.espace;
  const queries = planApprovalQueries({ space, chainId, recipients: [owner], from, to: verifiedEpoch, maxRange: LOG_WINDOW });
  const scan = await scanAllowances(queries, rt.chainIds.core, {
    logs: (query) => askLogs(rt, space, ownerKey, query),
    call: (token, data, about) => rt.reader.call(space, { to: token, data }, { about }),
  });
  const tokens = new Map<string, Promise<TokenInfoView | null>>();
  for (const a of scan.allowances) if (!tokens.has(a.token)) tokens.set(a.token, readTokenInfo(rt, space, a.token).catch(() => null));
  const allowances = await Promise.all(
    scan.allowances.map(async (a) => {
      const info = await tokens.get(a.token)!;
      const value = { ...a.read, value: a.amount ?? undefined };
      return {
        token: a.token,
        spender: a.spender,
        allowance: balanceView({ space, address: owner, token: a.token, value, now: deps.now() }),
        unlimited: a.unlimited,
        symbol: info?.symbol.value ?? null,
        decimals: info?.decimals.value ?? null,
        position: a.position,
        transactionHash: a.transactionHash,
      };
    }),
  );
  return {
    space,
    owner,
    from: scan.from,
    to: scan.to,
    allowances,
    unreadable: scan.unreadable.map((u) => ({ token: u.token, spender: u.spender, code: u.code, message: u.message })),
    rejectedLogs: scan.rejectedLogs,
  };
}
