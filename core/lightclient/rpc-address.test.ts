import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../address/cip37.js';
import { bytesToHex } from '../encoding/hex.js';
import { readRpcAddress } from './rpc-address.js';

describe('addresses in Core RPC answers', () => {
  const user = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
  test('base32 of a Core type, hex, and the eSpace-style TYPE.UNKNOWN the RPC prints', () => {
    expect(bytesToHex(readRpcAddress(encodeCfxAddress(user, 1024), 'from'))).toBe(user);
    expect(bytesToHex(readRpcAddress(encodeCfxAddress(user, 1029, { verbose: true }), 'from'))).toBe(user);
    expect(bytesToHex(readRpcAddress(user, 'from'))).toBe(user);
    // From a dev-node eSpace transfer receipt (test/vectors/headers/devnode/dev1024-espace-transfer.json).
    expect(bytesToHex(readRpcAddress('NET1024:TYPE.UNKNOWN:AA4DJRBYGU4DJRBYGU4DJRBYGU4DJRBYGU9UC859TS', 'to'))).toBe(`0x${'34'.repeat(20)}`);
  });

  test('anything that is not a valid address is malformed, naming the field', () => {
    const good = encodeCfxAddress(user, 1024);
    const flipped = `${good.slice(0, -1)}${good.endsWith('a') ? 'b' : 'a'}`;
    for (const bad of [flipped, good.replace('net1024', 'net1025'), `${good.slice(0, 10)}${good.slice(10).toUpperCase()}`, '0x1234', 42, null]) {
      expect(() => readRpcAddress(bad, 'log.address')).toThrow(expect.objectContaining({ kind: 'malformed', nodeAtFault: true, message: expect.stringContaining('log.address') }));
    }
  });
});
