/**
 * Invalid-input tables for personal messages, signatures and typed data: each bad input is
 * rejected with its typed error code.
 */
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import { SECP256K1_N } from '../keys/signature.js';
import { MessageError, type MessageErrorCode } from './errors.js';
import { personalMessageBytes, recoverCorePersonalMessageSigner, recoverEspacePersonalMessageSigner, signCorePersonalMessage, signEspacePersonalMessage } from './personal.js';
import { parseSignature } from './signature-format.js';
import { hashTypedData, signCip23TypedData, signEip712TypedData, type TypedData } from './typed-data.js';

const key = privateKeyFromHex('0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MessageError);
    return (error as MessageError).code;
  }
  throw new Error('expected a throw');
}

describe('personal messages and signatures', () => {
  test.each<[string, unknown]>([
    ['a number', 5],
    ['null', null],
    ['a lone high surrogate', 'abc\uD800'],
    ['a lone low surrogate', '\uDC00abc'],
  ])('message: %s', (_name, message) => {
    expect(codeOf(() => personalMessageBytes(message as string))).toBe('message.invalid');
    expect(codeOf(() => signCorePersonalMessage(message as string, key))).toBe('message.invalid');
  });

  test('odd-length or non-hex 0x strings are text, not bytes', () => {
    expect(new TextDecoder().decode(personalMessageBytes('0xabc'))).toBe('0xabc');
    expect(new TextDecoder().decode(personalMessageBytes('0xzz'))).toBe('0xzz');
    expect(personalMessageBytes('0xABcd')).toEqual(Uint8Array.of(0xab, 0xcd));
  });

  const core = signCorePersonalMessage('hi', key);
  const eth = signEspacePersonalMessage('hi', key);
  const highS = (sig: string, offset: number) => {
    const s = BigInt(`0x${sig.slice(66, 130)}`);
    const v = Number.parseInt(sig.slice(130), 16) - offset;
    return `${sig.slice(0, 66)}${(SECP256K1_N - s).toString(16).padStart(64, '0')}${(1 - v + offset).toString(16).padStart(2, '0')}`;
  };
  test.each<[string, string, 'core' | 'espace']>([
    ['too short', core.slice(0, -2), 'core'],
    ['too long', `${core}00`, 'core'],
    ['not hex', `0x${'zz'.repeat(65)}`, 'core'],
    ['Core v = 27', `${core.slice(0, -2)}1b`, 'core'],
    ['eSpace v = 0', `${eth.slice(0, -2)}00`, 'espace'],
    ['eSpace v = 29', `${eth.slice(0, -2)}1d`, 'espace'],
    ['Core high s', highS(core, 0), 'core'],
    ['eSpace high s', highS(eth, 27), 'espace'],
    ['r = 0', `0x${'00'.repeat(32)}${core.slice(66)}`, 'core'],
  ])('signature: %s', (_name, signature, space) => {
    expect(codeOf(() => parseSignature(signature, space))).toBe('message.signature');
  });

  test('recovery refuses the wrong convention', () => {
    expect(codeOf(() => recoverCorePersonalMessageSigner('hi', eth, 1029))).toBe('message.signature');
    expect(codeOf(() => recoverEspacePersonalMessageSigner('hi', core))).toBe('message.signature');
  });
});

