/**
 * describeTypedData: permits built with viem (EIP-2612, DAI, Permit2 in all its forms) and a CIP-23
 * permit on Core are read into permit effects; look-alikes that declare their structs differently
 * (a different type hash) and ordinary typed data are named as plain typed data.
 */
import { maxUint256 } from 'viem';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { EffectsError } from './errors.js';
import { asSent, daiPermit, eip2612, OWNER, PERMIT2, permitBatch, permitBatchTransferFrom, permitSingle, permitTransferFrom, permitWitnessTransferFrom, SPENDER, TOKEN_A, TOKEN_B } from './typed-data.testkit.js';
import { describeTypedData } from './typed-data.js';
import type { Effect } from './types.js';

const UINT160_MAX = (1n << 160n) - 1n;

describe('permits built by viem', () => {
  test.each<[string, unknown, Partial<Effect>]>([
    ['EIP-2612 unlimited', asSent(eip2612()), {
      kind: 'permit', standard: 'eip2612', verifyingContract: TOKEN_A, owner: OWNER, spender: SPENDER, nonce: 3n, deadline: 1_900_000_000n, oneTime: false, capEditable: true,
      allowances: [{ token: TOKEN_A, amount: maxUint256, unlimited: true, expiration: null }],
    }],
    ['EIP-2612 limited', asSent(eip2612(5n)), { allowances: [{ token: TOKEN_A, amount: 5n, unlimited: false, expiration: null }] }],
    ['DAI allowed', asSent(daiPermit(true)), {
      standard: 'dai', owner: OWNER, deadline: null, capEditable: false, allowances: [{ token: TOKEN_B, amount: maxUint256, unlimited: true, expiration: null }],
    }],
    ['DAI revoke', asSent(daiPermit(false)), { standard: 'dai', allowances: [{ token: TOKEN_B, amount: 0n, unlimited: false, expiration: null }] }],
    ['Permit2 PermitSingle', asSent(permitSingle()), {
      standard: 'permit2_single', verifyingContract: PERMIT2, owner: null, spender: SPENDER, nonce: 5n, deadline: 1_700_000_000n,
      allowances: [{ token: TOKEN_A, amount: UINT160_MAX, unlimited: true, expiration: 1_800_000_000n }],
    }],
    ['Permit2 PermitBatch', asSent(permitBatch()), {
      standard: 'permit2_batch', nonce: null,
      allowances: [{ token: TOKEN_A, amount: 10n, unlimited: false, expiration: 1_800_000_000n }, { token: TOKEN_B, amount: UINT160_MAX, unlimited: true, expiration: 1_800_000_001n }],
    }],
    ['Permit2 PermitTransferFrom', asSent(permitTransferFrom()), {
      standard: 'permit2_transfer', oneTime: true, nonce: 9n, allowances: [{ token: TOKEN_A, amount: 1000n, unlimited: false, expiration: null }],
    }],
    ['Permit2 PermitBatchTransferFrom', asSent(permitBatchTransferFrom()), {
      standard: 'permit2_batch_transfer', oneTime: true,
      allowances: [{ token: TOKEN_A, amount: 1n, unlimited: false, expiration: null }, { token: TOKEN_B, amount: maxUint256, unlimited: true, expiration: null }],
    }],
    ['Permit2 PermitWitnessTransferFrom', asSent(permitWitnessTransferFrom()), { standard: 'permit2_transfer', oneTime: true, allowances: [{ token: TOKEN_A, amount: maxUint256, unlimited: true, expiration: null }] }],
  ])('%s', (_name, typedData, expected) => {
    const effects = describeTypedData(typedData, 'espace', 1030);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject(expected);
  });
});

describe('not permits', () => {
  test('a "Permit" declared with other fields (another type hash) is plain typed data', () => {
    const fake = asSent(eip2612()) as { types: Record<string, { name: string; type: string }[]> };
    fake.types['Permit'] = [...fake.types['Permit']!].reverse();
    expect(describeTypedData(fake, 'espace', 1030)).toEqual([{ kind: 'typed_data', space: 'espace', primaryType: 'Permit', domainName: 'Token A', verifyingContract: TOKEN_A }]);
  });

  test('a PermitSingle whose PermitDetails has an extra field is plain typed data', () => {
    const fake = asSent(permitSingle()) as { types: Record<string, { name: string; type: string }[]>; message: { details: Record<string, unknown> } };
    fake.types['PermitDetails'] = [...fake.types['PermitDetails']!, { name: 'extra', type: 'uint8' }];
    fake.message.details['extra'] = 1;
    expect(describeTypedData(fake, 'espace', 1030)).toMatchObject([{ kind: 'typed_data', primaryType: 'PermitSingle' }]);
  });

  test('the EIP-712 "Mail" example is plain typed data', () => {
    const mail = asSent({
      domain: { name: 'Ether Mail', version: '1', chainId: 1030, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
      types: { Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }], Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person' }, { name: 'contents', type: 'string' }] },
      primaryType: 'Mail',
      message: { from: { name: 'Cow', wallet: OWNER }, to: { name: 'Bob', wallet: SPENDER }, contents: 'Hello, Bob!' },
    });
    expect(describeTypedData(mail, 'espace', 1030)).toEqual([{ kind: 'typed_data', space: 'espace', primaryType: 'Mail', domainName: 'Ether Mail', verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' }]);
  });

  test('invalid typed data is an EffectsError with the validation error as its cause', () => {
    const bad = asSent(eip2612()) as { message: Record<string, unknown> };
    bad.message['value'] = '-1';
    expect(() => describeTypedData(bad, 'espace', 1030)).toThrow(EffectsError);
    expect(() => describeTypedData(asSent(eip2612()), 'core', 1029)).toThrow(EffectsError);
  });
});

test('a CIP-23 permit on Core shows base32 addresses of the active network', () => {
  const base32 = (hex: string) => encodeCfxAddress(hex.toLowerCase(), 1029);
  const token = '0x8b017126d2fede908a86b36b43969f17d25f3770';
  const typedData = {
    types: {
      CIP23Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
      Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }],
    },
    primaryType: 'Permit',
    domain: { name: 'CRC20', version: '1', chainId: 1029, verifyingContract: base32(token) },
    message: { owner: base32(OWNER), spender: '0x1b716c51381e76900ebaa7999a488511a4e1fd0a', value: maxUint256.toString(), nonce: 0, deadline: '0x7fffffff' },
  };
  expect(describeTypedData(typedData, 'core', 1029)).toMatchObject([{
    kind: 'permit', space: 'core', standard: 'eip2612', verifyingContract: base32(token), owner: base32(OWNER),
    spender: base32('0x1b716c51381e76900ebaa7999a488511a4e1fd0a'), deadline: 0x7fffffffn, allowances: [{ token: base32(token), amount: maxUint256, unlimited: true }],
  }]);
});

test('effectTokens lists the tokens a permit and a cross-space call name, once each', async () => {
  const { effectTokens } = await import('./tokens.js');
  expect(effectTokens(describeTypedData(asSent(permitBatch()), 'espace', 1030))).toEqual([{ space: 'espace', address: TOKEN_A }, { space: 'espace', address: TOKEN_B }]);
  const nested: Effect[] = [{ kind: 'cross_space_call', method: 'callEVM', to: TOKEN_A, amount: 0n, irregularities: [], effects: describeTypedData(asSent(eip2612()), 'espace', 1030) }];
  expect(effectTokens([...nested, ...nested])).toEqual([{ space: 'espace', address: TOKEN_A }]);
});
