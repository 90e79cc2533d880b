/**
 * What a typed-data signature (EIP-712 on eSpace, CIP-23 on Core) allows: permits are read into
 * `permit` effects; any other typed data is named by its primary type and domain.
 *
 * Recognised, by their exact struct declarations (the type hash a contract checks):
 * - EIP-2612 `Permit(owner,spender,value,nonce,deadline)` and DAI's `Permit(holder,spender,nonce,expiry,allowed)`
 * - Uniswap Permit2: `PermitSingle`, `PermitBatch` (allowances) and `PermitTransferFrom`,
 *   `PermitBatchTransferFrom`, `PermitWitness…` (one-time transfers)
 * Threat model: a permit signature is as good as an on-chain approval and costs the victim no
 * gas, which makes it the favourite of drainers. A struct that is named like a permit but declared
 * differently is not a permit any contract would accept under these type hashes, and is shown as
 * plain typed data. The data is fully validated first (message/typed-data), so every value read here
 * is of its declared type.
 * Specs: EIP-2612; Uniswap/permit2 `IAllowanceTransfer`, `ISignatureTransfer`, `PermitHash.sol`.
 * @module
 */
import { toChecksumAddress } from '../address/eip55.js';
import { readInteger } from '../message/typed-data-encode.js';
import { parseTypes, type TypedDataSchema } from '../message/typed-data-schema.js';
import { DOMAIN_TYPE_NAMES, hashTypedData } from '../message/typed-data.js';
import { decodeCfxAddressToBytes } from '../address/cip37.js';
import { bytesToHex, MAX_UINT256 } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { formatAddress, readAddress } from './address-form.js';
import { EffectsError } from './errors.js';
import type { Effect, PermitAllowance, PermitEffect, PermitStandard } from './types.js';
import { isUnlimited } from './unlimited.js';

type Fields = readonly (readonly [name: string, type: string])[];

const PERMIT_DETAILS: Fields = [['token', 'address'], ['amount', 'uint160'], ['expiration', 'uint48'], ['nonce', 'uint48']];
const TOKEN_PERMISSIONS: Fields = [['token', 'address'], ['amount', 'uint256']];

/** Each recognised permit: primary type, its fields, and the exact nested structs it uses. */
const SHAPES: readonly { standard: PermitStandard; primary: string; fields: Fields; nested: Readonly<Record<string, Fields>>; witness?: true }[] = [
  { standard: 'eip2612', primary: 'Permit', fields: [['owner', 'address'], ['spender', 'address'], ['value', 'uint256'], ['nonce', 'uint256'], ['deadline', 'uint256']], nested: {} },
  { standard: 'dai', primary: 'Permit', fields: [['holder', 'address'], ['spender', 'address'], ['nonce', 'uint256'], ['expiry', 'uint256'], ['allowed', 'bool']], nested: {} },
  { standard: 'permit2_single', primary: 'PermitSingle', fields: [['details', 'PermitDetails'], ['spender', 'address'], ['sigDeadline', 'uint256']], nested: { PermitDetails: PERMIT_DETAILS } },
  { standard: 'permit2_batch', primary: 'PermitBatch', fields: [['details', 'PermitDetails[]'], ['spender', 'address'], ['sigDeadline', 'uint256']], nested: { PermitDetails: PERMIT_DETAILS } },
  { standard: 'permit2_transfer', primary: 'PermitTransferFrom', fields: [['permitted', 'TokenPermissions'], ['spender', 'address'], ['nonce', 'uint256'], ['deadline', 'uint256']], nested: { TokenPermissions: TOKEN_PERMISSIONS } },
  { standard: 'permit2_batch_transfer', primary: 'PermitBatchTransferFrom', fields: [['permitted', 'TokenPermissions[]'], ['spender', 'address'], ['nonce', 'uint256'], ['deadline', 'uint256']], nested: { TokenPermissions: TOKEN_PERMISSIONS } },
  { standard: 'permit2_transfer', primary: 'PermitWitnessTransferFrom', fields: [['permitted', 'TokenPermissions'], ['spender', 'address'], ['nonce', 'uint256'], ['deadline', 'uint256']], nested: { TokenPermissions: TOKEN_PERMISSIONS }, witness: true },
  { standard: 'permit2_batch_transfer', primary: 'PermitBatchWitnessTransferFrom', fields: [['permitted', 'TokenPermissions[]'], ['spender', 'address'], ['nonce', 'uint256'], ['deadline', 'uint256']], nested: { TokenPermissions: TOKEN_PERMISSIONS }, witness: true },
];

function declares(schema: TypedDataSchema, struct: string, fields: Fields, allowOneMore: boolean): boolean {
  const declared = schema.structs.get(struct);
  if (declared === undefined) return false;
  if (declared.length !== fields.length + (allowOneMore ? 1 : 0)) return false;
  return fields.every(([name, type], i) => declared[i]!.name === name && declared[i]!.typeName === type);
}

/** The permit standard the typed data's declarations match exactly, if any. */
export function permitStandardOf(schema: TypedDataSchema, primaryType: string): PermitStandard | undefined {
  const shape = SHAPES.find((s) => s.primary === primaryType && declares(schema, s.primary, s.fields, s.witness === true)
    && Object.entries(s.nested).every(([name, fields]) => declares(schema, name, fields, false)));
  return shape?.standard;
}

