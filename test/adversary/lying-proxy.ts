/**
 * A JSON-RPC proxy that sits between the wallet and a real node and lies on demand.
 *
 * Every request is forwarded to the upstream node; the current attack then rewrites the answer (or
 * the whole HTTP exchange). Attacks are switched at run time with `setAttack`, so one proxy can be
 * honest for set-up and hostile for the test. The lies are the ones a real hostile node could
 * tell: it knows everything public (it can fetch other real answers from its upstream) but holds
 * no PoS key, so it cannot produce valid signatures for anything it changes.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

export type Attack =
  | 'honest'
  /** Changes `deferredStateRoot` of blocks served by hash (the hash no longer matches). */
  | 'forge_header_field'
  /** Changes `parentHash` of blocks served by epoch number (the chain down from a verified block breaks). */
  | 'break_parent_link'
  /** Adds a second to the `timestamp` of every Core block served (by hash or by epoch number). */
  | 'tamper_timestamp'
  /** Replaces the `transactionsRoot` of every Core block served (by hash or by epoch number). */
  | 'tamper_transactions_root'
  /** Replaces ledger-info signatures with a valid signature of a different ledger info. */
  | 'bad_bls_signature'
  /** Removes every signature from ledger infos (voting power below quorum). */
  | 'drop_signers'
  /** Puts another BLS key into the next committee carried by epoch-ending ledger infos. */
  | 'swap_committee_key'
  /** Reports balances 1 CFX higher. */
  | 'wrong_balance'
  /** Reports account nonces one lower (or 7 higher when the real one is 0). */
  | 'wrong_nonce'
  /** Acknowledges sent transactions with their correct hash but never forwards them; then denies knowing them. */
  | 'withhold_transaction'
  /** Pretends the chain stopped long ago: old PoS status, old epochs, the first committed ledger info. */
  | 'stale'
  /** Serves a different chain id. */
  | 'wrong_chain'
  /** Truncated JSON. */
  | 'garbage_json'
  /** An endless answer. */
  | 'huge_response'
  /** Answers after `slowMs`. */
  | 'slow'
  /** Answers with ids that do not match the requests. */
  | 'mismatched_ids'
  /** Batch answers in reverse order (legal: must be accepted). */
  | 'reorder_batch'
  /** Answers contract calls and estimates with EIP-1193's 4001, as if the user had refused. */
  | 'fake_user_rejection';

interface RpcRequest {
  jsonrpc: '2.0';
  id: unknown;
  method: string;
  params?: unknown[];
}
interface RpcResponse {
  jsonrpc: '2.0';
  id: unknown;
  result?: unknown;
  error?: unknown;
}

export interface LyingProxy {
  url: string;
  setAttack(attack: Attack): void;
  readonly attack: Attack;
  /** Hashes of transactions acknowledged and dropped. */
  readonly withheld: ReadonlySet<string>;
  /** Methods received, in order. */
  readonly received: string[];
  close(): Promise<void>;
}

export interface LyingProxyOptions {
  upstream: string;
  attack?: Attack;
  /** Delay for the `slow` attack. Default 20 s. */
  slowMs?: number;
}

const ONE_CFX = 10n ** 18n;

/** A valid compressed G1 key that is not the committee's (secret 7). */
const FOREIGN_BLS_KEY = `0x${bytesToHex(bls12_381.G1.Point.BASE.multiply(7n).toBytes(true))}`;

