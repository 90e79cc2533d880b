/**
 * Cross-space planning against independent oracles: mapped addresses against js-conflux-sdk,
 * calldata against viem, the plan's Core drafts against the wallet's own effect decoder, gas against
 * the conflux-rust formulas written out by hand, and the status model over receipts built with viem.
 */
import fc from 'fast-check';
import { address as sdkAddress } from 'js-conflux-sdk';
import { encodeAbiParameters, encodeFunctionData, keccak256, pad, parseAbi, toHex } from 'viem';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { describeTransaction } from '../effects/transaction.js';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { validateCoreTransaction } from '../tx/core-transaction.js';
import { validateEspaceTransaction } from '../tx/espace-transaction.js';
import {
  CALL_EVENT_TOPIC, chargedGas, coreTransactionFromDraft, CrossSpaceError, espaceTransactionFromDraft, fundingShortfalls, mappedAddress, OUTCOME_EVENT_TOPIC,
  planCrossSpaceTransfer, planFees, transferRecordFromJson, transferRecordToJson, transferStatus, WITHDRAW_EVENT_TOPIC, type CrossSpacePlan, type LogInput, type ObservedReceipt,
} from './index.js';

const SEED = 0xc0553;
const NET = { coreChainId: 1029, espaceChainId: 1030 };
const CORE_HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const CORE = encodeCfxAddress(CORE_HEX, 1029);
const ESPACE = '0xFCAd0B19bB29D4674531d6f115237E16AfCE377c';
const CFX = 10n ** 18n;
const abi = parseAbi(['function transferEVM(bytes20 to) payable returns (bytes)', 'function withdrawFromMapped(uint256 value)']);

