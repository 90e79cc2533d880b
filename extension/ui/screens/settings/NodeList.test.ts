import { expect, test } from 'vitest';
import { originPattern } from './NodeList.js';

test('originPattern asks for the host only, any port', () => {
  expect(originPattern('https://node.example.org:8545/rpc')).toBe('https://node.example.org/*');
  expect(originPattern('wss://node.example.org/ws')).toBe('wss://node.example.org/*');
  expect(originPattern('ftp://node.example.org')).toBeUndefined();
  expect(originPattern('node.example.org')).toBeUndefined();
});