function flipHex(hex: string): string {
  const last = hex.at(-1)!;
  return `${hex.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}

async function forward(upstream: string, body: unknown): Promise<unknown> {
  const response = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as unknown;
}

export async function startLyingProxy(options: LyingProxyOptions): Promise<LyingProxy> {
  let attack: Attack = options.attack ?? 'honest';
  const withheld = new Set<string>();
  const received: string[] = [];
  let stolenSignature: { aggregated: string; signatures: Record<string, string> } | undefined;
  let staleLedgerInfo: unknown;

  const upstreamCall = async (method: string, params: unknown[]): Promise<unknown> => {
    const answer = (await forward(options.upstream, { jsonrpc: '2.0', id: 1, method, params })) as RpcResponse;
    return answer.result;
  };

  /** A real, validly signed ledger info of another round: its signature is valid but not for ours. */
  const signatureFromElsewhere = async () => {
    if (!stolenSignature) {
      const other = (await upstreamCall('pos_getLedgerInfoByEpochAndRound', ['0x1', '0x5'])) as { aggregatedSignature: string; signatures: Record<string, string> };
      stolenSignature = { aggregated: other.aggregatedSignature, signatures: other.signatures };
    }
    return stolenSignature;
  };

  type LedgerInfoJson = { aggregatedSignature?: string; signatures: Record<string, string>; ledgerInfo: { commitInfo: { nextEpochState?: { verifier: { addressToValidatorInfo: Record<string, { publicKey: string }> } } | null } } };
  const ledgerInfos = (result: unknown): LedgerInfoJson[] => (Array.isArray(result) ? (result as LedgerInfoJson[]) : result ? [result as LedgerInfoJson] : []);

  async function lie(request: RpcRequest, response: RpcResponse): Promise<RpcResponse> {
    const { method } = request;
    const params = request.params ?? [];
    if (attack === 'fake_user_rejection' && ['eth_call', 'cfx_call', 'eth_estimateGas', 'cfx_estimateGasAndCollateral'].includes(method)) {
      return { jsonrpc: '2.0', id: request.id, error: { code: 4001, message: 'User rejected the request.' } };
    }
    if (response.error !== undefined && attack !== 'withhold_transaction') return response;
    const result = response.result as Record<string, unknown> | null;
    switch (attack) {
      case 'forge_header_field':
        if (method === 'cfx_getBlockByHash' && result) return { ...response, result: { ...result, deferredStateRoot: flipHex(String(result.deferredStateRoot)) } };
        return response;
      case 'break_parent_link':
        if (method === 'cfx_getBlockByEpochNumber' && result) return { ...response, result: { ...result, parentHash: flipHex(String(result.parentHash)) } };
        return response;
      case 'tamper_timestamp':
        if ((method === 'cfx_getBlockByHash' || method === 'cfx_getBlockByEpochNumber') && result) return { ...response, result: { ...result, timestamp: `0x${(BigInt(String(result.timestamp)) + 1n).toString(16)}` } };
        return response;
      case 'tamper_transactions_root':
        if ((method === 'cfx_getBlockByHash' || method === 'cfx_getBlockByEpochNumber') && result) return { ...response, result: { ...result, transactionsRoot: flipHex(String(result.transactionsRoot)) } };
        return response;
      case 'bad_bls_signature':
        if (method.startsWith('pos_getLedgerInfo')) {
          const stolen = await signatureFromElsewhere();
          for (const li of ledgerInfos(result)) {
            li.aggregatedSignature = stolen.aggregated;
            for (const k of Object.keys(li.signatures)) li.signatures[k] = Object.values(stolen.signatures)[0]!;
          }
        }
        return response;
      case 'drop_signers':
        if (method.startsWith('pos_getLedgerInfo')) for (const li of ledgerInfos(result)) li.signatures = {};
        return response;
      case 'swap_committee_key':
        if (method.startsWith('pos_getLedgerInfo')) {
          for (const li of ledgerInfos(result)) {
            const validators = li.ledgerInfo.commitInfo.nextEpochState?.verifier.addressToValidatorInfo;
            for (const info of Object.values(validators ?? {})) info.publicKey = FOREIGN_BLS_KEY;
          }
        }
        return response;
      case 'wrong_balance':
        if ((method === 'cfx_getBalance' || method === 'eth_getBalance') && typeof response.result === 'string') return { ...response, result: `0x${(BigInt(response.result) + ONE_CFX).toString(16)}` };
        return response;
      case 'wrong_nonce':
        if ((method === 'cfx_getNextNonce' || method === 'eth_getTransactionCount') && typeof response.result === 'string') {
          const real = BigInt(response.result);
          return { ...response, result: `0x${(real > 0n ? real - 1n : real + 7n).toString(16)}` };
        }
        return response;
      case 'withhold_transaction':
        if ((method === 'cfx_getTransactionByHash' || method === 'cfx_getTransactionReceipt' || method === 'eth_getTransactionByHash' || method === 'eth_getTransactionReceipt') && withheld.has(String(params[0]).toLowerCase())) {
          return { jsonrpc: '2.0', id: request.id, result: null };
        }
        return response;
      case 'stale':
        if (method === 'pos_getStatus' && result) return { ...response, result: { ...result, epoch: '0x1', latestCommitted: '0x5', pivotDecision: { height: '0x0', blockHash: (result.pivotDecision as { blockHash: string }).blockHash } } };
        if (method === 'cfx_getStatus' && result) return { ...response, result: { ...result, latestFinalized: '0x0', latestState: '0xa', latestConfirmed: '0xa', epochNumber: '0xb', blockNumber: '0xb' } };
        if (method === 'pos_getLedgerInfoByBlockNumber') {
          staleLedgerInfo ??= await upstreamCall('pos_getLedgerInfoByBlockNumber', ['0x5']);
          return { ...response, result: staleLedgerInfo };
        }
        if (method === 'eth_blockNumber') return { ...response, result: '0xb' };
        return response;
      case 'wrong_chain':
        if (method === 'cfx_getStatus' && result) return { ...response, result: { ...result, chainId: '0x405', networkId: '0x405' } };
        if (method === 'eth_chainId') return { ...response, result: '0x406' };
        return response;
      default:
        return response;
    }
  }

  const handle = async (res: ServerResponse, body: string) => {
    let payload: RpcRequest | RpcRequest[];
    try {
      payload = JSON.parse(body) as RpcRequest | RpcRequest[];
    } catch {
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
      return;
    }
    const list = Array.isArray(payload) ? payload : [payload];
    for (const r of list) received.push(r.method);
    switch (attack) {
      case 'garbage_json':
        res.end('{"jsonrpc":"2.0","id":1,"resu');
        return;
      case 'huge_response': {
        res.setHeader('content-type', 'application/json');
        res.write('{"jsonrpc":"2.0","id":1,"result":"0x');
        const chunk = 'ab'.repeat(32 * 1024);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'slow':
        await new Promise((r) => setTimeout(r, options.slowMs ?? 20_000));
        break;
      default:
        break;
    }
    // Withheld transactions are acknowledged here and never reach the node.
    const answers: RpcResponse[] = [];
    const toForward: RpcRequest[] = [];
    for (const r of list) {
      if (attack === 'withhold_transaction' && (r.method === 'cfx_sendRawTransaction' || r.method === 'eth_sendRawTransaction')) {
        const hash = `0x${bytesToHex(keccak_256(hexToBytes(String(r.params?.[0]).slice(2))))}`;
        withheld.add(hash);
        answers.push({ jsonrpc: '2.0', id: r.id, result: hash });
      } else toForward.push(r);
    }
    const upstream = toForward.length === 0 ? [] : ((await forward(options.upstream, toForward)) as RpcResponse[]);
    for (const [i, r] of toForward.entries()) {
      const answer = upstream.find((u) => u.id === r.id) ?? upstream[i]!;
      answers.push(await lie(r, answer));
    }
    let out: RpcResponse[] = list.map((r) => answers.find((a) => a.id === r.id)!);
    if (attack === 'mismatched_ids') out = out.map((a) => ({ ...a, id: typeof a.id === 'number' ? a.id + 1000 : 'x' }));
    if (attack === 'reorder_batch') out = [...out].reverse();
    if (!res.writableEnded) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(Array.isArray(payload) ? out : out[0]));
    }
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      handle(res, body).catch((error: unknown) => {
        if (!res.headersSent) res.statusCode = 502;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    setAttack: (next) => {
      attack = next;
    },
    get attack() {
      return attack;
    },
    withheld,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
