/**
 * Differential tests of typed data over random schemas (nested structs, arrays of every kind,
 * all atomic types, random type names so dependency ordering is exercised) and matching values.
 *
 * Oracles:
 * - EIP-712 v4: @metamask/eth-sig-util (`TypedDataUtils.eip712Hash`, `signTypedData` V4, what
 *   MetaMask and Fluent's eSpace path use) and viem (`hashTypedData`).
 * - CIP-23: the same construction with the domain type named `CIP23Domain`. eth-sig-util's generic
 *   `TypedDataUtils.hashStruct` hashes the domain under that name and the message; the digest is
 *   keccak256(0x19 0x01 ‖ both). The v = 0/1 signature is compared with js-conflux-sdk's
 *   `Message.sign` over that digest (what Fluent's cfx_signTypedData_v4 does).
 */
import { SignTypedDataVersion, signTypedData, TypedDataUtils, type MessageTypes, type TypedMessage } from '@metamask/eth-sig-util';
import fc from 'fast-check';
import { Message } from 'js-conflux-sdk';
import { hashTypedData as viemHashTypedData, keccak256, type TypedDataDefinition } from 'viem';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { hashTypedData, recoverCip23TypedDataSigner, recoverEip712TypedDataSigner, signCip23TypedData, signEip712TypedData, type TypedData } from './typed-data.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../keys/address.js';
import { encodeCfxAddress } from '../address/cip37.js';

const RUNS = 200;
type Field = { name: string; type: string };

const ATOMIC = ['address', 'bool', 'string', 'bytes', 'bytes1', 'bytes7', 'bytes32', 'uint8', 'uint64', 'uint256', 'int8', 'int128', 'int256', 'uint24', 'bytes20'];
const typeName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,5}$/);
const fieldName = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,5}$/);

function fieldType(later: string[]): fc.Arbitrary<string> {
  const base = later.length > 0 ? fc.oneof(fc.constantFrom(...ATOMIC), fc.constantFrom(...later)) : fc.constantFrom(...ATOMIC);
  const suffix = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.constant('[]'), fc.integer({ min: 1, max: 3 }).map((n) => `[${n}]`), fc.constant('[][2]'));
  return fc.tuple(base, suffix).map(([b, s]) => b + s);
}

/** Struct i may only refer to structs after it, so schemas are acyclic and values finite. */
const schema = fc.uniqueArray(typeName, { minLength: 1, maxLength: 4 }).chain((names) =>
  fc
    .tuple(...names.map((_, i) => fc.uniqueArray(fc.record({ name: fieldName, type: fieldType(names.slice(i + 1)) }), { minLength: 1, maxLength: 4, selector: (f) => f.name })))
    .map((fieldLists) => ({ primaryType: names[0]!, types: Object.fromEntries(names.map((n, i) => [n, fieldLists[i]!])) as Record<string, Field[]> })),
);

function valueOf(type: string, types: Record<string, Field[]>): fc.Arbitrary<unknown> {
  const array = /\[(\d*)\]$/.exec(type);
  if (array !== null) {
    const inner = valueOf(type.slice(0, array.index), types);
    return array[1] === '' ? fc.array(inner, { maxLength: 3 }) : fc.array(inner, { minLength: Number(array[1]), maxLength: Number(array[1]) });
  }
  const fields = types[type];
  if (fields !== undefined) return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, types)])));
  if (type === 'address') return fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b));
  if (type === 'bool') return fc.boolean();
  if (type === 'string') return fc.string({ unit: 'grapheme', maxLength: 40 });
  if (type === 'bytes') return fc.uint8Array({ maxLength: 80 }).map((b) => bytesToHex(b));
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed !== null) return fc.uint8Array({ minLength: Number(fixed[1]), maxLength: Number(fixed[1]) }).map((b) => bytesToHex(b));
  const int = /^(u?)int(\d+)$/.exec(type)!;
  const bits = BigInt(int[2]!);
  return int[1] === 'u' ? fc.bigInt({ min: 0n, max: (1n << bits) - 1n }) : fc.bigInt({ min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n });
}

const DOMAIN_FIELDS: Field[] = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];

/** Random typed data with a domain of a random subset of the EIP-712 domain fields, in canonical order. */
function typedData(domainType: string, chainId: number): fc.Arbitrary<TypedData> {
  return fc
    .tuple(schema, fc.subarray(DOMAIN_FIELDS))
    .chain(({ 0: s, 1: domainFields }) =>
      fc
        .tuple(
          valueOf(s.primaryType, s.types),
          fc.record({
            name: fc.string({ maxLength: 20 }),
            version: fc.constantFrom('1', '2.0'),
            verifyingContract: fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b)),
            salt: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => bytesToHex(b)),
          }),
        )
        .map(([message, d]) => {
          const all: Record<string, unknown> = { ...d, chainId };
          const domain = Object.fromEntries(domainFields.map((f) => [f.name, all[f.name]]));
          return { types: { [domainType]: domainFields, ...s.types }, primaryType: s.primaryType, domain, message: message as Record<string, unknown> };
        }),
    );
}

const privateKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.some((x) => x !== 0) && b[0]! < 0xff).map((b) => bytesToHex(b));
const chainId = fc.constantFrom(1, 71, 1029, 1030);

describe('EIP-712 v4 against eth-sig-util and viem', () => {
  test('hash and signature agree', () => {
    fc.assert(
      fc.property(chainId.chain((c) => fc.tuple(fc.constant(c), typedData('EIP712Domain', c))), privateKey, ([c, data], pk) => {
        const ours = bytesToHex(hashTypedData(data, 'espace').hash);
        expect(ours).toBe(bytesToHex(TypedDataUtils.eip712Hash(data as unknown as TypedMessage<MessageTypes>, SignTypedDataVersion.V4)));
        expect(ours).toBe(viemHashTypedData(data as unknown as TypedDataDefinition));
        const key = privateKeyFromHex(pk);
        const signature = signEip712TypedData(data, key, c);
        expect(signature).toBe(signTypedData({ privateKey: Buffer.from(pk.slice(2), 'hex'), data: data as unknown as TypedMessage<MessageTypes>, version: SignTypedDataVersion.V4 }));
        expect(recoverEip712TypedDataSigner(data, signature)).toBe(espaceAddressFromPrivateKey(key));
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});

describe('CIP-23 against eth-sig-util hashStruct (domain renamed) and js-conflux-sdk Message.sign', () => {
  test('hash and signature agree', () => {
    fc.assert(
      fc.property(chainId.chain((c) => fc.tuple(fc.constant(c), typedData('CIP23Domain', c))), privateKey, ([c, data], pk) => {
        const types = data.types as unknown as MessageTypes;
        const domainHash = TypedDataUtils.hashStruct('CIP23Domain', data.domain, types, SignTypedDataVersion.V4);
        const messageHash = TypedDataUtils.hashStruct(data.primaryType, data.message, types, SignTypedDataVersion.V4);
        const expected = keccak256(concatBytes(Uint8Array.of(0x19, 0x01), domainHash, messageHash));
        const hashes = hashTypedData(data, 'core');
        expect(bytesToHex(hashes.domainSeparator)).toBe(bytesToHex(domainHash));
        expect(bytesToHex(hashes.hash)).toBe(expected);
        const key = privateKeyFromHex(pk);
        const signature = signCip23TypedData(data, key, c);
        expect(signature).toBe(Message.sign(pk, expected));
        expect(recoverCip23TypedDataSigner(data, signature, c)).toBe(encodeCfxAddress(coreAddressFromPrivateKey(key), c));
        expect(hexToBytes(signature)[64]).toBeLessThan(2);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
