/**
 * The command-line verifier's code path: follows PoS finality from the checkpoint (trust on first
 * use on a dev chain, as the wallet does), verifies the headers of a finalized epoch with the
 * light client, fetches account proofs from a full node over one `clp` session and proves each
 * account against those headers. Used by `scripts/verify.ts` and the benchmarks.
 *
 * Threat model: the Core RPC and the `clp` node are untrusted (they may be the same operator);
 * only values proved against PoS-finalized headers are returned. Any failure throws a typed error
 * and nothing is returned for any address.
 */
import { decodeCfxAddressAnyType } from '../../core/address/cip37.js';
import { parseEspaceAddress } from '../../core/address/eip55.js';
import { hexToBytes } from '../../core/encoding/hex.js';
import { InvalidInputError } from '../../core/errors.js';
import { shippedCheckpoint } from '../../core/lightclient/checkpoint/checkpoint.js';
import { SHIPPED_CHECKPOINTS } from '../../core/lightclient/checkpoint/shipped.js';
import { MemoryCheckpointStore } from '../../core/lightclient/checkpoint/store.js';
import { fetchTofuCheckpoint, LightClient } from '../../core/lightclient/client/light-client.js';
import { lightProofSource } from '../../core/lightproto/proof-source.js';
import type { Space } from '../../core/space.js';
import { proveAccounts, type ProofSources } from '../../core/state/prove-account.js';
import { DEFAULT_BLAME_LOOKAHEAD, DEFERRED_STATE_EPOCH_COUNT } from '../../core/state/state-root.js';
import { lightClientHeaderSource } from '../../core/verified-headers.js';
import { ClpConnection, type ClpTraffic } from './connection.js';
import { jsonRpcCaller, type JsonRpcCaller } from './json-rpc.js';
import { coreRpcWithClpTransport } from './light-client-transport.js';
import type { NodeAddress } from './node-url.js';

/** Public networks: a shipped checkpoint is required (testnet has none yet, so it is refused). */
const PUBLIC_CHAIN_IDS = new Set([1029, 1]);

export interface VerifyAccountsOptions extends OpenVerifierOptions {
  /** CIP-37 (Core) or 0x (eSpace) addresses. */
  readonly addresses: readonly string[];
  /** Epoch to prove at (default: the newest whose witness headers are finalized). */
  readonly epoch?: number;
}

/** One output line; keep these fields: outside checks rely on them. */
export interface VerifiedAccountLine {
  readonly address: string;
  readonly epoch: number;
  readonly balance: string;
  readonly nonce: string;
  readonly trust: 'verified';
}

export interface VerifyAccountsReport {
  readonly lines: VerifiedAccountLine[];
  readonly rpc: { requests: number; bytesSent: number; bytesReceived: number };
  readonly clp: ClpTraffic;
}

/**
 * Parses addresses: CIP-37 for Core (its network id must be the chain's), 0x for eSpace.
 * @throws {InvalidInputError}
 */
export function parseAccountAddresses(addresses: readonly string[], chainId: number): { address: Uint8Array; space: Space }[] {
  return addresses.map((text) => {
    if (/^0x/i.test(text)) return { address: hexToBytes(parseEspaceAddress(text), 20, 'address'), space: 'espace' };
    let decoded: { bytes: Uint8Array; networkId: number };
    try {
      decoded = decodeCfxAddressAnyType(text);
    } catch (cause) {
      throw new InvalidInputError(`not a CIP-37 or 0x address: ${text.slice(0, 60)}`, { cause });
    }
    if (decoded.networkId !== chainId) throw new InvalidInputError(`${text.slice(0, 60)} is for network ${decoded.networkId}, the node is on chain ${chainId}`);
    return { address: decoded.bytes, space: 'core' };
  });
}

function asObject(value: unknown, title: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new InvalidInputError(`${title}: unexpected answer from the RPC`);
  return value as Record<string, unknown>;
}

/** A verifier ready to prove: PoS followed, a `clp` session open (close it when done). */
export interface Verifier {
  readonly chainId: number;
  readonly client: LightClient;
  readonly connection: ClpConnection;
  readonly sources: ProofSources;
  /** The newest epoch whose witness headers are finalized. */
  readonly newestEpoch: number;
  readonly rpc: JsonRpcCaller;
  close(): void;
}

