/**
 * Spending-cap rewriting: approve / increaseAllowance / Permit2 approve calldata and EIP-2612 /
 * Permit2 typed data get the new cap and nothing else changes (checked with viem's decoder and
 * viem's EIP-712 hash as independent oracles); everything that is not a cap-bearing request, not
 * canonical, or out of range is refused with its code.
 */
import fc from 'fast-check';
import { decodeFunctionData, encodeFunctionData, hashTypedData as viemHashTypedData, maxUint256, parseAbi, type Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../encoding/hex.js';
import { hashTypedData } from '../message/typed-data.js';
import { rewriteApprovalCap, rewritePermitCap } from './spending-cap.js';
import type { TransactionRequest } from './transaction.js';
import { asSent, daiPermit, eip2612, permitBatch, permitSingle, permitTransferFrom, SPENDER } from './typed-data.testkit.js';

const SEED = 0xca9_ca9;
const TOKEN = '0x7d682e65efc5c13bf4e394b8f376c48e6bae0355';
const abi = parseAbi([
  'function approve(address spender, uint256 amount)',
  'function increaseAllowance(address spender, uint256 addedValue)',
  'function decreaseAllowance(address spender, uint256 subtractedValue)',
  'function transfer(address to, uint256 amount)',
  'function approve(address token, address spender, uint160 amount, uint48 expiration)',
]);
const request = (data: Hex, value = 0n): TransactionRequest => ({ space: 'espace', chainId: 1030, to: TOKEN, value, data });

describe('approval calldata', () => {
  test('approve: only the amount changes', () => {
    const data = encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, maxUint256] });
    const out = rewriteApprovalCap(request(data), 1000n) as Hex;
    expect(decodeFunctionData({ abi, data: out })).toEqual({ functionName: 'approve', args: [SPENDER, 1000n] });
    expect(out.length).toBe(data.length);
  });

  test('increaseAllowance and Permit2 approve (uint160 cap, expiration kept)', () => {
    const inc = encodeFunctionData({ abi, functionName: 'increaseAllowance', args: [SPENDER, maxUint256] });
    expect(decodeFunctionData({ abi, data: rewriteApprovalCap(request(inc), 0n) as Hex }).args).toEqual([SPENDER, 0n]);
    const p2 = encodeFunctionData({ abi, functionName: 'approve', args: [TOKEN, SPENDER, (1n << 160n) - 1n, 123] });
    expect(decodeFunctionData({ abi, data: rewriteApprovalCap(request(p2), 5n) as Hex }).args).toEqual([expect.stringMatching(/^0x7d682e65/i), SPENDER, 5n, 123]);
    expect(() => rewriteApprovalCap(request(p2), 1n << 160n)).toThrow(expect.objectContaining({ code: 'effects.cap_range' }));
  });

  test.each<[string, TransactionRequest, unknown, string]>([
    ['a transfer', request(encodeFunctionData({ abi, functionName: 'transfer', args: [SPENDER, 1n] })), 1n, 'effects.cap_not_applicable'],
    ['decreaseAllowance', request(encodeFunctionData({ abi, functionName: 'decreaseAllowance', args: [SPENDER, 1n] })), 1n, 'effects.cap_not_applicable'],
    ['an approve sent with value', request(encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] }), 1n), 1n, 'effects.cap_not_applicable'],
    ['a plain transfer of CFX', request('0x', 5n), 1n, 'effects.cap_not_applicable'],
    ['trailing bytes', request(`${encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] })}00`), 1n, 'effects.cap_non_canonical'],
    ['dirty address bits', request(`0x095ea7b3${'ff'.repeat(12)}${encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] }).slice(34)}`), 1n, 'effects.cap_non_canonical'],
    ['a negative cap', request(encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] })), -1n, 'effects.cap_range'],
    ['a cap above uint256', request(encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] })), 1n << 256n, 'effects.cap_range'],
    ['a number cap', request(encodeFunctionData({ abi, functionName: 'approve', args: [SPENDER, 1n] })), 5, 'effects.cap_range'],
  ])('%s is refused', (_name, req, cap, code) => {
    expect(() => rewriteApprovalCap(req, cap as bigint)).toThrow(expect.objectContaining({ code }));
  });

  test(`random approvals get exactly the new cap (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.bigInt({ min: 0n, max: maxUint256 }), fc.bigInt({ min: 0n, max: maxUint256 }), (spender, amount, cap) => {
        const data = encodeFunctionData({ abi, functionName: 'approve', args: [bytesToHex(spender), amount] });
        const decoded = decodeFunctionData({ abi, data: rewriteApprovalCap(request(data), cap) as Hex });
        expect(decoded.args[0].toLowerCase()).toBe(bytesToHex(spender));
        expect(decoded.args[1]).toBe(cap);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('permit typed data', () => {
  const rehash = (typedData: unknown) => viemHashTypedData(typedData as never);

  test('EIP-2612: the copy hashes like viem\'s permit with the new value; the input is untouched', () => {
    const input = asSent(eip2612());
    const before = JSON.stringify(input);
    const out = rewritePermitCap(input, 'espace', 1030, 500n);
    expect(JSON.stringify(input)).toBe(before);
    expect((out as { message: { value: string } }).message.value).toBe('500');
    expect(bytesToHex(hashTypedData(out, 'espace').hash)).toBe(rehash(asSent(eip2612(500n))));
  });

  test('Permit2 single, batch entry 1 and transfer', () => {
    expect(bytesToHex(hashTypedData(rewritePermitCap(asSent(permitSingle()), 'espace', 1030, 7n), 'espace').hash)).toBe(rehash(asSent(permitSingle(7n))));
    const batch = rewritePermitCap(asSent(permitBatch()), 'espace', 1030, 9n, 1) as { message: { details: { amount: unknown }[] } };
    expect(batch.message.details.map((d) => String(d.amount))).toEqual(['10', '9']);
    const transfer = rewritePermitCap(asSent(permitTransferFrom()), 'espace', 1030, 1n) as { message: { permitted: { amount: unknown } } };
    expect(transfer.message.permitted.amount).toBe('1');
  });

  test.each<[string, () => unknown, string]>([
    ['a DAI permit (no amount)', () => rewritePermitCap(asSent(daiPermit(true)), 'espace', 1030, 1n), 'effects.cap_not_applicable'],
    ['an index past the batch', () => rewritePermitCap(asSent(permitBatch()), 'espace', 1030, 1n, 2), 'effects.cap_not_applicable'],
    ['a Permit2 cap above uint160', () => rewritePermitCap(asSent(permitSingle()), 'espace', 1030, 1n << 160n), 'effects.cap_range'],
    ['invalid typed data', () => rewritePermitCap({ types: {} }, 'espace', 1030, 1n), 'effects.input'],
  ])('%s is refused', (_name, fn, code) => {
    expect(fn).toThrow(expect.objectContaining({ code }));
  });
});
