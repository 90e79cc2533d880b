/**
 * Finding where a token keeps a holder's balance, by proof.
 *
 * An ERC-20/CRC-20 balance lives in a mapping: Solidity puts `balances[holder]` at
 * `keccak(pad32(holder) ‖ pad32(index))` and Vyper at `keccak(pad32(index) ‖ pad32(holder))`,
 * where `index` is the mapping's declaration slot, which depends on the contract. The locator
 * proves the candidate slots for indexes 0 … n−1 in both layouts and keeps the one whose proved
 * value equals a known `balanceOf` value (e.g. a cross-checked one). It refuses to decide when the
 * known value is 0 (every unused slot matches) or when several candidates match.
 *
 * Pure apart from the injected prover; the result is only a *location*: balances read from it
 * later are proved, while the match itself is as good as the value it was matched against.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes, padBytes } from '../encoding/hex.js';

export type MappingLayout = 'solidity' | 'vyper';

export interface BalanceSlotCandidate {
  readonly index: number;
  readonly layout: MappingLayout;
  readonly slot: Uint8Array;
}

export type BalanceSlotLocation =
  | { readonly found: true; readonly index: number; readonly layout: MappingLayout; readonly slot: Uint8Array }
  | { readonly found: false; readonly reason: 'zero_balance' | 'no_match' | 'ambiguous' };

/** Mapping indexes tried by default (most tokens declare their balances among the first slots). */
export const DEFAULT_MAPPING_INDEXES = 10;

function word(n: number): Uint8Array {
  const out = new Uint8Array(32);
  new DataView(out.buffer).setUint32(28, n);
  return out;
}

/** The slot of `holder`'s entry in a mapping declared at `index`. */
export function mappingSlot(holder: Uint8Array, index: number, layout: MappingLayout = 'solidity'): Uint8Array {
  if (!(holder instanceof Uint8Array) || holder.length !== 20) throw new RangeError('holder must be a 20-byte address');
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw new RangeError('index must be a 32-bit unsigned integer');
  const key = padBytes(holder, 32);
  return keccak_256(layout === 'solidity' ? concatBytes(key, word(index)) : concatBytes(word(index), key));
}

export function balanceSlotCandidates(holder: Uint8Array, indexes = DEFAULT_MAPPING_INDEXES): BalanceSlotCandidate[] {
  const out: BalanceSlotCandidate[] = [];
  for (let index = 0; index < indexes; index++) for (const layout of ['solidity', 'vyper'] as const) out.push({ index, layout, slot: mappingSlot(holder, index, layout) });
  return out;
}

/** Picks the candidate whose proved value equals `expected` (values in candidate order). */
export function matchBalanceSlot(candidates: readonly BalanceSlotCandidate[], provedValues: readonly bigint[], expected: bigint): BalanceSlotLocation {
  if (provedValues.length !== candidates.length) throw new RangeError('one proved value per candidate');
  if (expected === 0n) return { found: false, reason: 'zero_balance' };
  const matches = candidates.filter((_, i) => provedValues[i] === expected);
  if (matches.length === 0) return { found: false, reason: 'no_match' };
  if (matches.length > 1) return { found: false, reason: 'ambiguous' };
  const [m] = matches;
  return { found: true, index: m!.index, layout: m!.layout, slot: m!.slot };
}

/**
 * Proves the candidate slots with `prove` (values in slot order) and matches them.
 * @throws whatever `prove` throws (a failed proof decides nothing)
 */
export async function locateBalanceSlot(holder: Uint8Array, expected: bigint, prove: (slots: readonly Uint8Array[]) => Promise<readonly bigint[]>, indexes = DEFAULT_MAPPING_INDEXES): Promise<BalanceSlotLocation> {
  if (expected === 0n) return { found: false, reason: 'zero_balance' };
  const candidates = balanceSlotCandidates(holder, indexes);
  return matchBalanceSlot(candidates, await prove(candidates.map((c) => c.slot)), expected);
}
