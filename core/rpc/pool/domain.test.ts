import { describe, expect, test } from 'vitest';
import { isLocalOrPrivateHost, registrableDomain } from './domain.js';

describe('registrableDomain', () => {
  test.each([
    ['main.confluxrpc.com', 'confluxrpc.com'],
    ['a.b.evil.example', 'evil.example'],
    ['evil.example', 'evil.example'],
    ['rpc.example.co.uk', 'example.co.uk'],
    ['x.y.example.com.cn', 'example.com.cn'],
    ['alice.github.io', 'alice.github.io'],
    ['RPC.Example.ORG.', 'example.org'],
    ['203.0.113.7', '203.0.113.7'],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});

describe('isLocalOrPrivateHost', () => {
  test.each(['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.31.0.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', 'localhost', 'a.localhost', '[::1]', '[fe80::1]', '[fc00::1]', '[::ffff:7f00:1]', 'printer.local', 'intranet'])('%s is local', (h) => expect(isLocalOrPrivateHost(h)).toBe(true));
  test.each(['8.8.8.8', '172.32.0.1', 'rpc.example.org', '[2001:db8::1]', '[::ffff:808:808]'])('%s is not', (h) => expect(isLocalOrPrivateHost(h)).toBe(false));
});