describe('mapped address', () => {
  test('the js-conflux-sdk documentation example', () => {
    expect(mappedAddress('cfx:aak2rra2njvd77ezwjvx04kkds9fzagfe6ku8scz91')).toBe('0x12Bf6283CcF8Ad6ffA63f7Da63EDc217228d839A');
  });

  test(`equals js-conflux-sdk cfxMappedEVMSpaceAddress for random user and contract addresses (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.constantFrom(0x10, 0x80), fc.constantFrom(1029, 1, 1024), (bytes, type, net) => {
      bytes[0] = type | (bytes[0]! & 0x0f);
      const base32 = encodeCfxAddress(bytes, net);
      expect(mappedAddress(base32, net)).toBe(sdkAddress.cfxMappedEVMSpaceAddress(base32));
      expect(mappedAddress(bytesToHex(bytes))).toBe(sdkAddress.cfxMappedEVMSpaceAddress(base32));
    }), { seed: SEED, numRuns: 200 });
  });

  test.each([
    ['an eSpace-style hex with no Core type nibble', '0x2a2f80341409639ea6a35bbcab8299066109aa55', undefined],
    ['a base32 address of another network', encodeCfxAddress(CORE_HEX, 1), 1029],
    ['garbage', 'cfx:nope', undefined],
  ])('refuses %s', (_name, input, net) => {
    expect(() => mappedAddress(input, net)).toThrow(CrossSpaceError);
  });
});

describe('planning Core → eSpace', () => {
  test.each([
    ['receiver unknown', undefined, 'recipient_unknown', true],
    ['receiver exists, no code', { exists: true, hasCode: false }, null, false],
    ['receiver is a contract', { exists: true, hasCode: true }, 'recipient_is_contract', false],
    ['receiver is new', { exists: false, hasCode: false }, null, true],
  ] as const)('%s: one transferEVM draft, calldata as viem encodes it, effects read back as planned', (_name, espaceRecipient, note, newAccount) => {
    const plan = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE.toLowerCase(), amount: 3n * CFX }, { network: NET, ownCoreAccounts: [CORE], ...(espaceRecipient ? { espaceRecipient } : {}) });
    expect(plan.drafts).toHaveLength(1);
    const [draft] = plan.drafts;
    expect(draft).toMatchObject({ step: 'transfer_evm', space: 'core', chainId: 1029, from: CORE, to: encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029), value: 3n * CFX, storageLimit: 0n, waitsFor: null });
    expect(draft!.data).toBe(encodeFunctionData({ abi, functionName: 'transferEVM', args: [ESPACE.toLowerCase() as `0x${string}`] }));
    expect(describeTransaction({ space: 'core', chainId: 1029, to: draft!.to, value: draft!.value, data: draft!.data })).toEqual([{ kind: 'cross_space_transfer', to: ESPACE, amount: 3n * CFX, irregularities: [] }]);
    expect(plan.to).toBe(ESPACE);
    expect(plan.notes.map((n) => n.code)).toEqual(note === null ? [] : [note]);
    expect(draft!.gasItems.find((i) => i.item === 'new_account')!.gas).toBe(newAccount ? 50_000n : 0n);
  });

  test('a contract receiver: the node\'s estimate sets the limit when larger; ignored for a plain account', () => {
    const context = { network: NET, ownCoreAccounts: [CORE], nodeGasEstimate: 200_000n };
    const contract = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: 1n }, { ...context, espaceRecipient: { exists: true, hasCode: true } });
    expect(contract.drafts[0]!.gas).toBe(200_000n);
    expect(contract.drafts[0]!.gasItems.at(-1)).toEqual({ item: 'contract_receiver', gas: 200_000n - 77_970n });
    expect(contract.notes).toEqual([{ code: 'recipient_is_contract', params: { to: ESPACE, estimated: 'true' } }]);
    const plain = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: 1n }, { ...context, espaceRecipient: { exists: true, hasCode: false } });
    expect(plain.drafts[0]!.gas).toBeLessThan(200_000n);
    expect(() => planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: 1n }, { ...context, nodeGasEstimate: -1n })).toThrow(expect.objectContaining({ code: 'crossspace.input' }));
  });

  test('gas: the conflux-rust formula written out for calldata with 24 non-zero bytes', () => {
    // 4 selector bytes + 20 address bytes, all non-zero here, then 12 zero bytes of padding.
    const to = '0x1111111111111111111111111111111111111111';
    const plan = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to, amount: 1n }, { network: NET, ownCoreAccounts: [], espaceRecipient: { exists: false, hasCode: false } });
    const intrinsic = 21_000n + 24n * 68n + 12n * 4n;
    const upfront = 700n + 50_000n + 9_000n + 42_000n + 60n + (375n + 3n * 375n + 8n * 128n) + (375n + 375n + 8n * 32n);
    expect(plan.drafts[0]!.gas).toBe(intrinsic + upfront);
    expect(plan.drafts[0]!.gas).toBe(127_970n);
  });

  test('to the sender\'s own mapped address: said so, with the mapped address explained', () => {
    const plan = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: mappedAddress(CORE), amount: 1n }, { network: NET, ownCoreAccounts: [CORE], espaceRecipient: { exists: true, hasCode: false } });
    expect(plan.notes.map((n) => n.code)).toEqual(['recipient_is_mapped_address', 'mapped_address']);
    expect(plan.mapped).toEqual({ coreAccount: CORE, address: mappedAddress(CORE) });
  });

  test.each([
    ['zero amount', { from: CORE, to: ESPACE, amount: 0n }, 'crossspace.amount'],
    ['negative amount', { from: CORE, to: ESPACE, amount: -1n }, 'crossspace.amount'],
    ['amount as number', { from: CORE, to: ESPACE, amount: 1 as unknown as bigint }, 'crossspace.amount'],
    ['amount above uint256', { from: CORE, to: ESPACE, amount: 1n << 256n }, 'crossspace.amount'],
    ['bad EIP-55 checksum', { from: CORE, to: '0xfCAd0B19bB29D4674531d6f115237E16AfCE377c', amount: 1n }, 'crossspace.address'],
    ['a base32 receiver', { from: CORE, to: CORE, amount: 1n }, 'crossspace.address'],
    ['a testnet sender on mainnet', { from: encodeCfxAddress(CORE_HEX, 1), to: ESPACE, amount: 1n }, 'crossspace.address'],
  ])('refuses %s', (_name, fields, code) => {
    expect(() => planCrossSpaceTransfer({ kind: 'core_to_espace', ...fields }, { network: NET, ownCoreAccounts: [CORE] })).toThrow(expect.objectContaining({ code }));
  });
});

describe('planning eSpace → Core', () => {
  const plan = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: 2n * CFX }, { network: NET, ownCoreAccounts: [CORE_HEX] });

  test('two ordered drafts: fund the mapped address on eSpace, then withdrawFromMapped on Core', () => {
    const mapped = mappedAddress(CORE);
    expect(plan.mapped).toEqual({ coreAccount: CORE, address: mapped });
    expect(plan.drafts.map((d) => [d.step, d.space, d.from, d.to, d.value, d.waitsFor])).toEqual([
      ['fund_mapped', 'espace', ESPACE, mapped, 2n * CFX, null],
      ['withdraw_from_mapped', 'core', CORE, encodeCfxAddress('0x0888000000000000000000000000000000000006', 1029), 0n, 0],
    ]);
    expect(plan.drafts[0]!.gas).toBe(21_000n);
    expect(plan.drafts[0]!.data).toBe('0x');
    expect(plan.drafts[1]!.data).toBe(encodeFunctionData({ abi, functionName: 'withdrawFromMapped', args: [2n * CFX] }));
    expect(describeTransaction({ space: 'core', chainId: 1029, to: plan.drafts[1]!.to, value: 0n, data: plan.drafts[1]!.data })).toEqual([{ kind: 'cross_space_withdraw', amount: 2n * CFX, irregularities: [] }]);
    expect(plan.notes.map((n) => n.code)).toEqual(['mapped_address', 'two_steps', 'core_pays_withdraw_gas', 'same_account_key_differs']);
  });

  test('withdraw gas: the conflux-rust formula written out', () => {
    const data = hexToBytes(plan.drafts[1]!.data);
    const nonZero = BigInt(data.filter((b) => b !== 0).length);
    const intrinsic = 21_000n + nonZero * 68n + (36n - nonZero) * 4n;
    expect(plan.drafts[1]!.gas).toBe(intrinsic + 9_000n + 21_000n + 30n + 375n + 3n * 375n + 8n * 64n);
  });

  test('refuses a Core recipient the wallet does not hold (only it could withdraw)', () => {
    expect(() => planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: 1n }, { network: NET, ownCoreAccounts: [] })).toThrow(expect.objectContaining({ code: 'crossspace.foreign_recipient' }));
  });

  test('fees: who pays what, and shortfalls against balances', () => {
    const fees = planFees(plan, { core: { maxFeePerGas: 2_000_000_000n }, espace: { maxFeePerGas: 30_000_000_000n, likelyFeePerGas: 20_000_000_000n } });
    expect(fees.drafts.map((d) => [d.payer, d.maxFee, d.likelyFee])).toEqual([
      [ESPACE, 21_000n * 30_000_000_000n, 21_000n * 20_000_000_000n],
      [CORE, plan.drafts[1]!.gas * 2_000_000_000n, plan.drafts[1]!.gas * 2_000_000_000n],
    ]);
    expect(fees.required).toEqual([
      { account: ESPACE, space: 'espace', amount: 2n * CFX, fees: 21_000n * 30_000_000_000n, total: 2n * CFX + 21_000n * 30_000_000_000n },
      { account: CORE, space: 'core', amount: 0n, fees: plan.drafts[1]!.gas * 2_000_000_000n, total: plan.drafts[1]!.gas * 2_000_000_000n },
    ]);
    expect(fundingShortfalls(fees, { [ESPACE]: 3n * CFX, [CORE]: 0n })).toEqual([{ account: CORE, space: 'core', needed: plan.drafts[1]!.gas * 2_000_000_000n, available: 0n }]);
    expect(fundingShortfalls(fees, { [ESPACE]: 3n * CFX, [CORE]: CFX })).toEqual([]);
    expect(() => planFees(plan, { core: { maxFeePerGas: 1n } })).toThrow(expect.objectContaining({ code: 'crossspace.input' }));
  });

  test('drafts complete into transactions the validators accept with the draft fields unchanged', () => {
    const espace = validateEspaceTransaction(espaceTransactionFromDraft(plan.drafts[0]!, { nonce: 7n, fee: { type: 2, maxFeePerGas: 10n, maxPriorityFeePerGas: 1n } }));
    expect(espace).toMatchObject({ chainId: 1030, to: plan.drafts[0]!.to, value: 2n * CFX, gas: 21_000n, data: '0x', nonce: 7n });
    const core = validateCoreTransaction(coreTransactionFromDraft(plan.drafts[1]!, { nonce: 3n, epochHeight: 100n, fee: { type: 0, gasPrice: 1n } }));
    expect(core).toMatchObject({ chainId: 1029, to: plan.drafts[1]!.to, value: 0n, gas: plan.drafts[1]!.gas, storageLimit: 0n, data: plan.drafts[1]!.data, epochHeight: 100n });
    expect(() => coreTransactionFromDraft(plan.drafts[0]!, { nonce: 0n, epochHeight: 0n, fee: { type: 0, gasPrice: 1n } })).toThrow(CrossSpaceError);
  });
});

describe('charged gas: max(used, limit − ⌊limit/4⌋)', () => {
  test.each([
    [300_000n, 125_676n, 225_000n],
    [127_970n, 125_676n, 125_676n],
    [5n, 4n, 4n],
    [21_000n, 21_000n, 21_000n],
  ])('limit %s, used %s → %s', (limit, used, charged) => {
    expect(chargedGas(limit, used)).toBe(charged);
  });
});

const topic = (hex: string, side: 'left' | 'right') => pad(hex as `0x${string}`, { size: 32, dir: side === 'left' ? 'right' : 'left' });
const CSC = '0x0888000000000000000000000000000000000006';

function callLog(core: string, receiver: string, value: bigint): LogInput {
  return { address: CSC, topics: [CALL_EVENT_TOPIC, topic(mappedAddress(core).toLowerCase(), 'left'), topic(receiver.toLowerCase(), 'left')], data: encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }], [value, 0n, '0x']) };
}
const outcomeLog = (ok: boolean): LogInput => ({ address: CSC, topics: [OUTCOME_EVENT_TOPIC], data: encodeAbiParameters([{ type: 'bool' }], [ok]) });
function withdrawLog(coreHex: string, value: bigint): LogInput {
  return { address: CSC, topics: [WITHDRAW_EVENT_TOPIC, topic(mappedAddress(coreHex).toLowerCase(), 'left'), topic(coreHex, 'right')], data: encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [value, 1n]) };
}
const HASH_A = keccak256(toHex('a'));
const HASH_B = keccak256(toHex('b'));
function receipt(hash: string, logs: LogInput[], overrides: Partial<ObservedReceipt> = {}): ObservedReceipt {
  return { transactionHash: hash, outcome: 'success', logs, gasUsed: 100n, gasFee: 1000n, epoch: 5, trust: 'verified', ...overrides };
}

describe('transfer status', () => {
  const toEspace = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: CFX }, { network: NET, ownCoreAccounts: [CORE] });
  const toCore = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: CFX }, { network: NET, ownCoreAccounts: [CORE] });

  test.each<[string, CrossSpacePlan, Parameters<typeof transferStatus>[1], string, string | null]>([
    ['nothing sent', toEspace, [], 'not_started', null],
    ['sent, no receipt', toEspace, [{ hash: HASH_A, sendState: 'pending' }], 'in_progress', null],
    ['Call + Outcome(true) as planned', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [callLog(CORE, ESPACE, CFX), outcomeLog(true)]) }], 'completed', 'espace'],
    ['Call to another receiver', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [callLog(CORE, '0x' + '22'.repeat(20), CFX), outcomeLog(true)]) }], 'needs_attention', null],
    ['Call with another value', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [callLog(CORE, ESPACE, CFX - 1n), outcomeLog(true)]) }], 'needs_attention', null],
    ['success without the event', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }], 'needs_attention', null],
    ['Outcome(false)', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [callLog(CORE, ESPACE, CFX), outcomeLog(false)]) }], 'needs_attention', null],
    ['an event from another contract', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [{ ...callLog(CORE, ESPACE, CFX), address: '0x8888000000000000000000000000000000000006' }, outcomeLog(true)]) }], 'needs_attention', null],
    ['failed receipt', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_A, [], { outcome: 'failure' }) }], 'failed', null],
    ['replaced', toEspace, [{ hash: HASH_A, sendState: 'replaced' }], 'failed', null],
    ['possibly censored', toEspace, [{ hash: HASH_A, sendState: 'possibly_censored' }], 'needs_attention', null],
    ['a receipt of another transaction is ignored', toEspace, [{ hash: HASH_A, receipt: receipt(HASH_B, [callLog(CORE, ESPACE, CFX), outcomeLog(true)]) }], 'in_progress', null],
    ['eSpace step done, withdrawal not sent', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }], 'awaiting_withdraw', 'espace'],
    ['eSpace step done, withdrawal pending', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }, { hash: HASH_B }], 'in_progress', 'espace'],
    ['withdrawal failed: still awaiting it', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }, { hash: HASH_B, receipt: receipt(HASH_B, [], { outcome: 'failure' }) }], 'awaiting_withdraw', 'espace'],
    ['both done with the Withdraw event', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }, { hash: HASH_B, receipt: receipt(HASH_B, [withdrawLog(CORE_HEX, CFX)]) }], 'completed', 'core'],
    ['Withdraw of another amount', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, []) }, { hash: HASH_B, receipt: receipt(HASH_B, [withdrawLog(CORE_HEX, 1n)]) }], 'needs_attention', 'espace'],
    ['eSpace step failed', toCore, [{ hash: HASH_A, receipt: receipt(HASH_A, [], { outcome: 'failure' }) }], 'failed', null],
  ])('%s → %s', (_name, plan, observations, state, creditedSpace) => {
    const status = transferStatus(plan, observations);
    expect(status.state).toBe(state);
    expect(status.credited?.space ?? null).toBe(creditedSpace);
  });

  test('fees add up per space and the weakest trust wins', () => {
    const status = transferStatus(toCore, [
      { hash: HASH_A, receipt: receipt(HASH_A, [], { gasFee: 21n, trust: 'cross-checked' }) },
      { hash: HASH_B, receipt: receipt(HASH_B, [withdrawLog(CORE_HEX, CFX)], { gasFee: 50n, trust: 'verified' }) },
    ]);
    expect(status.fees).toEqual({ core: 50n, espace: 21n });
    expect(status.trust).toBe('cross-checked');
    expect(status.credited).toEqual({ space: 'core', address: CORE, amount: CFX });
  });

  test.each<[string, unknown]>([
    ['a short hash', { hash: '0x12' }],
    ['an unknown send state', { hash: HASH_A, sendState: 'lost' }],
    ['logs not a list', { hash: HASH_A, receipt: { ...receipt(HASH_A, []), logs: null } }],
    ['a fee as a string', { hash: HASH_A, receipt: { ...receipt(HASH_A, []), gasFee: '1' } }],
    ['an unknown trust', { hash: HASH_A, receipt: { ...receipt(HASH_A, []), trust: 'trusted' } }],
    ['not an object', 'receipt'],
  ])('a malformed observation (%s) is an input error, not a crash', (_name, observation) => {
    expect(() => transferStatus(toEspace, [observation as never])).toThrow(expect.objectContaining({ code: 'crossspace.input' }));
  });

  test('more observations than drafts is an input error', () => {
    expect(() => transferStatus(toEspace, [{ hash: null }, { hash: null }])).toThrow(expect.objectContaining({ code: 'crossspace.input' }));
  });
});

describe('stored transfer records', () => {
  test('round trip rebuilds the same plan', () => {
    const plan = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: CFX }, { network: NET, ownCoreAccounts: [CORE] });
    const json = JSON.parse(JSON.stringify(transferRecordToJson('t1', plan, [HASH_A], 1_700_000_000_000)));
    expect(json.hashes).toEqual([HASH_A, null]);
    const back = transferRecordFromJson(json);
    expect(back.plan).toEqual(plan);
  });

  test.each([
    ['a newer version', { version: 2 }],
    ['a negative amount', { amount: '-1' }],
    ['a bad hash', { hashes: ['0x12', null] }],
    ['too few hashes', { hashes: [null] }],
    ['an address of another network', { to: encodeCfxAddress(CORE_HEX, 1) }],
    ['an unknown kind', { kind: 'teleport' }],
  ])('refuses %s with crossspace.record', (_name, patch) => {
    const plan = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: CFX }, { network: NET, ownCoreAccounts: [CORE] });
    const json = { ...transferRecordToJson('t1', plan, [], 1), ...patch };
    expect(() => transferRecordFromJson(json)).toThrow(expect.objectContaining({ code: 'crossspace.record' }));
  });
});
