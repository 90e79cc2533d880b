import { describe, expect, test } from 'vitest';
import { encodeFunctionData, erc20Abi } from 'viem';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { InvalidInputError } from '../../../core/errors.js';
import { privateKeyFromHex } from '../../../core/keys/private-key.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../../core/tx/espace-sign.js';
import { largestNativeSend, DRIP_PER_STORAGE_BYTE } from '../chain/tx-cost.js';
import { decodeTransferCall } from '../chain/token-abi.js';
import { WrongNetworkRecipientError } from './errors.js';
import { addressOnActiveNetwork, preparedFacts, transferCall } from './send-preparation.js';

const ids = { core: 1029, espace: 1030 };
const HEX = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const ESPACE = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const KEY = privateKeyFromHex('0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');

describe('recipient on the active network', () => {
  test('a Core address of the active network is read as its hex', () => {
    expect(addressOnActiveNetwork('core', encodeCfxAddress(HEX, 1029), ids)).toBe(HEX);
  });

  test('another network, hex on Core, and a Core address on eSpace are refused as wrong network', () => {
    for (const [space, address] of [
      ['core', encodeCfxAddress(HEX, 1)],
      ['core', HEX],
      ['espace', encodeCfxAddress(HEX, 1029)],
    ] as const) {
      const attempt = () => addressOnActiveNetwork(space, address, ids);
      expect(attempt).toThrow(WrongNetworkRecipientError);
      try {
        attempt();
      } catch (error) {
        expect((error as WrongNetworkRecipientError).code).toBe('wallet.wrong_network_recipient');
      }
    }
  });

  test('eSpace: a correct checksum passes, a wrong one is invalid input', () => {
    expect(addressOnActiveNetwork('espace', ESPACE, ids)).toBe(ESPACE.toLowerCase());
    const typo = ESPACE.replace('aAeb', 'AaEb');
    expect(() => addressOnActiveNetwork('espace', typo, ids)).toThrow(InvalidInputError);
    expect(() => addressOnActiveNetwork('core', 'cfx:nonsense', ids)).toThrow(InvalidInputError);
  });
});

describe('transfer call', () => {
  test('CFX: the recipient gets the value, no data', () => {
    expect(transferCall('core', ids, HEX, 5n)).toEqual({ to: encodeCfxAddress(HEX, 1029), value: 5n, data: '0x' });
    expect(transferCall('espace', ids, ESPACE.toLowerCase(), 5n)).toEqual({ to: ESPACE, value: 5n, data: '0x' });
  });

  test('token: value 0 to the contract, transfer(recipient, amount) data as viem encodes it', () => {
    const contract = '0x8a3c5d1e00000000000000000000000000000001';
    // 1.5 tokens of a 6-decimal token.
    const call = transferCall('espace', ids, ESPACE.toLowerCase(), 1_500_000n, { contract, symbol: 'USDT', decimals: 6 });
    expect(call.value).toBe(0n);
    expect(call.to.toLowerCase()).toBe(contract);
    expect(call.data).toBe(encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [ESPACE, 1_500_000n] }));
    expect(decodeTransferCall(call.data)).toEqual({ toHex: ESPACE.toLowerCase(), amount: 1_500_000n });
  });

  test('a token contract of another network and a zero amount are refused', () => {
    expect(() => transferCall('core', ids, HEX, 1n, { contract: encodeCfxAddress('0x8a3c5d1e00000000000000000000000000000001', 1), symbol: 'T', decimals: 0 })).toThrow(WrongNetworkRecipientError);
    expect(() => transferCall('core', ids, HEX, 0n)).toThrow(InvalidInputError);
    expect(() => transferCall('core', ids, HEX, 2n ** 256n)).toThrow(InvalidInputError);
    expect(() => transferCall('core', ids, HEX, 2n ** 256n, { contract: encodeCfxAddress('0x8a3c5d1e00000000000000000000000000000001', 1029), symbol: 'T', decimals: 0 })).toThrow(InvalidInputError);
  });
});

describe('prepared facts', () => {
  test('Core type 2: max fee is gas × maxFeePerGas, collateral 1/1024 CFX per byte, signing hash as the signer computes it', () => {
    const draft = { type: 2, chainId: 1029, nonce: '0x7', gas: '0x5208', to: encodeCfxAddress(HEX, 1029), value: '0xde0b6b3a7640000', data: '0x', maxFeePerGas: '0x77359401', maxPriorityFeePerGas: '0x1', accessList: [], storageLimit: '0x40', epochHeight: '0x64' } as const;
    const facts = preparedFacts('core', { ...draft, accessList: [] }, encodeCfxAddress(HEX, 1029));
    expect(facts.cost.maxFee).toBe(21000n * 2_000_000_001n);
    expect(facts.cost.maxCollateral).toBe(64n * DRIP_PER_STORAGE_BYTE);
    expect(DRIP_PER_STORAGE_BYTE * 1024n).toBe(10n ** 18n);
    expect(facts.maxTotalNative).toBe(10n ** 18n + 21000n * 2_000_000_001n + 64n * DRIP_PER_STORAGE_BYTE);
    expect(facts.review).toMatchObject({ type: 2, nonce: '7', gas: '21000', maxFeePerGas: '2000000001', gasPrice: null, storageLimit: '64', epochHeight: '100', value: '1000000000000000000' });
    if (facts.signable.space !== 'core') throw new Error('expected Core');
    expect(facts.review.signingHash).toBe(signCoreTransaction(facts.signable.input, KEY, 1029).signingHash);
  });

  test('eSpace legacy: no collateral; the signable transaction is the validated draft', () => {
    const facts = preparedFacts('espace', { type: 0, chainId: 1030, nonce: '0x0', gas: '0x5208', to: ESPACE, value: '0x1', data: '0x', gasPrice: '0x3b9aca00' }, ESPACE);
    expect(facts.cost).toEqual({ maxFee: 21000n * 1_000_000_000n, maxCollateral: null });
    expect(facts.review.storageLimit).toBeNull();
    expect(facts.review.to).toBe(ESPACE);
    if (facts.signable.space !== 'espace') throw new Error('expected eSpace');
    expect(facts.review.signingHash).toBe(signEspaceTransaction(facts.signable.input, KEY, 1030).signingHash);
  });

  test('a draft for the wrong chain id cannot be signed for the active one', () => {
    const facts = preparedFacts('espace', { type: 0, chainId: 71, nonce: '0x0', gas: '0x5208', to: ESPACE, value: '0x1', data: '0x', gasPrice: '0x1' }, ESPACE);
    if (facts.signable.space !== 'espace') throw new Error('expected eSpace');
    expect(() => signEspaceTransaction(facts.signable.input, KEY, 1030)).toThrow(expect.objectContaining({ code: 'tx.chain_id' }));
  });
});

describe('Max', () => {
  test('balance minus fee, collateral and what is in flight; never negative', () => {
    const cost = { maxFee: 21_000n * 10n, maxCollateral: 1024n };
    expect(largestNativeSend({ balance: 1_000_000n, cost, reservedInFlight: 5n })).toBe(1_000_000n - 210_000n - 1024n - 5n);
    expect(largestNativeSend({ balance: 1000n, cost, reservedInFlight: 0n })).toBe(0n);
    expect(largestNativeSend({ balance: 210_000n, cost: { maxFee: 210_000n, maxCollateral: null }, reservedInFlight: 0n })).toBe(0n);
  });
});
