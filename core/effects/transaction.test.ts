/**
 * describeTransaction, one table per decoder: calldata built by viem (eSpace) and by
 * js-conflux-sdk (Core, including its own ABIs of the internal contracts) is read back into the
 * effects a user must see; hostile and malformed requests give typed errors or honest unknowns.
 */
import fc from 'fast-check';
import { Conflux } from 'js-conflux-sdk';
import { encodeFunctionData, maxUint256, parseAbi, type Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import { decodeCfxAddress, encodeCfxAddress } from '../address/cip37.js';
import { toChecksumAddress } from '../address/eip55.js';
import { EffectsError } from './errors.js';
import { internalContract } from './internal-contracts.js';
import { effectsToJson } from './json.js';
import { COMMON_SIGNATURES, signatureTable } from './signatures.js';
import { describeTransaction, type TransactionRequest } from './transaction.js';
import type { Effect } from './types.js';

const TOKEN = '0x7d682e65efc5c13bf4e394b8f376c48e6bae0355';
const SPENDER = '0x00000000000000000000000000000000000000aa';
const ALICE = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const BOB = '0x1b716c51381e76900ebaa7999a488511a4e1fd0a';
const PERMIT2 = '0x000000000022d473030f116ddee9f6b43ac78ba3';

const erc = parseAbi([
  'function transfer(address to, uint256 amount)',
  'function transferFrom(address from, address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
  'function increaseAllowance(address spender, uint256 addedValue)',
  'function decreaseAllowance(address spender, uint256 subtractedValue)',
  'function setApprovalForAll(address operator, bool approved)',
  'function safeTransferFrom(address from, address to, uint256 tokenId)',
  'function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)',
  'function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] amounts, bytes data)',
  'function approve(address token, address spender, uint160 amount, uint48 expiration)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls)',
]);

const espace = (data: Hex, value = 0n, to: string | null = TOKEN): TransactionRequest => ({ space: 'espace', chainId: 1030, to, value, data });
const cs = toChecksumAddress;

describe('eSpace calls built by viem', () => {
  test.each<[string, TransactionRequest, Partial<Effect>]>([
    ['transfer', espace(encodeFunctionData({ abi: erc, functionName: 'transfer', args: [BOB, 5n] })),
      { kind: 'token_transfer', token: cs(TOKEN), from: null, to: cs(BOB), amount: 5n, mayBeNft: false }],
    ['transferFrom', espace(encodeFunctionData({ abi: erc, functionName: 'transferFrom', args: [ALICE, BOB, 7n] })),
      { kind: 'token_transfer', from: cs(ALICE), to: cs(BOB), amount: 7n, mayBeNft: true }],
    ['unlimited approve', espace(encodeFunctionData({ abi: erc, functionName: 'approve', args: [SPENDER, maxUint256] })),
      { kind: 'token_approval', method: 'approve', spender: cs(SPENDER), amount: maxUint256, change: 'set', unlimited: true, capEditable: true }],
    ['approve at the threshold', espace(encodeFunctionData({ abi: erc, functionName: 'approve', args: [SPENDER, 1n << 128n] })), { unlimited: true }],
    ['approve below the threshold', espace(encodeFunctionData({ abi: erc, functionName: 'approve', args: [SPENDER, (1n << 128n) - 1n] })), { unlimited: false }],
    ['increaseAllowance', espace(encodeFunctionData({ abi: erc, functionName: 'increaseAllowance', args: [SPENDER, maxUint256] })),
      { kind: 'token_approval', method: 'increaseAllowance', change: 'increase', unlimited: true, mayBeNft: false }],
    ['decreaseAllowance', espace(encodeFunctionData({ abi: erc, functionName: 'decreaseAllowance', args: [SPENDER, maxUint256] })),
      { kind: 'token_approval', method: 'decreaseAllowance', change: 'decrease', unlimited: false, capEditable: false }],
    ['setApprovalForAll', espace(encodeFunctionData({ abi: erc, functionName: 'setApprovalForAll', args: [SPENDER, true] })),
      { kind: 'approval_for_all', token: cs(TOKEN), operator: cs(SPENDER), approved: true }],
    ['ERC-721 safeTransferFrom', espace(encodeFunctionData({ abi: erc, functionName: 'safeTransferFrom', args: [ALICE, BOB, 42n] })),
      { kind: 'nft_transfer', standard: 'erc721', tokenIds: [42n], amounts: null }],
    ['ERC-1155 safeTransferFrom', espace(encodeFunctionData({ abi: erc, functionName: 'safeTransferFrom', args: [ALICE, BOB, 3n, 9n, '0x'] })),
      { kind: 'nft_transfer', standard: 'erc1155', tokenIds: [3n], amounts: [9n] }],
    ['ERC-1155 batch', espace(encodeFunctionData({ abi: erc, functionName: 'safeBatchTransferFrom', args: [ALICE, BOB, [1n, 2n], [10n, 20n], '0x01'] })),
      { kind: 'nft_transfer', standard: 'erc1155', tokenIds: [1n, 2n], amounts: [10n, 20n] }],
    ['Permit2 approve', espace(encodeFunctionData({ abi: erc, functionName: 'approve', args: [TOKEN, SPENDER, (1n << 160n) - 1n, 1_900_000_000] }), 0n, PERMIT2),
      { kind: 'token_approval', method: 'permit2_approve', token: cs(TOKEN), spender: cs(SPENDER), unlimited: true, expiration: 1_900_000_000n, via: cs(PERMIT2) }],
  ])('%s', (_name, request, expected) => {
    const effects = describeTransaction(request);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ ...expected, irregularities: [] });
  });

  test('a table function is a contract_call with named arguments in EIP-55', () => {
    const data = encodeFunctionData({ abi: erc, functionName: 'swapExactTokensForTokens', args: [10n, 9n, [TOKEN, SPENDER], BOB, 99n] });
    expect(describeTransaction(espace(data, 0n, SPENDER))).toEqual([{
      kind: 'contract_call', space: 'espace', contract: cs(SPENDER), contractName: null, selector: '0x38ed1739',
      signature: 'swapExactTokensForTokens(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)',
      args: [
        { name: 'amountIn', type: 'uint256', value: 10n }, { name: 'amountOutMin', type: 'uint256', value: 9n },
        { name: 'path', type: 'address[]', value: [cs(TOKEN), cs(SPENDER)] }, { name: 'to', type: 'address', value: cs(BOB) },
        { name: 'deadline', type: 'uint256', value: 99n },
      ],
      irregularities: [],
    }]);
  });

  test('tuples inside arrays keep their addresses in EIP-55', () => {
    const data = encodeFunctionData({ abi: erc, functionName: 'aggregate3', args: [[{ target: TOKEN, allowFailure: false, callData: '0x1234' }]] });
    const [effect] = describeTransaction(espace(data, 0n, SPENDER));
    expect(effect).toMatchObject({ kind: 'contract_call', args: [{ name: 'calls', type: '(address,bool,bytes)[]', value: [[cs(TOKEN), false, '0x1234']] }] });
  });

  test('value, plain transfer and contract creation', () => {
    expect(describeTransaction(espace('0x', 10n, BOB))).toEqual([{ kind: 'native_transfer', space: 'espace', to: cs(BOB), amount: 10n }]);
    expect(describeTransaction(espace('0x', 0n, BOB))).toEqual([]);
    expect(describeTransaction(espace('0x6080604052', 3n, null))).toEqual([{ kind: 'contract_creation', space: 'espace', amount: 3n, codeSize: 5 }]);
    const payable = describeTransaction(espace(encodeFunctionData({ abi: erc, functionName: 'transfer', args: [BOB, 1n] }), 4n));
    expect(payable.map((e) => e.kind)).toEqual(['native_transfer', 'token_transfer']);
  });

  test('unknown and undecodable calls say so plainly', () => {
    expect(describeTransaction(espace('0xdeadbeef00'))).toEqual([{ kind: 'unknown_call', space: 'espace', contract: cs(TOKEN), selector: '0xdeadbeef', dataSize: 5, reason: 'not_in_table', expected: null }]);
    expect(describeTransaction(espace('0xa9059c'))).toMatchObject([{ kind: 'unknown_call', selector: null, reason: 'short_data' }]);
    // transfer's selector with one argument only.
    expect(describeTransaction(espace(`0xa9059cbb${'00'.repeat(32)}`))).toMatchObject([{ kind: 'unknown_call', reason: 'undecodable', expected: 'transfer(address to,uint256 amount)' }]);
  });

  test('an irregular approve is still shown as an approval, flagged, and its cap is not editable', () => {
    const clean = encodeFunctionData({ abi: erc, functionName: 'approve', args: [SPENDER, maxUint256] });
    const dirty = `0x095ea7b3${'ff'.repeat(12)}${clean.slice(34)}` as Hex;
    const trailing = `${clean}00` as Hex;
    expect(describeTransaction(espace(dirty))[0]).toMatchObject({ kind: 'token_approval', spender: cs(SPENDER), unlimited: true, capEditable: false, irregularities: [{ code: 'dirty_padding', at: 0 }] });
    expect(describeTransaction(espace(trailing))[0]).toMatchObject({ kind: 'token_approval', capEditable: false, irregularities: [{ code: 'trailing_data', at: 64 }] });
  });

  test.each<[string, Partial<TransactionRequest>]>([
    ['space', { space: 'btc' as never }],
    ['chainId 0', { chainId: 0 }],
    ['value negative', { value: -1n }],
    ['value 2^256', { value: 1n << 256n }],
    ['value as decimal string', { value: '10' }],
    ['odd data', { data: '0xabc' }],
    ['to bad checksum', { to: '0x7D682e65efc5c13bf4e394b8f376c48e6bae0355' }],
    ['to base32 on eSpace', { to: encodeCfxAddress(ALICE, 1029) }],
  ])('malformed request (%s) is an EffectsError', (_name, patch) => {
    expect(() => describeTransaction({ ...espace('0x'), ...patch })).toThrow(EffectsError);
  });
});

