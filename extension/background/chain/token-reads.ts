/**
 * Reads about tokens for the chain service: a contract's self-description (`symbol()`, `name()`,
 * `decimals()`, each cross-checked like a balance), and the scan for incoming token transfers (see
 * incoming.ts for what can and cannot be known without an address index).
 * @module
 */
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';
import type { Hex } from '../../../core/encoding/hex.js';
import { WayfarerError } from '../../../core/errors.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { addressKeyOf } from '../../../core/trust/account-reader.js';
import type { Space } from '../../../core/space.js';
import type { IncomingView, TokenFieldView, TokenInfoView } from '../../shared/ui-api/chain.js';
import { mergeEntries, rangesToScan, readTransfer, type FoundLog } from './incoming.js';
import { proveLog, readTransferLogs } from './incoming-reads.js';
import type { NetworkRuntime } from './runtime.js';
import type { ChainStore, IncomingTransfer } from './store.js';
import { decodeAbiText, decodeDecimals, TOKEN_SELECTORS } from './token-abi.js';
import { sourcesView } from './views.js';

/** Storage key of one address's received entries on a network. */
export function historyKey(network: NetworkKey, space: Space, address: string): string {
  return `${network}/${space}/${addressKeyOf(space, address)}`;
}

/**
 * A token contract's `symbol()`, `name()` and `decimals()` at the verified epoch. A field the
 * contract does not answer (they are optional in ERC-20), or answers with something that is not a
 * clean value, comes back empty with the reason.
 */
export async function readTokenInfo(rt: NetworkRuntime, space: Space, address: string): Promise<TokenInfoView> {
  const epochs: number[] = [];
  const field = async <T>(selector: Hex, decode: (data: string) => T | null, what: string): Promise<TokenFieldView<T>> => {
    try {
      const read = await rt.reader.call(space, { to: address, data: selector });
      epochs.push(read.epoch);
      if (read.value === undefined) return { value: null, trust: read.trust, problem: `nodes disagree about ${what}`, sources: sourcesView(read) };
      const value = decode(read.value);
      return { value, trust: read.trust, problem: value === null ? `the contract's answer to ${what}() is not a valid ${what}` : null, sources: sourcesView(read) };
    } catch (error) {
      const reason = error instanceof WayfarerError ? error.message.slice(0, 200) : 'no node answered';
      return { value: null, trust: null, problem: `the contract did not answer ${what}() (${reason})`, sources: [] };
    }
  };
  const [symbol, name, decimals] = await Promise.all([
    field(TOKEN_SELECTORS.symbol, decodeAbiText, 'symbol'),
    field(TOKEN_SELECTORS.name, decodeAbiText, 'name'),
    field(TOKEN_SELECTORS.decimals, decodeDecimals, 'decimals'),
  ]);
  const epoch = epochs.length > 0 ? Math.max(...epochs) : await (await rt.verified()).verifiedEpoch(space);
  return { space, address, epoch, symbol, name, decimals };
}

/**
 * `Transfer` events of `tokens` to `address` over the recent verified epochs not scanned before —
 * and, in one more pass, of any other contract (a token the user has not added: named by its
 * contract, without symbol or decimals, since any contract can emit such an event),
 * each proved through its transaction's receipt when possible (a node that reports an event the
 * proved receipt lacks is banned), plus the stored CFX balance increases. Newest first.
 */
export async function scanIncoming(
  deps: { rt: NetworkRuntime; store: ChainStore; now(): number },
  space: Space,
  address: string,
  tokens: readonly { address: string; symbol: string; decimals: number }[],
): Promise<IncomingView[]> {
  const { rt, store } = deps;
  const chain = await rt.verified();
  const verifiedEpoch = await chain.verifiedEpoch(space);
  const ownerHex = addressKeyOf(space, address);
  const transfers: IncomingView[] = [];
  const listed = new Set(tokens.map((t) => addressKeyOf(space, t.address)));
  for (const token of [...tokens, null]) {
    const key = `${historyKey(rt.network, space, address)}/${token === null ? 'any' : addressKeyOf(space, token.address)}`;
    const scan = await store.getIncoming(key);
    let scannedTo = scan?.scannedTo;
    const found: IncomingTransfer[] = [];
    ranges: for (const range of rangesToScan(verifiedEpoch, scannedTo)) {
      let unproved = false;
      let answer: { value: FoundLog[]; node: { id: string; label: string } };
      try {
        answer = await rt.pool.first(space, (client) => readTransferLogs(client, space, token?.address ?? null, ownerHex, range), { addressKey: ownerHex });
      } catch (error) {
        // Nodes may refuse a log query over every contract; the listed tokens' results still stand.
        if (token === null) break ranges;
        throw error;
      }
      const { value: logs, node } = answer;
      for (const log of logs) {
        const transfer = readTransfer(log, ownerHex);
        if (transfer === null || (token === null && listed.has(log.contractHex.toLowerCase()))) continue;
        const checked = await proveLog(chain, space, log);
        if (checked.kind === 'contradicted') {
          rt.pool.ban(node.id, 'bad_inclusion_proof', 'proven_lie', `reported a Transfer event in transaction ${log.transactionHash.slice(0, 12)}… that its proved receipt does not contain`);
          continue;
        }
        found.push({
          kind: 'token',
          id: `${log.transactionHash}/${log.topics.join('')}/${log.data}`,
          space,
          contract: token?.address ?? (space === 'core' ? encodeCfxAddress(log.contractHex, rt.chainIds.core) : toChecksumAddress(log.contractHex)),
          symbol: token?.symbol ?? null,
          decimals: token?.decimals ?? null,
          from: space === 'core' ? encodeCfxAddress(transfer.fromHex, rt.chainIds.core) : toChecksumAddress(transfer.fromHex),
          to: address,
          amount: transfer.amount.toString(),
          transactionHash: log.transactionHash,
          blockHash: log.blockHash,
          epoch: log.epoch,
          trust: checked.kind === 'verified' ? 'verified' : 'single-source',
          note: checked.kind === 'verified' ? null : `reported by ${node.label}; not proved yet (${checked.reason})`,
          finalizedPivot: checked.kind === 'verified' ? checked.finalizedPivot : null,
          foundAt: deps.now(),
        });
        if (checked.kind === 'unproved') unproved = true;
      }
      // A transfer that could not be proved yet is looked for again next time (from this range).
      if (unproved) break ranges;
      scannedTo = range.to;
    }
    const kept = mergeEntries(scan?.transfers ?? [], found);
    await store.putIncoming(key, { scannedTo: scannedTo ?? -1, transfers: kept });
    transfers.push(...kept);
  }
  const increases = await store.getHistory(historyKey(rt.network, space, address));
  const epochOf = (e: IncomingView) => (e.kind === 'token' ? e.epoch : e.toEpoch);
  return [...transfers, ...increases].sort((a, b) => epochOf(b) - epochOf(a));
}
