/**
 * Decoding of proved state values: accounts (`crates/primitives/src/account.rs`) and storage
 * values (`StorageValue` in `storage.rs`).
 *
 * Account RLP by item count: 5 = Core user `[balance, nonce, staking_balance,
 * collateral_for_storage, accumulated_interest_return]`; 8 = Core contract (the same plus
 * code_hash after nonce, admin and sponsor info); 3 = eSpace `[balance, nonce, code_hash]`. A
 * storage value is a U256, or `[value, owner]` when a Core contract's storage collateral has an
 * owner. Integers must be canonical; anything else is `state.value_malformed` — a proved value that
 * does not decode is reported, never guessed at.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { decodeRlp, rlpBytes, rlpList, rlpToBigInt, type RlpDecoded } from '../encoding/rlp.js';
import type { Space } from '../space.js';
import { StateProofError } from './errors.js';

export type AccountState =
  | { readonly kind: 'core_user'; readonly balance: bigint; readonly nonce: bigint; readonly stakingBalance: bigint; readonly collateralForStorage: bigint; readonly accumulatedInterestReturn: bigint }
  | {
      readonly kind: 'core_contract';
      readonly balance: bigint;
      readonly nonce: bigint;
      readonly codeHash: string;
      readonly stakingBalance: bigint;
      readonly collateralForStorage: bigint;
      readonly accumulatedInterestReturn: bigint;
      readonly admin: string;
    }
  | { readonly kind: 'espace'; readonly balance: bigint; readonly nonce: bigint; readonly codeHash: string };

export interface StorageState {
  readonly value: bigint;
  /** The account whose collateral pays for the slot (Core contracts), if recorded. */
  readonly owner: string | null;
}

function fail(message: string, cause?: unknown): StateProofError {
  return new StateProofError('state.value_malformed', 'entry', message, cause === undefined ? {} : { cause });
}

function fixed(item: RlpDecoded | undefined, length: number, title: string): string {
  const bytes = rlpBytes(item, title);
  if (bytes.length !== length) throw fail(`${title} is ${bytes.length} bytes, expected ${length}`);
  return bytesToHex(bytes);
}

/**
 * @throws {StateProofError} `state.value_malformed`
 */
export function decodeAccount(value: Uint8Array, space: Space): AccountState {
  try {
    const items = rlpList(decodeRlp(value), 'account');
    const int = (i: number, title: string): bigint => rlpToBigInt(items[i], title);
    if (space === 'espace') {
      if (items.length !== 3) throw fail(`an eSpace account has 3 fields, this one ${items.length}`);
      return { kind: 'espace', balance: int(0, 'balance'), nonce: int(1, 'nonce'), codeHash: fixed(items[2], 32, 'code hash') };
    }
    if (items.length === 5) {
      return { kind: 'core_user', balance: int(0, 'balance'), nonce: int(1, 'nonce'), stakingBalance: int(2, 'staking balance'), collateralForStorage: int(3, 'collateral'), accumulatedInterestReturn: int(4, 'interest') };
    }
    if (items.length === 8) {
      rlpList(items[7], 'sponsor info');
      return {
        kind: 'core_contract',
        balance: int(0, 'balance'),
        nonce: int(1, 'nonce'),
        codeHash: fixed(items[2], 32, 'code hash'),
        stakingBalance: int(3, 'staking balance'),
        collateralForStorage: int(4, 'collateral'),
        accumulatedInterestReturn: int(5, 'interest'),
        admin: fixed(items[6], 20, 'admin'),
      };
    }
    throw fail(`a Core account has 5 or 8 fields, this one ${items.length}`);
  } catch (error) {
    if (error instanceof StateProofError) throw error;
    throw fail('the proved account does not decode', error);
  }
}

/**
 * @throws {StateProofError} `state.value_malformed`
 */
export function decodeStorageValue(value: Uint8Array): StorageState {
  try {
    const item = decodeRlp(value);
    if (item instanceof Uint8Array) return { value: rlpToBigInt(item, 'storage value'), owner: null };
    if (item.length !== 2) throw fail(`a storage value list has 2 items, this one ${item.length}`);
    return { value: rlpToBigInt(item[0], 'storage value'), owner: fixed(item[1], 20, 'storage owner') };
  } catch (error) {
    if (error instanceof StateProofError) throw error;
    throw fail('the proved storage value does not decode', error);
  }
}
