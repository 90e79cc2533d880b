import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { defaultEndpoints, defaultOperatorCount, OPERATOR_CONFURA } from './defaults.js';
import { hostPermissionPattern, isLocalHost, makeEndpoint } from './endpoint.js';

describe('makeEndpoint', () => {
  test('accepts https anywhere and http only for local hosts', () => {
    expect(makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://rpc.example.org/v1/KEY' })).toMatchObject({ label: 'https://rpc.example.org', operator: 'example.org', origin: 'user' });
    expect(makeEndpoint({ network: 'local', space: 'core', url: 'http://192.168.1.20:12537' }).label).toBe('http://192.168.1.20:12537');
    expect(() => makeEndpoint({ network: 'mainnet', space: 'core', url: 'http://rpc.example.org' })).toThrow(InvalidInputError);
  });
  test.each([
    ['credentials', 'https://user:secret@rpc.example.org'],
    ['fragment', 'https://rpc.example.org/#x'],
    ['not a url', 'rpc.example.org'],
    ['other scheme', 'file:///etc/passwd'],
    ['too long', `https://rpc.example.org/${'a'.repeat(3000)}`],
  ])('rejects %s', (_, url) => expect(() => makeEndpoint({ network: 'mainnet', space: 'core', url })).toThrow(InvalidInputError));
  test('WebSocket URLs: wss anywhere, ws only locally', () => {
    expect(makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://a.example', wsUrl: 'wss://a.example/ws' }).wsUrl).toBe('wss://a.example/ws');
    expect(() => makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://a.example', wsUrl: 'ws://a.example/ws' })).toThrow(InvalidInputError);
  });
  test.each([
    'http://127.0.0.1:12537/',
    'https://127.0.0.1:12537/',
    'http://localhost:8545/',
    'https://router.localhost/',
    'http://192.168.1.1/',
    'https://10.0.0.8/',
    'https://172.16.5.4/',
    'https://169.254.169.254/',
    'https://[::1]/',
    'https://[fd00::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://0.0.0.0/',
    'https://nas.local/',
    'https://router/',
  ])('a site may not add a node on this computer or the local network: %s', (url) => {
    expect(() => makeEndpoint({ network: 'local', space: 'core', url, origin: 'site', site: 'https://evil.example' })).toThrow(/computer or your local network/);
    // What the user types in Settings may be local (plain http only for local addresses).
    if (url.startsWith('http:')) expect(makeEndpoint({ network: 'local', space: 'core', url }).origin).toBe('user');
  });
  test('a site node needs its site and may not bring a WebSocket URL', () => {
    expect(() => makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://rpc.example.org/', origin: 'site' })).toThrow(InvalidInputError);
    expect(() => makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://rpc.example.org/', wsUrl: 'wss://rpc.example.org/ws', origin: 'site', site: 'https://evil.example' })).toThrow(InvalidInputError);
  });
  test('the label never shows the path (API keys live there)', () => {
    expect(makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://main.confluxrpc.com/secret-key' }).label).not.toContain('secret');
  });
  test('host permission patterns', () => {
    expect(hostPermissionPattern('https://rpc.example.org:8443/v1/key')).toBe('https://rpc.example.org/*');
    expect(isLocalHost('127.0.0.1') && isLocalHost('10.0.0.8') && isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('8.8.8.8') || isLocalHost('172.32.0.1')).toBe(false);
  });
});

describe('shipped nodes', () => {
  test('mainnet has independent operators on both spaces; the Confura hosts count as one', () => {
    expect(defaultOperatorCount('mainnet', 'core')).toBe(2);
    expect(defaultOperatorCount('mainnet', 'espace')).toBe(3);
    const confura = defaultEndpoints('mainnet').filter((e) => /confluxrpc\.(com|org)/.test(e.url));
    expect(confura.length).toBeGreaterThanOrEqual(5);
    expect(new Set(confura.map((e) => e.operator))).toEqual(new Set([OPERATOR_CONFURA]));
    expect(defaultEndpoints('mainnet').every((e) => e.url.startsWith('https://') && e.origin === 'default')).toBe(true);
  });
  test('testnet is one operator only (values there stay single-source unless the user adds a node)', () => {
    expect(defaultOperatorCount('testnet', 'core')).toBe(1);
  });
});
