/**
 * Reads one contract call (selector + arguments) into effects: token transfers and approvals,
 * NFT transfers and operator approvals get their own effect kinds; any other function of the
 * bundled table becomes a `contract_call` with its decoded arguments; anything else is an
 * `unknown_call` that says why.
 *
 * Threat model: the calldata is the dApp's. Arguments are decoded exactly as the contract reads them
 * (see abi/decode); an encoding irregularity never hides an effect — the effect is shown with the
 * irregularities attached, and its cap is not editable.
 * @module
 */
import { decodeAbiParameters, type AbiValue } from '../abi/decode.js';
import { AbiError } from '../abi/errors.js';
import { formatAbiType, type AbiFunction, type AbiType } from '../abi/types.js';
import { bytesToHex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { formatAddress } from './address-form.js';
import { internalContract } from './internal-contracts.js';
import { displaySignature, lookupSelector } from './signatures.js';
import type { Effect } from './types.js';
import { isUnlimited } from './unlimited.js';

export interface CallContext {
  space: Space;
  chainId: number;
}

/** Writes addresses inside a decoded value (arrays and tuples included) in the space's form. */
export function formatValue(type: AbiType, value: AbiValue, ctx: CallContext): AbiValue {
  if (type.kind === 'address' && typeof value === 'string') return formatAddress(value, ctx.space, ctx.chainId);
  if (type.kind === 'array' && Array.isArray(value)) return value.map((v: AbiValue) => formatValue(type.element, v, ctx));
  if (type.kind === 'tuple' && Array.isArray(value)) return value.map((v: AbiValue, i) => formatValue(type.components[i]!, v, ctx));
  return value;
}

export interface FoundFunction {
  fn: AbiFunction;
  contractName: string | null;
}

/** The function a selector names at this contract: an internal contract's own (Core), else the common table. */
export function findFunction(ctx: CallContext, contractHex: string, selector: string): FoundFunction | undefined {
  if (ctx.space === 'core') {
    const internal = internalContract(contractHex);
    if (internal !== undefined) {
      const fn = internal.functions.get(selector);
      return fn === undefined ? undefined : { fn, contractName: internal.name };
    }
  }
  const fn = lookupSelector(selector);
  return fn === undefined ? undefined : { fn, contractName: null };
}

/** Describes a call of `data` at `contractHex` (lower-case hex). Never throws on hostile data. */
export function describeCall(ctx: CallContext, contractHex: string, data: Uint8Array): Effect[] {
  const contract = formatAddress(contractHex, ctx.space, ctx.chainId);
  const unknown = (reason: 'not_in_table' | 'undecodable' | 'short_data', selector: string | null, expected: string | null): Effect[] => [
    { kind: 'unknown_call', space: ctx.space, contract, selector, dataSize: data.length, reason, expected },
  ];
  if (data.length < 4) return unknown('short_data', null, null);
  const selector = bytesToHex(data.subarray(0, 4));
  const found = findFunction(ctx, contractHex, selector);
  if (found === undefined) return unknown('not_in_table', selector, null);
  let decoded: ReturnType<typeof decodeAbiParameters>;
  try {
    decoded = decodeAbiParameters(found.fn.inputs.map((p) => p.type), data.subarray(4));
  } catch (error) {
    if (error instanceof AbiError) return unknown('undecodable', selector, displaySignature(found.fn));
    throw error;
  }
  const typed = found.contractName === null ? typedEffect(ctx, contractHex, found.fn.signature, decoded) : undefined;
  if (typed !== undefined) return [typed];
  return [{
    kind: 'contract_call',
    space: ctx.space,
    contract,
    contractName: found.contractName,
    selector,
    signature: displaySignature(found.fn),
    args: found.fn.inputs.map((p, i) => ({ name: p.name, type: formatAbiType(p.type), value: formatValue(p.type, decoded.values[i]!, ctx) })),
    irregularities: decoded.irregularities,
  }];
}

/** The dedicated effect of a token or NFT function, or undefined for other functions. */
function typedEffect(ctx: CallContext, contractHex: string, signature: string, decoded: ReturnType<typeof decodeAbiParameters>): Effect | undefined {
  const { space } = ctx;
  const v = decoded.values;
  const irregularities = decoded.irregularities;
  const addr = (i: number) => formatAddress(v[i] as string, space, ctx.chainId);
  const num = (i: number) => v[i] as bigint;
  const token = formatAddress(contractHex, space, ctx.chainId);
  const canonical = irregularities.length === 0;
  switch (signature) {
    case 'transfer(address,uint256)':
      return { kind: 'token_transfer', space, token, from: null, to: addr(0), amount: num(1), mayBeNft: false, irregularities };
    case 'transferFrom(address,address,uint256)':
      return { kind: 'token_transfer', space, token, from: addr(0), to: addr(1), amount: num(2), mayBeNft: true, irregularities };
    case 'approve(address,uint256)':
    case 'increaseAllowance(address,uint256)':
    case 'decreaseAllowance(address,uint256)': {
      const method = signature.slice(0, signature.indexOf('(')) as 'approve' | 'increaseAllowance' | 'decreaseAllowance';
      const change = method === 'approve' ? 'set' : method === 'increaseAllowance' ? 'increase' : 'decrease';
      return {
        kind: 'token_approval', space, method, token, spender: addr(0), amount: num(1), change,
        unlimited: change !== 'decrease' && isUnlimited(num(1)), mayBeNft: method === 'approve', expiration: null, via: null,
        capEditable: canonical && change !== 'decrease', irregularities,
      };
    }
    case 'approve(address,address,uint160,uint48)':
      return {
        kind: 'token_approval', space, method: 'permit2_approve', token: addr(0), spender: addr(1), amount: num(2), change: 'set',
        unlimited: isUnlimited(num(2)), mayBeNft: false, expiration: num(3), via: token, capEditable: canonical, irregularities,
      };
    case 'setApprovalForAll(address,bool)':
      return { kind: 'approval_for_all', space, token, operator: addr(0), approved: v[1] as boolean, irregularities };
    case 'safeTransferFrom(address,address,uint256)':
    case 'safeTransferFrom(address,address,uint256,bytes)':
      return { kind: 'nft_transfer', space, standard: 'erc721', token, from: addr(0), to: addr(1), tokenIds: [num(2)], amounts: null, irregularities };
    case 'safeTransferFrom(address,address,uint256,uint256,bytes)':
      return { kind: 'nft_transfer', space, standard: 'erc1155', token, from: addr(0), to: addr(1), tokenIds: [num(2)], amounts: [num(3)], irregularities };
    case 'safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)':
      return {
        kind: 'nft_transfer', space, standard: 'erc1155', token, from: addr(0), to: addr(1),
        tokenIds: v[2] as readonly bigint[], amounts: v[3] as readonly bigint[], irregularities,
      };
    default:
      return undefined;
  }
}
