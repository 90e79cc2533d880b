/**
 * State keys: what identifies an account or a storage slot in Conflux's state, in the two forms
 * the three tries use (`crates/primitives/src/storage_key.rs`).
 *
 * - Snapshot (raw) keys, also the keys sent to a node: Core account = `addr20`; eSpace account =
 *   `addr20 ‖ 0x81`; storage = `addr20 [‖ 0x81] ‖ "data" ‖ slot32`.
 * - Delta and intermediate tries pad keys with `padding = keccak(snapshotRoot ‖ intermediateRoot)`
 *   of the state they extend: account part = `keccak(padding[0..12] ‖ addr)[0..12] ‖ addr` (32
 *   bytes), then `[0x81]` for eSpace, then for storage `"data" ‖ keccak(padding ‖ slot)[4..32] ‖ slot`.
 *
 * Threat model: a key a node does not expect can crash it (an empty or short key reaches an
 * `unreachable_unchecked` in the 0.3.2 build), so {@link parseStateKeyBytes} accepts exactly the
 * four shapes built here and every encoder of a request validates with it.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes, equalBytes } from '../encoding/hex.js';
import { InvalidInputError } from '../errors.js';
import { isSpace, type Space } from '../space.js';

export type StateKey =
  | { readonly kind: 'account'; readonly space: Space; readonly address: Uint8Array }
  | { readonly kind: 'storage'; readonly space: Space; readonly address: Uint8Array; readonly slot: Uint8Array };

const EVM_SPACE_BYTE = 0x81;
const DATA = new TextEncoder().encode('data');

function aspace(space: unknown): Space {
  if (!isSpace(space)) throw new InvalidInputError('"space" must be "core" or "espace"');
  return space;
}

function abytes(value: unknown, length: number, title: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== length) throw new InvalidInputError(`"${title}" must be ${length} bytes`);
  return Uint8Array.from(value);
}

/** The key of an account (20-byte address) in a space. */
export function accountKey(address: Uint8Array, space: Space): StateKey {
  return { kind: 'account', space: aspace(space), address: abytes(address, 20, 'address') };
}

/** The key of a 32-byte storage slot of a contract in a space. */
export function storageKey(address: Uint8Array, space: Space, slot: Uint8Array): StateKey {
  return { kind: 'storage', space: aspace(space), address: abytes(address, 20, 'address'), slot: abytes(slot, 32, 'slot') };
}

/** The raw key: what the snapshot trie is keyed by and what a `clp` request carries. */
export function stateKeyBytes(key: StateKey): Uint8Array {
  const space = key.space === 'espace' ? Uint8Array.of(EVM_SPACE_BYTE) : new Uint8Array(0);
  return key.kind === 'account' ? concatBytes(key.address, space) : concatBytes(key.address, space, DATA, key.slot);
}

/**
 * Reads a raw key back, accepting only the shapes {@link stateKeyBytes} produces (20, 21, 56 or
 * 57 bytes with the right markers).
 * @throws {InvalidInputError} for anything else
 */
export function parseStateKeyBytes(bytes: Uint8Array): StateKey {
  if (!(bytes instanceof Uint8Array)) throw new InvalidInputError('state key must be a Uint8Array');
  const address = bytes.subarray(0, 20);
  switch (bytes.length) {
    case 20:
      return accountKey(address, 'core');
    case 21:
      if (bytes[20] === EVM_SPACE_BYTE) return accountKey(address, 'espace');
      break;
    case 56:
      if (equalBytes(bytes.subarray(20, 24), DATA)) return storageKey(address, 'core', bytes.subarray(24));
      break;
    case 57:
      if (bytes[20] === EVM_SPACE_BYTE && equalBytes(bytes.subarray(21, 25), DATA)) return storageKey(address, 'espace', bytes.subarray(25));
      break;
  }
  throw new InvalidInputError(`not a well-formed state key (${bytes.length} bytes): expected an account (20, or 21 ending 0x81) or a storage slot (address ‖ [0x81] ‖ "data" ‖ 32 bytes)`);
}

/** Padding of keys in a delta trie whose base state has these snapshot and intermediate roots. */
export function deltaKeyPadding(snapshotRoot: Uint8Array, intermediateRoot: Uint8Array): Uint8Array {
  return keccak_256(concatBytes(snapshotRoot, intermediateRoot));
}

/** The key as the delta (or intermediate) trie stores it, given that trie's padding. */
export function deltaKeyBytes(key: StateKey, padding: Uint8Array): Uint8Array {
  if (padding.length !== 32) throw new InvalidInputError('padding must be 32 bytes');
  const addressPart = concatBytes(keccak_256(concatBytes(padding.subarray(0, 12), key.address)).subarray(0, 12), key.address);
  const space = key.space === 'espace' ? Uint8Array.of(EVM_SPACE_BYTE) : new Uint8Array(0);
  if (key.kind === 'account') return concatBytes(addressPart, space);
  const slotPadding = keccak_256(concatBytes(padding, key.slot));
  return concatBytes(addressPart, space, DATA, slotPadding.subarray(4), key.slot);
}

/** Equality of two keys (same kind, space, address and slot). */
export function sameStateKey(a: StateKey, b: StateKey): boolean {
  return equalBytes(stateKeyBytes(a), stateKeyBytes(b));
}
