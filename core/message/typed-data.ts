/**
 * Typed structured data: CIP-23 on Core (domain type `CIP23Domain`, base32 addresses allowed,
 * signature v = 0/1 as Fluent returns) and EIP-712 v4 on eSpace (domain type `EIP712Domain`,
 * v = 27/28 as MetaMask returns). Both hash `keccak256(0x19 0x01 ‖ hashStruct(domain) ‖
 * hashStruct(message))`; the domain type's name enters its type hash, so the same data hashes
 * differently under the two names.
 *
 * Threat model: a dApp asks the user to sign data whose meaning the wallet must show truthfully.
 * Everything signed is validated against the declared types (see typed-data-encode), the domain
 * type must be the space's own and contain only EIP-712 domain fields, and signing requires the
 * domain's chainId (when present) to be the active chain — a signature meant for another chain is
 * refused, not produced. A base32 `verifyingContract` must also be on the active network.
 * Specs: https://eips.ethereum.org/EIPS/eip-712, CIP-23 (Conflux-Chain/CIPs `CIPs/cip-23.md`).
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress } from '../address/eip55.js';
import { concatBytes, hexToBytes } from '../encoding/hex.js';
import { coreAddressFromPublicKey, espaceAddressFromPublicKey } from '../keys/address.js';
import type { PrivateKey } from '../keys/private-key.js';
import { recoverPublicKey } from '../keys/signature.js';
import type { Space } from '../space.js';
import { MessageError } from './errors.js';
import { formatSignature, parseSignature } from './signature-format.js';
import { readInteger, StructHasher, type AddressReader } from './typed-data-encode.js';
import { parseTypes, type TypedDataSchema } from './typed-data-schema.js';

export interface TypedDataField {
  name: string;
  type: string;
}

export interface TypedData {
  types: Record<string, TypedDataField[]>;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

export interface TypedDataHashes {
  domainSeparator: Uint8Array;
  /** hashStruct(message); null when the primary type is the domain type itself. */
  messageHash: Uint8Array | null;
  /** The digest that is signed. */
  hash: Uint8Array;
}

export const DOMAIN_TYPE_NAMES: Readonly<Record<Space, string>> = { core: 'CIP23Domain', espace: 'EIP712Domain' };

/** The only fields EIP-712 (and CIP-23) define for a domain, with their types. */
const DOMAIN_FIELD_TYPES: Readonly<Record<string, string>> = {
  name: 'string',
  version: 'string',
  chainId: 'uint256',
  verifyingContract: 'address',
  salt: 'bytes32',
};

const TOP_LEVEL_KEYS = ['types', 'primaryType', 'domain', 'message'];

function readHexAddress(value: string, path: string): Uint8Array {
  try {
    return hexToBytes(parseEspaceAddress(value), 20);
  } catch (cause) {
    throw new MessageError('typed.value', `${path}: not a valid hex address (EIP-55 checksum is checked for mixed case)`, { cause, details: path });
  }
}

const ADDRESS_READERS: Readonly<Record<Space, AddressReader>> = {
  espace(value, path) {
    if (typeof value !== 'string') throw new MessageError('typed.value', `${path}: expected a 0x address`, { details: path });
    return readHexAddress(value, path);
  },
  core(value, path) {
    if (typeof value !== 'string') throw new MessageError('typed.value', `${path}: expected a base32 or 0x address`, { details: path });
    if (value.startsWith('0x')) return readHexAddress(value, path);
    try {
      return decodeCfxAddressToBytes(value).bytes;
    } catch (cause) {
      throw new MessageError('typed.value', `${path}: not a valid address`, { cause, details: path });
    }
  },
};

interface ParsedTypedData {
  schema: TypedDataSchema;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

function parseTypedData(input: unknown, space: Space): ParsedTypedData {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new MessageError('typed.shape', 'typed data: expected an object');
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new MessageError('typed.shape', `typed data: unexpected key "${key}"`, { details: key });
  }
  const { primaryType, domain, message } = record;
  if (typeof primaryType !== 'string') throw new MessageError('typed.shape', 'primaryType: expected a string', { details: 'primaryType' });
  if (typeof domain !== 'object' || domain === null || Array.isArray(domain)) throw new MessageError('typed.shape', 'domain: expected an object', { details: 'domain' });
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new MessageError('typed.shape', 'message: expected an object', { details: 'message' });
  const schema = parseTypes(record['types']);

