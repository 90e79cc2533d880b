import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, test } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { balanceSlotCandidates, locateBalanceSlot, mappingSlot, matchBalanceSlot } from './token-slot.js';

const holder = hexToBytes('0x1d0d1bd01af15d9e646622933fb749198f3a190c');
const pad = (b: Uint8Array) => concatBytes(new Uint8Array(32 - b.length), b);

describe('balance slots', () => {
  test('Solidity: keccak(pad32(holder) ‖ pad32(index)); Vyper: the other way round', () => {
    // The slot the dev-node token of test/support stores the holder's balance at (mapping index 3).
    expect(bytesToHex(mappingSlot(holder, 3))).toBe('0xf949605379186f4fef86a0ec636b6b1c318a3fd90ca69a0ff3eb2f5bc5ad3954');
    expect(bytesToHex(mappingSlot(holder, 3, 'vyper'))).toBe(bytesToHex(keccak_256(concatBytes(pad(Uint8Array.of(3)), pad(holder)))));
    expect(balanceSlotCandidates(holder, 4)).toHaveLength(8);
  });

  test('the one candidate whose proved value is the known balance', async () => {
    const candidates = balanceSlotCandidates(holder);
    const stored = new Map([[bytesToHex(mappingSlot(holder, 3)), 123_456_789n]]);
    const prove = async (slots: readonly Uint8Array[]) => slots.map((s) => stored.get(bytesToHex(s)) ?? 0n);
    expect(await locateBalanceSlot(holder, 123_456_789n, prove)).toMatchObject({ found: true, index: 3, layout: 'solidity' });
    expect(await locateBalanceSlot(holder, 5n, prove)).toEqual({ found: false, reason: 'no_match' });
    expect(await locateBalanceSlot(holder, 0n, prove)).toEqual({ found: false, reason: 'zero_balance' });
    expect(matchBalanceSlot(candidates, candidates.map(() => 7n), 7n)).toEqual({ found: false, reason: 'ambiguous' });
  });

  test('a failed proof decides nothing', async () => {
    await expect(locateBalanceSlot(holder, 1n, () => Promise.reject(new Error('lying gateway')))).rejects.toThrow('lying gateway');
  });
});