export interface OpenVerifierOptions {
  /** Core-space JSON-RPC URL (PoS ledger infos and headers). */
  readonly rpc: string;
  /** Full node to fetch proofs from over `clp`. */
  readonly node: NodeAddress;
  /** Source address for the `clp` connection. */
  readonly localAddress?: string;
  readonly blameLookahead?: number;
  /** Progress notes for humans (stderr). */
  readonly onNotice?: (line: string) => void;
  readonly now?: () => number;
}

/**
 * Opens the `clp` session, follows PoS from the checkpoint (trust on first use on a dev chain) and
 * verifies the finalized pivot.
 * @throws {InvalidInputError}, `LightClientError`, `CheckpointError`, `LightProtocolError`
 */
export async function openVerifier(options: OpenVerifierOptions): Promise<Verifier> {
  const notice = options.onNotice ?? (() => undefined);
  const now = options.now ?? Date.now;
  const rpc = jsonRpcCaller(options.rpc);
  const chainId = Number(asObject(await rpc.call('cfx_getStatus'), 'cfx_getStatus').chainId);
  if (!Number.isSafeInteger(chainId)) throw new InvalidInputError('cfx_getStatus: no chain id');
  // The genesis hash only lets the node accept the session; trust does not depend on it.
  const genesis = asObject(await rpc.call('cfx_getBlockByEpochNumber', ['0x0', false]), 'genesis block').hash;
  if (typeof genesis !== 'string') throw new InvalidInputError('genesis block: no hash');
  const connection = await ClpConnection.open({ node: options.node, chainId, genesisHash: hexToBytes(genesis, 32, 'genesis hash'), ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }) });
  try {
    const request = connection.request.bind(connection);
    const transport = coreRpcWithClpTransport(rpc, (r) => request(r));
    let checkpoint;
    if (SHIPPED_CHECKPOINTS.has(chainId) || PUBLIC_CHAIN_IDS.has(chainId)) checkpoint = shippedCheckpoint(chainId);
    else {
      checkpoint = await fetchTofuCheckpoint(transport, chainId);
      notice(`chain ${chainId} is a dev chain: its PoS committee is trusted on first use`);
    }
    const client = await LightClient.create({ chainId, checkpoint, transport, store: new MemoryCheckpointStore() }, now());
    const sync = await client.sync({ now: now() });
    if (sync.finalized === null) throw new InvalidInputError('PoS has not finalized any block yet');
    notice(`PoS verified to epoch ${sync.committeeEpoch}; finalized pivot block at height ${sync.finalized.height}`);
    const lookahead = options.blameLookahead ?? DEFAULT_BLAME_LOOKAHEAD;
    return {
      chainId,
      client,
      connection,
      rpc,
      sources: { headers: lightClientHeaderSource(client), proofs: lightProofSource(request) },
      newestEpoch: sync.finalized.height - DEFERRED_STATE_EPOCH_COUNT - lookahead,
      close: () => connection.close(),
    };
  } catch (error) {
    connection.close();
    throw error;
  }
}

/**
 * @throws {InvalidInputError} bad addresses or an unusable RPC; `LightClientError`, `CheckpointError`,
 *   `LightProtocolError`, `StateProofError` when something could not be verified
 */
export async function verifyAccounts(options: VerifyAccountsOptions): Promise<VerifyAccountsReport> {
  const verifier = await openVerifier(options);
  try {
    const accounts = parseAccountAddresses(options.addresses, verifier.chainId);
    const epoch = options.epoch ?? verifier.newestEpoch;
    if (!Number.isSafeInteger(epoch) || epoch < 0 || epoch > verifier.newestEpoch) throw new InvalidInputError(`epoch must be within 0 … ${verifier.newestEpoch}`);
    const proved = await proveAccounts(epoch, accounts, verifier.sources, options.blameLookahead === undefined ? {} : { blameLookahead: options.blameLookahead });
    return {
      lines: proved.map((p, i) => ({ address: options.addresses[i]!, epoch: p.epoch, balance: p.balance.toString(), nonce: p.nonce.toString(), trust: 'verified' })),
      rpc: { ...verifier.rpc.stats },
      clp: { ...verifier.connection.traffic },
    };
  } finally {
    verifier.close();
  }
}
