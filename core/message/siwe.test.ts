/**
 * Sign-in messages: the EIP-4361 examples and the reference implementation's parsing vectors
 * (test/vectors/siwe, with provenance) parse to exactly their fields or are refused; the Conflux
 * variant; and every warning of the request check, one table row each.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { analyzeSignInMessage, rfc3339ToMillis, type SignInContext, type SignInWarning } from './siwe-check.js';
import { isRfc3339DateTime, parseSiweMessage, type SiweMessage } from './siwe.js';
import { SiweError } from './siwe-errors.js';

const vectors = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/vectors/siwe', name), 'utf8')) as Record<string, unknown>;
const positive = vectors('parsing_positive.json') as Record<string, { message: string; fields: Partial<SiweMessage> }>;
const negative = vectors('parsing_negative.json') as Record<string, string>;
const examples = (vectors('eip-4361-examples.json') as { examples: Record<string, { message: string; fields: Partial<SiweMessage> }> }).examples;

describe('EIP-4361 vectors', () => {
  test.each(Object.entries(examples))('EIP example: %s', (_name, { message, fields }) => {
    const parsed = parseSiweMessage(message);
    expect(parsed).toMatchObject({ ...fields, address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', chainId: 1, nonce: '32891756', version: '1', issuedAt: '2021-09-30T16:25:24Z' });
    expect(parsed.resources).toEqual(['ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/', 'https://example.com/my-web2-claim.json']);
  });

  test.each(Object.entries(positive))('reference positive: %s', (_name, { message, fields }) => {
    const parsed = parseSiweMessage(message);
    const expected = { scheme: null, statement: null, expirationTime: null, notBefore: null, requestId: null, resources: [], ...fields };
    expect(parsed).toEqual({ flavor: 'ethereum', ...expected });
  });

  test.each(Object.entries(negative))('reference negative: %s', (_name, message) => {
    expect(() => parseSiweMessage(message)).toThrow(SiweError);
  });
});

const BASE = positive['no optional field']!.message;
const ADDRESS = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';

describe('grammar details', () => {
  test.each<[string, string, string]>([
    ['a trailing line break', `${BASE}\n`, 'siwe.structure'],
    ['CRLF line ends', BASE.replaceAll('\n', '\r\n'), 'siwe.header'],
    ['a lower-case field name', BASE.replace('Nonce: ', 'nonce: '), 'siwe.structure'],
    ['a statement with a non-ASCII letter', BASE.replace('I accept', 'I accépt'), 'siwe.statement'],
    ['a statement without the blank line after it', BASE.replace('tos\n\nURI', 'tos\nURI'), 'siwe.structure'],
    ['an invalid date', BASE.replace('2021-09-30T16:25:24.000Z', '2021-02-30T16:25:24.000Z'), 'siwe.time'],
    ['an hour 24', BASE.replace('2021-09-30T16:25:24.000Z', '2021-09-30T24:00:00Z'), 'siwe.time'],
    ['a base32 address in an Ethereum message', BASE.replace(ADDRESS, encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029)), 'siwe.address'],
    ['an Expiration Time after Not Before', BASE.replace('Issued At: 2021-09-30T16:25:24.000Z', 'Issued At: 2021-09-30T16:25:24.000Z\nNot Before: 2021-09-30T16:25:24Z\nExpiration Time: 2021-09-30T16:25:24Z'), 'siwe.structure'],
    ['an empty resource list entry', `${BASE}\nResources:\n- `, 'siwe.uri'],
  ])('%s is refused', (_name, message, code) => {
    expect(() => parseSiweMessage(message)).toThrow(expect.objectContaining({ code }));
  });

  test('the Conflux variant, with a base32 address', () => {
    const address = encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029);
    const parsed = parseSiweMessage(BASE.replace('Ethereum account', 'Conflux account').replace(ADDRESS, address));
    expect(parsed).toMatchObject({ flavor: 'conflux', address });
    expect(() => parseSiweMessage(BASE.replace('Ethereum account', 'Conflux account').replace(ADDRESS, `${address.slice(0, -1)}a`))).toThrow(expect.objectContaining({ code: 'siwe.address' }));
  });

  test('RFC 3339 times', () => {
    expect(['2021-09-30T16:25:24Z', '2024-02-29t00:00:00.5+05:30', '2016-12-31T23:59:60Z'].map(isRfc3339DateTime)).toEqual([true, true, true]);
    expect(['2023-02-29T00:00:00Z', '2021-09-30 16:25:24Z', '2021-09-30T16:25:24', '2021-13-01T00:00:00Z'].map(isRfc3339DateTime)).toEqual([false, false, false, false]);
    expect(rfc3339ToMillis('2021-09-30T18:25:24.5+02:00')).toBe(Date.UTC(2021, 8, 30, 16, 25, 24, 500));
  });
});

describe('checking a sign-in request', () => {
  const context: SignInContext = { origin: 'https://service.org', account: ADDRESS, chainId: 1, now: Date.UTC(2021, 9, 1) };
  const message = (patch: (m: string) => string) => patch(BASE);

  test('a matching request has no warning', () => {
    expect(analyzeSignInMessage(BASE, context)).toMatchObject({ kind: 'sign_in', warnings: [] });
    expect(analyzeSignInMessage(BASE, { ...context, account: ADDRESS.toLowerCase() })).toMatchObject({ warnings: [] });
  });

  test.each<[string, string, Partial<SignInContext>, SignInWarning[]]>([
    ['another site asks', BASE, { origin: 'https://evil.example' }, [
      { code: 'domain_mismatch', message: 'service.org', origin: 'evil.example' },
      { code: 'uri_mismatch', message: 'https://service.org/login', origin: 'https://evil.example' },
    ]],
    ['a subdomain asks', BASE, { origin: 'https://login.service.org' }, [
      { code: 'domain_mismatch', message: 'service.org', origin: 'login.service.org' },
      { code: 'uri_mismatch', message: 'https://service.org/login', origin: 'https://login.service.org' },
    ]],
    ['plain http', BASE, { origin: 'http://service.org' }, [
      { code: 'scheme_mismatch', message: 'https', origin: 'http' },
      { code: 'port_mismatch', message: 443, origin: 80 },
      { code: 'uri_mismatch', message: 'https://service.org/login', origin: 'http://service.org' },
    ]],
    ['another port', message((m) => m.replace('service.org wants', 'service.org:8443 wants')), {}, [{ code: 'port_mismatch', message: 8443, origin: 443 }]],
    ['another account', BASE, { account: '0x1a2f80341409639ea6a35bbcab8299066109aa55' }, [{ code: 'address_mismatch', message: ADDRESS, account: '0x1a2f80341409639ea6a35bbcab8299066109aa55' }]],
    ['another chain', BASE, { chainId: 1030 }, [{ code: 'chain_mismatch', message: 1, active: 1030 }]],
    ['expired', message((m) => `${m}\nExpiration Time: 2021-09-30T17:00:00Z`), {}, [{ code: 'expired', expirationTime: '2021-09-30T17:00:00Z' }]],
    ['not yet valid', message((m) => `${m}\nNot Before: 2021-10-02T00:00:00Z`), {}, [{ code: 'not_yet_valid', notBefore: '2021-10-02T00:00:00Z' }]],
  ])('%s', (_name, text, patch, warnings) => {
    expect(analyzeSignInMessage(text, { ...context, ...patch })).toMatchObject({ kind: 'sign_in', warnings });
  });

  test('a Core account matches its base32 form in a Conflux message', () => {
    const account = encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029);
    const text = BASE.replace('Ethereum account', 'Conflux account').replace(ADDRESS, account).replace('Chain ID: 1', 'Chain ID: 1029');
    expect(analyzeSignInMessage(text, { ...context, account, chainId: 1029 })).toMatchObject({ kind: 'sign_in', warnings: [] });
  });

  test('not a sign-in message, and a malformed one (which the wallet must warn about)', () => {
    expect(analyzeSignInMessage('hello', context)).toEqual({ kind: 'not_sign_in' });
    const malformed = analyzeSignInMessage(`Please sign: service.org wants you to sign in with your Ethereum account:\n${ADDRESS}`, context);
    expect(malformed).toMatchObject({ kind: 'malformed', error: { code: 'siwe.domain' } });
  });
});
