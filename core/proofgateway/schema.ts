/**
 * The proof gateway's JSON-RPC methods, defined once for both ends: the gateway validates every
 * request with {@link lightRequestFromParams} before anything reaches a node, and the wallet builds
 * requests with {@link paramsFromLightRequest} and checks results with {@link readItems}.
 *
 * | method | params | result |
 * |---|---|---|
 * | `clp_status` | `[]` | `{ chainId, genesisHash, bestEpoch, nodes }` (informational) |
 * | `clp_getStateRoots` | `[epochs: Quantity[]]` (≤ 50) | `Hex[]`: `StateRootWithEpoch` RLP items |
 * | `clp_getStateEntries` | `[epoch: Quantity, keys: Hex[]]` (≤ 50 raw state keys) | `Hex[]`: `StateEntryWithKey` items |
 * | `clp_getWitnessInfo` | `[heights: Quantity[]]` (≤ 100) | `Hex[]`: `WitnessInfoWithHeight` items |
 * | `clp_getBlockHeaders` | `[hashes: Hex32[]]` (≤ 100) | `Hex[]`: raw headers (keccak = block hash) |
 *
 * Items are the node's RLP, unchanged; an item the node could not produce is missing (never an
 * empty or "absent" placeholder). Nothing in a result is trusted: the wallet verifies it.
 * @module
 */
import { bytesToHex, hexToBytes, isHex, quantityToNumber, toQuantity } from '../encoding/hex.js';
import { LightProtocolError } from '../lightproto/errors.js';
import { validateLightRequest, type LightRequest } from '../lightproto/requests.js';
import { parseStateKeyBytes, stateKeyBytes } from '../state/keys.js';
import { ProofGatewayError } from './errors.js';

export const GATEWAY_METHODS = ['clp_status', 'clp_getStateRoots', 'clp_getStateEntries', 'clp_getWitnessInfo', 'clp_getBlockHeaders'] as const;
export type GatewayMethod = (typeof GATEWAY_METHODS)[number];
export type ItemMethod = Exclude<GatewayMethod, 'clp_status'>;

/** Most items one call may ask (headers are capped below the protocol's 512 to bound answers). */
export const GATEWAY_LIMITS: Readonly<Record<ItemMethod, number>> = { clp_getStateRoots: 50, clp_getStateEntries: 50, clp_getWitnessInfo: 100, clp_getBlockHeaders: 100 };
/** Largest accepted item (a state entry with three proofs is a few KB; a header under 1 KB). */
export const MAX_ITEM_BYTES = 256 * 1024;

export function isGatewayMethod(method: unknown): method is GatewayMethod {
  return typeof method === 'string' && (GATEWAY_METHODS as readonly string[]).includes(method);
}

function invalid(message: string, cause?: unknown): ProofGatewayError {
  return new ProofGatewayError('proofgateway.invalid_params', message, cause === undefined ? {} : { cause });
}

function quantities(value: unknown, method: ItemMethod, title: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > GATEWAY_LIMITS[method]) throw invalid(`${title} must be an array of 1 … ${GATEWAY_LIMITS[method]} quantities`);
  return value.map((v) => quantity(v, title));
}

function quantity(value: unknown, title: string): number {
  if (typeof value !== 'string') throw invalid(`${title}: expected a 0x quantity`);
  try {
    return quantityToNumber(value, title);
  } catch (cause) {
    throw invalid(`${title}: expected a 0x quantity`, cause);
  }
}

function hexList(value: unknown, method: ItemMethod, title: string, bytes?: number): Uint8Array[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > GATEWAY_LIMITS[method]) throw invalid(`${title} must be an array of 1 … ${GATEWAY_LIMITS[method]} hex strings`);
  return value.map((v) => {
    if (!isHex(v) || v.length > 2 + 2 * 64) throw invalid(`${title}: expected 0x hex`);
    try {
      return hexToBytes(v, bytes, title);
    } catch (cause) {
      throw invalid(`${title}: malformed hex`, cause);
    }
  });
}

/**
 * Turns a method call into the `clp` request it stands for, validating everything (a state key
 * must be one of the four well-formed shapes: a malformed key can crash a node).
 * @throws {ProofGatewayError} `proofgateway.invalid_params`
 */
export function lightRequestFromParams(method: ItemMethod, params: unknown): LightRequest {
  if (!Array.isArray(params)) throw invalid('params must be an array');
  const arity = method === 'clp_getStateEntries' ? 2 : 1;
  if (params.length !== arity) throw invalid(`${method} takes ${arity} parameter${arity === 1 ? '' : 's'}`);
  let request: LightRequest;
  switch (method) {
    case 'clp_getStateRoots':
      request = { kind: 'state_roots', epochs: quantities(params[0], method, 'epochs') };
      break;
    case 'clp_getWitnessInfo':
      request = { kind: 'witness_info', heights: quantities(params[0], method, 'heights') };
      break;
    case 'clp_getBlockHeaders':
      request = { kind: 'block_headers', hashes: hexList(params[0], method, 'hashes', 32) };
      break;
    case 'clp_getStateEntries': {
      const epoch = quantity(params[0], 'epoch');
      const keys = hexList(params[1], method, 'keys').map((k) => {
        try {
          return parseStateKeyBytes(k);
        } catch (cause) {
          throw invalid(`keys: ${bytesToHex(k).slice(0, 20)}… is not a well-formed state key`, cause);
        }
      });
      request = { kind: 'state_entries', entries: keys.map((key) => ({ epoch, key })) };
      break;
    }
  }
  try {
    return validateLightRequest(request);
  } catch (cause) {
    if (cause instanceof LightProtocolError) throw invalid(cause.message, cause);
    throw cause;
  }
}

/** The method and params that ask a gateway for `request`. */
export function paramsFromLightRequest(request: LightRequest): { method: ItemMethod; params: unknown[] } {
  switch (request.kind) {
    case 'state_roots':
      return { method: 'clp_getStateRoots', params: [request.epochs.map((e) => toQuantity(e))] };
    case 'witness_info':
      return { method: 'clp_getWitnessInfo', params: [request.heights.map((h) => toQuantity(h))] };
    case 'block_headers':
      return { method: 'clp_getBlockHeaders', params: [request.hashes.map(bytesToHex)] };
    case 'state_entries': {
      const epochs = new Set(request.entries.map((e) => e.epoch));
      if (epochs.size !== 1) throw invalid('a gateway request asks entries of one epoch');
      return { method: 'clp_getStateEntries', params: [toQuantity(request.entries[0]!.epoch), request.entries.map((e) => bytesToHex(stateKeyBytes(e.key)))] };
    }
  }
}

/**
 * Checks a result's shape: an array of at most `asked` hex items, each at most {@link MAX_ITEM_BYTES}.
 * @throws {ProofGatewayError} `proofgateway.bad_answer`
 */
export function readItems(result: unknown, asked: number, evidence: { request: string; params: readonly unknown[] }): Uint8Array[] {
  const bad = (message: string) => new ProofGatewayError('proofgateway.bad_answer', message, { evidence: { ...evidence, answer: null } });
  if (!Array.isArray(result)) throw bad(`${evidence.request}: the result is not an array`);
  if (result.length > asked) throw bad(`${evidence.request}: ${result.length} items for ${asked} asked`);
  return result.map((item, i) => {
    if (!isHex(item) || item.length % 2 !== 0 || item.length > 2 + 2 * MAX_ITEM_BYTES || item.length < 4) throw bad(`${evidence.request}: item ${i} is not hex of a sane size`);
    return hexToBytes(item);
  });
}