  const domainType = DOMAIN_TYPE_NAMES[space];
  const otherDomainType = DOMAIN_TYPE_NAMES[space === 'core' ? 'espace' : 'core'];
  if (schema.structs.has(otherDomainType)) {
    throw new MessageError('typed.domain', `${otherDomainType} is not the domain type on ${space === 'core' ? 'Core (use CIP23Domain)' : 'eSpace (use EIP712Domain)'}`, { details: `types.${otherDomainType}` });
  }
  const domainFields = schema.structs.get(domainType);
  if (domainFields === undefined) throw new MessageError('typed.domain', `types.${domainType} is missing`, { details: `types.${domainType}` });
  for (const field of domainFields) {
    const expected = DOMAIN_FIELD_TYPES[field.name];
    if (expected === undefined) throw new MessageError('typed.domain', `${domainType}.${field.name} is not an EIP-712 domain field`, { details: `types.${domainType}` });
    if (field.typeName !== expected) throw new MessageError('typed.domain', `${domainType}.${field.name} must have type ${expected}`, { details: `types.${domainType}` });
  }
  if (!schema.structs.has(primaryType)) throw new MessageError('typed.unknown_type', `primaryType "${primaryType}" is not declared`, { details: 'primaryType' });
  return { schema, primaryType, domain: domain as Record<string, unknown>, message: message as Record<string, unknown> };
}

function hashParsed(parsed: ParsedTypedData, space: Space): TypedDataHashes {
  const hasher = new StructHasher(parsed.schema, ADDRESS_READERS[space]);
  const domainType = DOMAIN_TYPE_NAMES[space];
  const domainSeparator = hasher.hashStruct(domainType, parsed.domain, 'domain');
  let messageHash: Uint8Array | null = null;
  if (parsed.primaryType === domainType) {
    // EIP-712 (and eth-sig-util v4, viem): signing the domain alone hashes 0x1901 ‖ domainSeparator.
    if (Object.keys(parsed.message).length > 0) throw new MessageError('typed.extra_field', 'message must be empty when the primary type is the domain', { details: 'message' });
  } else {
    messageHash = hasher.hashStruct(parsed.primaryType, parsed.message, 'message');
  }
  const hash = keccak_256(concatBytes(Uint8Array.of(0x19, 0x01), domainSeparator, ...(messageHash === null ? [] : [messageHash])));
  return { domainSeparator, messageHash, hash };
}

/**
 * Validates and hashes typed data for a space, without a chain check (for display and recovery).
 * @throws {MessageError} one code per failed rule; `details` is the path
 */
export function hashTypedData(typedData: unknown, space: Space): TypedDataHashes {
  return hashParsed(parseTypedData(typedData, space), space);
}

/** Refuses a domain bound to another chain (or, on Core, a base32 contract on another network). */
function assertDomainChain(parsed: ParsedTypedData, space: Space, activeChainId: number): void {
  if (!Number.isInteger(activeChainId) || activeChainId < 1) throw new MessageError('typed.chain_id', `activeChainId: expected a positive integer, got ${String(activeChainId)}`);
  const declared = parsed.schema.structs.get(DOMAIN_TYPE_NAMES[space])!;
  if (declared.some((f) => f.name === 'chainId')) {
    const chainId = readInteger(parsed.domain['chainId'], 'domain.chainId');
    if (chainId !== BigInt(activeChainId)) {
      throw new MessageError('typed.chain_id', `typed data is for chain ${chainId} but the active chain is ${activeChainId}`, { details: 'domain.chainId' });
    }
  }
  const contract = parsed.domain['verifyingContract'];
  if (space === 'core' && typeof contract === 'string' && !contract.startsWith('0x')) {
    const { networkId } = decodeCfxAddressToBytes(contract);
    if (networkId !== activeChainId) {
      throw new MessageError('typed.chain_id', `verifyingContract is on network ${networkId} but the active chain is ${activeChainId}`, { details: 'domain.verifyingContract' });
    }
  }
}

function signTypedData(typedData: unknown, key: PrivateKey, activeChainId: number, space: Space): string {
  const parsed = parseTypedData(typedData, space);
  // Hash first so malformed data reports its own error before any chain comparison.
  const { hash } = hashParsed(parsed, space);
  assertDomainChain(parsed, space, activeChainId);
  return formatSignature(key.signHash(hash), space);
}

/** Core `cfx_signTypedData_v4` (CIP-23): signature hex with v = 0/1. */
export function signCip23TypedData(typedData: unknown, key: PrivateKey, activeChainId: number): string {
  return signTypedData(typedData, key, activeChainId, 'core');
}

/** eSpace `eth_signTypedData_v4` (EIP-712): signature hex with v = 27/28. */
export function signEip712TypedData(typedData: unknown, key: PrivateKey, activeChainId: number): string {
  return signTypedData(typedData, key, activeChainId, 'espace');
}

/** Base32 address (on `networkId`) that produced a CIP-23 signature. */
export function recoverCip23TypedDataSigner(typedData: unknown, signature: string, networkId: number): string {
  const { hash } = hashTypedData(typedData, 'core');
  return encodeCfxAddress(coreAddressFromPublicKey(recoverPublicKey(hash, parseSignature(signature, 'core'))), networkId);
}

/** EIP-55 address that produced an EIP-712 signature. */
export function recoverEip712TypedDataSigner(typedData: unknown, signature: string): string {
  const { hash } = hashTypedData(typedData, 'espace');
  return espaceAddressFromPublicKey(recoverPublicKey(hash, parseSignature(signature, 'espace')));
}