interface Parsed {
  space: Space;
  chainId: number;
  schema: TypedDataSchema;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

/** Validates typed data for a space (all values checked against their types) and returns its parts. */
export function parseForEffects(typedData: unknown, space: Space, chainId: number): Parsed {
  try {
    hashTypedData(typedData, space);
  } catch (cause) {
    throw new EffectsError('effects.input', 'typed data is not valid for this space', { cause, details: 'typedData' });
  }
  const record = typedData as { types: unknown; primaryType: string; domain: Record<string, unknown>; message: Record<string, unknown> };
  return { space, chainId, schema: parseTypes(record.types), primaryType: record.primaryType, domain: record.domain, message: record.message };
}

function address(p: Parsed, value: unknown, field: string): string {
  if (p.space === 'espace') return toChecksumAddress(value as string);
    // The 20 bytes are what is signed; the network in a base32 value does not enter the hash.
  const hex = typeof value === 'string' && !value.startsWith('0x') ? bytesToHex(decodeCfxAddressToBytes(value).bytes) : readAddress(value, 'core', p.chainId, field);
  return formatAddress(hex, 'core', p.chainId);
}

const int = (value: unknown, path: string) => readInteger(value, path);
const obj = (value: unknown) => value as Record<string, unknown>;

function allowance(p: Parsed, token: unknown, amount: bigint, expiration: bigint | null, path: string): PermitAllowance {
  return { token: address(p, token, `${path}.token`), amount, unlimited: isUnlimited(amount), expiration };
}

function permitEffect(p: Parsed, standard: PermitStandard): PermitEffect {
  const m = p.message;
  const verifyingContract = typeof p.domain['verifyingContract'] === 'string' ? address(p, p.domain['verifyingContract'], 'domain.verifyingContract') : null;
  const common = { kind: 'permit' as const, space: p.space, standard, verifyingContract, spender: address(p, m['spender'], 'message.spender') };
  const deadlineOf = (value: unknown, path: string) => {
    const n = int(value, path);
    return n === 0n && standard === 'dai' ? null : n;
  };
  switch (standard) {
    case 'eip2612':
      return { ...common, owner: address(p, m['owner'], 'message.owner'), nonce: int(m['nonce'], 'message.nonce'), deadline: deadlineOf(m['deadline'], 'message.deadline'),
        allowances: verifyingContract === null ? [] : [allowance(p, p.domain['verifyingContract'], int(m['value'], 'message.value'), null, 'domain.verifyingContract')], oneTime: false, capEditable: verifyingContract !== null };
    case 'dai': {
      const amount = m['allowed'] === true ? MAX_UINT256 : 0n;
      return { ...common, owner: address(p, m['holder'], 'message.holder'), nonce: int(m['nonce'], 'message.nonce'), deadline: deadlineOf(m['expiry'], 'message.expiry'),
        allowances: verifyingContract === null ? [] : [allowance(p, p.domain['verifyingContract'], amount, null, 'domain.verifyingContract')], oneTime: false, capEditable: false };
    }
    case 'permit2_single':
    case 'permit2_batch': {
      const details = standard === 'permit2_single' ? [obj(m['details'])] : (m['details'] as unknown[]).map(obj);
      return { ...common, owner: null, deadline: int(m['sigDeadline'], 'message.sigDeadline'),
        nonce: standard === 'permit2_single' ? int(details[0]!['nonce'], 'message.details.nonce') : null,
        allowances: details.map((d, i) => allowance(p, d['token'], int(d['amount'], `details[${i}].amount`), int(d['expiration'], `details[${i}].expiration`), `details[${i}]`)),
        oneTime: false, capEditable: true };
    }
    default: {
      const permitted = standard === 'permit2_transfer' ? [obj(m['permitted'])] : (m['permitted'] as unknown[]).map(obj);
      return { ...common, owner: null, deadline: int(m['deadline'], 'message.deadline'), nonce: int(m['nonce'], 'message.nonce'),
        allowances: permitted.map((t, i) => allowance(p, t['token'], int(t['amount'], `permitted[${i}].amount`), null, `permitted[${i}]`)),
        oneTime: true, capEditable: true };
    }
  }
}

/**
 * The effects of signing typed data on a space, for the active chain `chainId`.
 * @throws {EffectsError} `effects.input` when the typed data is not valid for the space
 * @example describeTypedData(permit2Single, 'espace', 1030)
 * // [{ kind: 'permit', standard: 'permit2_single', spender: '0x…', allowances: [{ token, amount, unlimited: true, … }], … }]
 */
export function describeTypedData(typedData: unknown, space: Space, chainId: number): Effect[] {
  const p = parseForEffects(typedData, space, chainId);
  const standard = p.primaryType === DOMAIN_TYPE_NAMES[space] ? undefined : permitStandardOf(p.schema, p.primaryType);
  if (standard !== undefined) return [permitEffect(p, standard)];
  const name = p.domain['name'];
  const contract = p.domain['verifyingContract'];
  return [{ kind: 'typed_data', space, primaryType: p.primaryType, domainName: typeof name === 'string' ? name : null,
    verifyingContract: typeof contract === 'string' ? address(p, contract, 'domain.verifyingContract') : null }];
}
