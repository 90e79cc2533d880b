/**
 * What a transaction does: `describeTransaction` turns a request (Core or eSpace: to, value, data,
 * chain) into the list of effects the user reviews before signing.
 *
 * Threat model: every field is the dApp's. The request is validated (addresses of the right space
 * and network, value within uint256, data as hex) and anything the decoder cannot read is shown
 * as unknown — never guessed, never dropped. On Core, calls to the CrossSpaceCall internal contract
 * are read as what they move between the spaces; the eSpace call inside `callEVM` is decoded too.
 * @module
 */
import { decodeAbiParameters } from '../abi/decode.js';
import { AbiError } from '../abi/errors.js';
import { toChecksumAddress } from '../address/eip55.js';
import { bytesToHex, hexToBytes, MAX_UINT256, quantityToBigInt } from '../encoding/hex.js';
import { isSpace, type Space } from '../space.js';
import { formatAddress, readAddress } from './address-form.js';
import { describeCall, findFunction, type CallContext } from './call-effects.js';
import { EffectsError } from './errors.js';
import { CROSS_SPACE_CALL_ADDRESS } from './internal-contracts.js';
import type { Effect } from './types.js';

export interface TransactionRequest {
  space: Space;
  /** The active chain: Core network id (1029, 1, …) or eSpace chain id (1030, 71, …). */
  chainId: number;
  /** base32 (same network) or hex on Core, hex on eSpace; null creates a contract. */
  to: string | null;
  /** bigint, or a `0x` quantity as JSON-RPC carries it. */
  value: bigint | string;
  /** `0x` hex; `0x` for none. */
  data: string;
}

/** Calldata larger than this is not decoded (still reported as a call of that size). */
const MAX_DECODED_DATA = 128 * 1024;

function readRequest(request: TransactionRequest): { ctx: CallContext; to: string | null; value: bigint; data: Uint8Array } {
  if (typeof request !== 'object' || request === null) throw new EffectsError('effects.input', 'request: expected an object');
  const { space, chainId } = request;
  if (!isSpace(space)) throw new EffectsError('effects.input', 'space: expected "core" or "espace"', { details: 'space' });
  if (typeof chainId !== 'number' || !Number.isInteger(chainId) || chainId < 1 || chainId > 0xffff_ffff) {
    throw new EffectsError('effects.input', `chainId: expected an integer in 1..2^32-1, got ${String(chainId)}`, { details: 'chainId' });
  }
  let value: bigint;
  try {
    value = typeof request.value === 'bigint' ? request.value : quantityToBigInt(request.value, 'value');
  } catch (cause) {
    throw new EffectsError('effects.input', 'value: expected a bigint or a 0x quantity', { cause, details: 'value' });
  }
  if (value < 0n || value > MAX_UINT256) throw new EffectsError('effects.input', 'value: outside 0..2^256-1', { details: 'value' });
  let data: Uint8Array;
  try {
    data = hexToBytes(request.data, undefined, 'data');
  } catch (cause) {
    throw new EffectsError('effects.input', 'data: expected 0x-prefixed even-length hex', { cause, details: 'data' });
  }
  const to = request.to === null ? null : readAddress(request.to, space, chainId, 'to');
  return { ctx: { space, chainId }, to, value, data };
}

/**
 * The effects of a transaction request, in the order they happen.
 * @throws {EffectsError} `effects.input` when the request itself is malformed
 * @example
 * describeTransaction({ space: 'espace', chainId: 1030, to: usdt, value: 0n, data: approveCalldata })
 * // [{ kind: 'token_approval', token: usdt, spender: '0x…', amount: 2n ** 256n - 1n, unlimited: true, … }]
 */
export function describeTransaction(request: TransactionRequest): Effect[] {
  const { ctx, to, value, data } = readRequest(request);
  if (to === null) return [{ kind: 'contract_creation', space: ctx.space, amount: value, codeSize: data.length }];
  if (ctx.space === 'core' && to === CROSS_SPACE_CALL_ADDRESS) return describeCrossSpace(ctx, value, data);
  const effects: Effect[] = [];
  if (value > 0n) effects.push({ kind: 'native_transfer', space: ctx.space, to: formatAddress(to, ctx.space, ctx.chainId), amount: value });
  if (data.length > MAX_DECODED_DATA) {
    effects.push({ kind: 'unknown_call', space: ctx.space, contract: formatAddress(to, ctx.space, ctx.chainId), selector: bytesToHex(data.subarray(0, 4)), dataSize: data.length, reason: 'undecodable', expected: null });
  } else if (data.length > 0) {
    effects.push(...describeCall(ctx, to, data));
  }
  return effects;
}

const PAYABLE_CROSS_SPACE = new Set(['createEVM', 'transferEVM', 'callEVM', 'staticCallEVM']);

/** A Core call to CrossSpaceCall: what moves between the spaces. */
function describeCrossSpace(ctx: CallContext, value: bigint, data: Uint8Array): Effect[] {
  const found = data.length >= 4 ? findFunction(ctx, CROSS_SPACE_CALL_ADDRESS, bytesToHex(data.subarray(0, 4))) : undefined;
  const name = found?.fn.name;
  const effects: Effect[] = [];
  if (value > 0n && (name === undefined || !PAYABLE_CROSS_SPACE.has(name))) {
    effects.push({ kind: 'native_transfer', space: 'core', to: formatAddress(CROSS_SPACE_CALL_ADDRESS, 'core', ctx.chainId), amount: value });
  }
  if (found === undefined || !['createEVM', 'transferEVM', 'callEVM', 'staticCallEVM', 'withdrawFromMapped'].includes(found.fn.name)) {
    if (data.length > 0) effects.push(...describeCall(ctx, CROSS_SPACE_CALL_ADDRESS, data));
    return effects;
  }
  let decoded: ReturnType<typeof decodeAbiParameters>;
  try {
    decoded = decodeAbiParameters(found.fn.inputs.map((p) => p.type), data.subarray(4));
  } catch (error) {
    if (!(error instanceof AbiError)) throw error;
    return [...effects, ...describeCall(ctx, CROSS_SPACE_CALL_ADDRESS, data)];
  }
  const { values, irregularities } = decoded;
  switch (found.fn.name) {
    case 'transferEVM':
      effects.push({ kind: 'cross_space_transfer', to: toChecksumAddress(values[0] as string), amount: value, irregularities });
      break;
    case 'callEVM':
    case 'staticCallEVM': {
      const target = (values[0] as string).toLowerCase();
      const inner = hexToBytes(values[1] as string);
      const innerEffects = inner.length === 0 ? [] : describeCall({ space: 'espace', chainId: ctx.chainId }, target, inner);
      effects.push({ kind: 'cross_space_call', method: found.fn.name, to: toChecksumAddress(target), amount: value, effects: innerEffects, irregularities });
      break;
    }
    case 'createEVM':
      effects.push({ kind: 'cross_space_create', amount: value, codeSize: hexToBytes(values[0] as string).length, irregularities });
      break;
    default:
      effects.push({ kind: 'cross_space_withdraw', amount: values[0] as bigint, irregularities });
  }
  return effects;
}