const MAIL: TypedData = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[2]' },
      { name: 'amount', type: 'uint8' },
      { name: 'delta', type: 'int8' },
      { name: 'tag', type: 'bytes4' },
      { name: 'blob', type: 'bytes' },
      { name: 'ok', type: 'bool' },
    ],
  },
  primaryType: 'Mail',
  domain: { name: 'Mail', chainId: 1030, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: [
      { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
      { name: 'Eve', wallet: '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
    ],
    amount: 255,
    delta: '-128',
    tag: '0x01020304',
    blob: '0x',
    ok: true,
  },
};

/** A deep copy of MAIL with `edit` applied. */
function mail(edit: (d: { types: Record<string, { name: string; type: string }[]>; primaryType: string; domain: Record<string, unknown>; message: Record<string, unknown> } & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(MAIL) as Parameters<typeof edit>[0];
  edit(copy);
  return copy;
}

/** MAIL as Core data: domain type CIP23Domain. */
function coreMail(edit: Parameters<typeof mail>[0] = () => {}): unknown {
  return mail((d) => {
    d.types['CIP23Domain'] = d.types['EIP712Domain']!;
    delete d.types['EIP712Domain'];
    d.domain['chainId'] = 1029;
    edit(d);
  });
}

describe('typed data', () => {
  test('the base example is valid on both spaces', () => {
    expect(signEip712TypedData(MAIL, key, 1030)).toMatch(/^0x[0-9a-f]{130}$/);
    expect(signCip23TypedData(coreMail(), key, 1029)).toMatch(/^0x[0-9a-f]{130}$/);
  });

  test.each<[string, unknown, MessageErrorCode]>([
    ['not an object', 'typed data', 'typed.shape'],
    ['an array', [], 'typed.shape'],
    ['missing primaryType', mail((d) => delete (d as Record<string, unknown>)['primaryType']), 'typed.shape'],
    ['unexpected top-level key', mail((d) => (d['extra'] = 1)), 'typed.shape'],
    ['domain is an array', mail((d) => ((d as Record<string, unknown>)['domain'] = [])), 'typed.shape'],
    ['message is null', mail((d) => ((d as Record<string, unknown>)['message'] = null)), 'typed.shape'],
    ['types is an array', mail((d) => ((d as Record<string, unknown>)['types'] = [])), 'typed.shape'],
    ['no domain type', mail((d) => delete d.types['EIP712Domain']), 'typed.domain'],
    ['CIP23Domain on eSpace', mail((d) => (d.types['CIP23Domain'] = [])), 'typed.domain'],
    ['unknown domain field', mail((d) => d.types['EIP712Domain']!.push({ name: 'foo', type: 'string' })), 'typed.domain'],
    ['domain chainId typed as string', mail((d) => (d.types['EIP712Domain']![1] = { name: 'chainId', type: 'string' })), 'typed.domain'],
    ['undeclared struct type', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'Foo' })), 'typed.unknown_type'],
    ['uint alias', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'uint' })), 'typed.unknown_type'],
    ['uint257', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'uint257' })), 'typed.unknown_type'],
    ['uint7', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'uint7' })), 'typed.unknown_type'],
    ['bytes33', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'bytes33' })), 'typed.unknown_type'],
    ['bytes0', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'bytes0' })), 'typed.unknown_type'],
    ['array of length 0', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'uint8[0]' })), 'typed.unknown_type'],
    ['type with spaces', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'Person )' })), 'typed.unknown_type'],
    ['primaryType not declared', mail((d) => (d.primaryType = 'Letter')), 'typed.unknown_type'],
    ['type name with a comma', mail((d) => (d.types['A,B'] = [])), 'typed.type_definition'],
    ['struct shadowing a built-in', mail((d) => (d.types['address'] = [])), 'typed.type_definition'],
    ['field name with a space', mail((d) => d.types['Mail']!.push({ name: 'a b', type: 'string' })), 'typed.type_definition'],
    ['duplicate field', mail((d) => d.types['Mail']!.push({ name: 'amount', type: 'uint8' })), 'typed.type_definition'],
    ['field with an extra key', mail((d) => d.types['Mail']!.push({ name: 'x', type: 'string', extra: 1 } as { name: string; type: string })), 'typed.type_definition'],
    ['fields not an array', mail((d) => ((d.types as Record<string, unknown>)['Person'] = {})), 'typed.type_definition'],
    ['missing value', mail((d) => delete d.message['ok']), 'typed.missing_field'],
    ['missing nested value', mail((d) => delete (d.message['from'] as Record<string, unknown>)['wallet']), 'typed.missing_field'],
    ['missing domain value', mail((d) => delete d.domain['name']), 'typed.missing_field'],
    ['undeclared value', mail((d) => (d.message['note'] = 'hidden')), 'typed.extra_field'],
    ['undeclared domain value', mail((d) => (d.domain['salt'] = `0x${'00'.repeat(32)}`)), 'typed.extra_field'],
    ['uint8 = 256', mail((d) => (d.message['amount'] = 256)), 'typed.range'],
    ['uint8 = -1', mail((d) => (d.message['amount'] = -1)), 'typed.range'],
    ['int8 = -129', mail((d) => (d.message['delta'] = '-129')), 'typed.range'],
    ['int8 = 128', mail((d) => (d.message['delta'] = '0x80')), 'typed.range'],
    ['unsafe number', mail((d) => (d.message['amount'] = 2 ** 60)), 'typed.value'],
    ['fractional number', mail((d) => (d.message['amount'] = 1.5)), 'typed.value'],
    ['decimal fraction string', mail((d) => (d.message['amount'] = '1.5')), 'typed.value'],
    ['integer as words', mail((d) => (d.message['amount'] = 'ten')), 'typed.value'],
    ['integer as boolean', mail((d) => (d.message['amount'] = true)), 'typed.value'],
    ['bytes4 of 3 bytes', mail((d) => (d.message['tag'] = '0x010203')), 'typed.value'],
    ['bytes4 as a number', mail((d) => (d.message['tag'] = 16909060)), 'typed.value'],
    ['bytes as text', mail((d) => (d.message['blob'] = 'hello')), 'typed.value'],
    ['bool as string', mail((d) => (d.message['ok'] = 'true')), 'typed.value'],
    ['bool as number', mail((d) => (d.message['ok'] = 1)), 'typed.value'],
    ['string as number', mail((d) => ((d.message['from'] as Record<string, unknown>)['name'] = 5)), 'typed.value'],
    ['address with a bad checksum', mail((d) => ((d.message['from'] as Record<string, unknown>)['wallet'] = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827')), 'typed.value'],
    ['address too short', mail((d) => ((d.message['from'] as Record<string, unknown>)['wallet'] = '0x1234')), 'typed.value'],
    ['base32 address on eSpace', mail((d) => ((d.message['from'] as Record<string, unknown>)['wallet'] = encodeCfxAddress('0x1d2a3d9f938e13cd947ec05abc7fe734df8dd826', 1030))), 'typed.value'],
    ['struct given a string', mail((d) => (d.message['from'] = 'Cow')), 'typed.value'],
    ['array given an object', mail((d) => (d.message['to'] = {})), 'typed.value'],
    ['fixed array too short', mail((d) => (d.message['to'] = [(d.message['to'] as unknown[])[0]])), 'typed.array_length'],
    ['lone surrogate in a string', mail((d) => ((d.message['from'] as Record<string, unknown>)['name'] = '\uD800')), 'message.invalid'],
    ['message present when signing the domain only', mail((d) => (d.primaryType = 'EIP712Domain')), 'typed.extra_field'],
  ])('eSpace: %s', (_name, data, code) => {
    expect(codeOf(() => hashTypedData(data, 'espace'))).toBe(code);
    expect(codeOf(() => signEip712TypedData(data, key, 1030))).toBe(code);
  });

  test.each<[string, unknown, MessageErrorCode]>([
    ['EIP712Domain on Core', mail(() => {}), 'typed.domain'],
    ['both domain types', coreMail((d) => (d.types['EIP712Domain'] = [])), 'typed.domain'],
    ['base32 address with a bad checksum', coreMail((d) => ((d.message['from'] as Record<string, unknown>)['wallet'] = 'cfx:aarc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xh')), 'typed.value'],
    ['mixed-case base32 address', coreMail((d) => ((d.message['from'] as Record<string, unknown>)['wallet'] = 'cfx:aArc9abycue0hhzgyrr53m6cxedgccrmmyybjgh4xg')), 'typed.value'],
  ])('Core: %s', (_name, data, code) => {
    expect(codeOf(() => hashTypedData(data, 'core'))).toBe(code);
  });

  test('a domain for another chain is refused when signing', () => {
    expect(codeOf(() => signEip712TypedData(MAIL, key, 71))).toBe('typed.chain_id');
    expect(codeOf(() => signCip23TypedData(coreMail(), key, 1))).toBe('typed.chain_id');
    expect(codeOf(() => signEip712TypedData(MAIL, key, 0))).toBe('typed.chain_id');
  });

  test('a Core verifyingContract on another network is refused when signing', () => {
    const data = coreMail((d) => {
      d.types['CIP23Domain'] = d.types['CIP23Domain']!.filter((f) => f.name !== 'chainId');
      delete d.domain['chainId'];
      d.domain['verifyingContract'] = encodeCfxAddress('0x8ccccccccccccccccccccccccccccccccccccccc', 1);
    });
    expect(codeOf(() => signCip23TypedData(data, key, 1029))).toBe('typed.chain_id');
    expect(signCip23TypedData(data, key, 1)).toMatch(/^0x/);
  });

  test('nesting deeper than the limit', () => {
    const types = { EIP712Domain: [], Node: [{ name: 'next', type: 'Node[]' }] };
    let message: Record<string, unknown> = { next: [] };
    for (let i = 0; i < 40; i++) message = { next: [message] };
    expect(codeOf(() => hashTypedData({ types, primaryType: 'Node', domain: {}, message }, 'espace'))).toBe('typed.depth');
    // Recursive types themselves are fine at modest depth.
    expect(hashTypedData({ types, primaryType: 'Node', domain: {}, message: { next: [{ next: [] }] } }, 'espace').hash).toHaveLength(32);
  });
});