describe('Core calls built by js-conflux-sdk', () => {
  const cfx = new Conflux({ networkId: 1029 });
  const core = (tx: { to: string; data: string }, value = 0n): TransactionRequest => ({ space: 'core', chainId: 1029, to: tx.to, value, data: tx.data });
  const base32 = (hex: string) => encodeCfxAddress(hex, 1029);
  const CRC20 = '0x8b017126d2fede908a86b36b43969f17d25f3770';
  const contract = cfx.Contract({ abi: [...erc], address: base32(CRC20) }) as unknown as Record<string, (...args: unknown[]) => { to: string; data: string }>;

  test('CRC-20 approve with base32 addresses', () => {
    expect(describeTransaction(core(contract['approve(address,uint256)']!(base32(ALICE), maxUint256)))).toMatchObject([
      { kind: 'token_approval', space: 'core', token: base32(CRC20), spender: base32(ALICE), unlimited: true },
    ]);
  });

  test('a hex `to` on Core is accepted, base32 of another network is refused', () => {
    expect(describeTransaction({ space: 'core', chainId: 1029, to: ALICE, value: 1n, data: '0x' })).toEqual([{ kind: 'native_transfer', space: 'core', to: base32(ALICE), amount: 1n }]);
    expect(() => describeTransaction({ space: 'core', chainId: 1029, to: encodeCfxAddress(ALICE, 1), value: 1n, data: '0x' })).toThrow(EffectsError);
  });

  test('an argument that is not a Core address type stays hex', () => {
    const data = encodeFunctionData({ abi: erc, functionName: 'transfer', args: [TOKEN, 1n] });
    expect(describeTransaction({ space: 'core', chainId: 1029, to: CRC20, value: 0n, data })).toMatchObject([{ kind: 'token_transfer', to: TOKEN }]);
  });

  const crossSpace = cfx.InternalContract('CrossSpaceCall') as unknown as Record<string, (...args: unknown[]) => { to: string; data: string }>;
  const inner = encodeFunctionData({ abi: erc, functionName: 'approve', args: [SPENDER, maxUint256] });

  test.each<[string, { to: string; data: string }, bigint, Effect[]]>([
    ['transferEVM', crossSpace['transferEVM']!(BOB), 5n, [{ kind: 'cross_space_transfer', to: cs(BOB), amount: 5n, irregularities: [] }]],
    ['callEVM with an approve inside', crossSpace['callEVM']!(TOKEN, inner), 0n, [{
      kind: 'cross_space_call', method: 'callEVM', to: cs(TOKEN), amount: 0n, irregularities: [],
      effects: [{ kind: 'token_approval', space: 'espace', method: 'approve', token: cs(TOKEN), spender: cs(SPENDER), amount: maxUint256, change: 'set', unlimited: true, mayBeNft: true, expiration: null, via: null, capEditable: true, irregularities: [] }],
    }]],
    ['withdrawFromMapped', crossSpace['withdrawFromMapped']!(77n), 0n, [{ kind: 'cross_space_withdraw', amount: 77n, irregularities: [] }]],
    ['createEVM', crossSpace['createEVM']!('0x60806040'), 2n, [{ kind: 'cross_space_create', amount: 2n, codeSize: 4, irregularities: [] }]],
    ['withdrawFromMapped with value (reverts, still shown)', crossSpace['withdrawFromMapped']!(1n), 3n, [
      { kind: 'native_transfer', space: 'core', to: 'cfx:aaejuaaaaaaaaaaaaaaaaaaaaaaaaaaaa2sn102vjv', amount: 3n },
      { kind: 'cross_space_withdraw', amount: 1n, irregularities: [] },
    ]],
  ])('CrossSpaceCall %s', (_name, tx, value, expected) => {
    expect(describeTransaction(core(tx, value))).toEqual(expected);
  });

  test('other internal contracts are named calls', () => {
    const staking = cfx.InternalContract('Staking') as unknown as Record<string, (...args: unknown[]) => { to: string; data: string }>;
    expect(describeTransaction(core(staking['deposit']!(5n)))).toMatchObject([
      { kind: 'contract_call', contractName: 'Staking', signature: 'deposit(uint256 amount)', args: [{ name: 'amount', value: 5n }] },
    ]);
    // On eSpace the same address is an ordinary address.
    expect(describeTransaction({ space: 'espace', chainId: 1030, to: '0x0888000000000000000000000000000000000002', value: 0n, data: staking['deposit']!(5n).data })).toMatchObject([
      { kind: 'unknown_call', reason: 'not_in_table' },
    ]);
  });

  test('the internal-contract table agrees with js-conflux-sdk\'s own ABIs (extras are newer functions of conflux-rust)', () => {
    const extras: string[] = [];
    for (const name of ['AdminControl', 'SponsorWhitelistControl', 'Staking', 'PoSRegister', 'CrossSpaceCall', 'ParamsControl']) {
      const sdk = cfx.InternalContract(name as 'Staking') as unknown as Record<string, unknown> & { address: string };
      const ours = internalContract(decodeCfxAddress(sdk.address).hex);
      expect(ours?.name).toBe(name);
      const sdkFunctions = Object.keys(sdk).filter((k) => /^[a-z][A-Za-z0-9]*\(/.test(k));
      const ourSignatures = [...ours!.functions.values()].map((fn) => fn.signature);
      for (const signature of sdkFunctions) expect(ourSignatures).toContain(signature);
      for (const fn of ours!.functions.values()) if (!sdkFunctions.includes(fn.signature)) extras.push(fn.signature);
      else expect(Object.keys(sdk)).toContain(fn.selector);
    }
    expect(extras.sort()).toEqual(['addPrivilege(address[])', 'deployEip1820()', 'removePrivilege(address[])']);
  });
});

test('the bundled signature table has no selector clash and parses', () => {
  expect(signatureTable(COMMON_SIGNATURES).size).toBe(COMMON_SIGNATURES.length);
});

describe('robustness and JSON', () => {
  const SEED = 0xeff_ec7;

  test(`random calldata to random contracts never crashes: effects or an unknown call (seed ${SEED})`, () => {
    const selectors = [...signatureTable(COMMON_SIGNATURES).keys()].map((s) => s.slice(2));
    const data = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => `0x${Buffer.from(b).toString('hex')}`),
      fc.tuple(fc.constantFrom(...selectors), fc.uint8Array({ maxLength: 300 })).map(([s, b]) => `0x${s}${Buffer.from(b).toString('hex')}`),
    );
    fc.assert(
      fc.property(fc.constantFrom<'core' | 'espace'>('core', 'espace'), data, fc.bigInt({ min: 0n, max: maxUint256 }), (space, hex, value) => {
        const to = space === 'core' ? '0x0888000000000000000000000000000000000006' : TOKEN;
        const effects = describeTransaction({ space, chainId: space === 'core' ? 1029 : 1030, to, value, data: hex });
        expect(JSON.parse(JSON.stringify(effectsToJson(effects)))).toEqual(effectsToJson(effects));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  test(`random ERC-20 calls built by viem decode to their arguments (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.bigInt({ min: 0n, max: maxUint256 }), (bytes, amount) => {
        const to = `0x${Buffer.from(bytes).toString('hex')}` as Hex;
        const [effect] = describeTransaction(espace(encodeFunctionData({ abi: erc, functionName: 'transfer', args: [to, amount] })));
        expect(effect).toMatchObject({ kind: 'token_transfer', to: cs(to), amount });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('effects as JSON carry quantities', () => {
    expect(effectsToJson(describeTransaction(espace('0x', 10n, BOB)))).toEqual([{ kind: 'native_transfer', space: 'espace', to: cs(BOB), amount: '0xa' }]);
  });
});
