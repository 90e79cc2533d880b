/**
 * Accounts and storage slots proved at an epoch: {@link proveStateEntries} plus decoding of the
 * proved values. An account the state does not hold is proved absent and reads as balance 0,
 * nonce 0 (what nodes answer for it); a slot that is not stored reads as 0.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { decodeAccount, decodeStorageValue, type AccountState } from './account.js';
import { accountKey, storageKey } from './keys.js';
import { proveStateEntries, type ProveOptions, type ProvedState, type StateProofSource } from './prove.js';
import type { VerifiedHeaderSource } from './header.js';

export interface ProofSources {
  readonly headers: VerifiedHeaderSource;
  readonly proofs: StateProofSource;
}

/** Where a proved value is anchored: the epoch and the verified header that commits its state. */
export interface ProofAnchor {
  readonly epoch: number;
  readonly witness: { readonly height: number; readonly hash: string };
  readonly stateRoot: string;
}

export interface ProvedAccount extends ProofAnchor {
  readonly address: string;
  readonly space: Space;
  readonly balance: bigint;
  readonly nonce: bigint;
  /** The decoded account, or null when it is proved absent. */
  readonly account: AccountState | null;
}

export interface ProvedStorage extends ProofAnchor {
  readonly address: string;
  readonly space: Space;
  readonly slot: string;
  readonly value: bigint;
  /** False when the slot is proved not stored (value 0). */
  readonly stored: boolean;
}

function anchor(p: ProvedState): ProofAnchor {
  return { epoch: p.epoch, witness: p.witness, stateRoot: p.stateRoot };
}

/**
 * Proves accounts (20-byte addresses with their space) at `epoch`.
 * @throws {StateProofError} see {@link proveStateEntries}; `state.value_malformed` for a proved value that is no account
 */
export async function proveAccounts(epoch: number, accounts: readonly { readonly address: Uint8Array; readonly space: Space }[], sources: ProofSources, options: ProveOptions = {}): Promise<ProvedAccount[]> {
  const proved = await proveStateEntries(epoch, accounts.map((a) => accountKey(a.address, a.space)), sources, options);
  return proved.map((p, i) => {
    const { address, space } = accounts[i]!;
    const account = p.proved.kind === 'value' ? decodeAccount(p.proved.value, space) : null;
    return { ...anchor(p), address: bytesToHex(address), space, balance: account?.balance ?? 0n, nonce: account?.nonce ?? 0n, account };
  });
}

/**
 * Proves storage slots (32 bytes each) of a contract at `epoch`.
 * @throws {StateProofError} see {@link proveStateEntries}; `state.value_malformed`
 */
export async function proveStorage(epoch: number, contract: { readonly address: Uint8Array; readonly space: Space }, slots: readonly Uint8Array[], sources: ProofSources, options: ProveOptions = {}): Promise<ProvedStorage[]> {
  const proved = await proveStateEntries(epoch, slots.map((s) => storageKey(contract.address, contract.space, s)), sources, options);
  return proved.map((p, i) => {
    const value = p.proved.kind === 'value' ? decodeStorageValue(p.proved.value).value : 0n;
    return { ...anchor(p), address: bytesToHex(contract.address), space: contract.space, slot: bytesToHex(slots[i]!), value, stored: p.proved.kind === 'value' };
  });
}
