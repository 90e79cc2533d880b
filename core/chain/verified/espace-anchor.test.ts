import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyHeaderAgainstHash } from '../../lightclient/header/chain.js';
import type { RpcEthBlock } from '../../rpc/schema/espace.js';
import { rpcMethods } from '../../rpc/schema/methods.js';
import { checkEspaceBlock } from './espace-anchor.js';

const load = (name: string) => (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../test/vectors/rpc', name), 'utf8')) as { result: unknown }).result;

describe('eSpace block N is the verified Core pivot of epoch N', () => {
  // Both captured from the same dev node at height 0x9ab.
  const coreBlock = load('dev-cfx_getBlockByHash-espace-tx.json') as { hash: string };
  const ethBlock = rpcMethods.eth_getBlockByNumber.result.parse(load('dev-eth_getBlockByNumber-full.json'), 'r') as RpcEthBlock;
  const pivot = verifyHeaderAgainstHash(coreBlock, coreBlock.hash, { espaceBaseFeePerGas: [BigInt(ethBlock.baseFeePerGas!)] });

  test('matches: same hash, parent and the pivot header’s deferred state root', () => {
    expect(() => checkEspaceBlock(ethBlock, pivot)).not.toThrow();
  });
  test.each([
    ['hash', { hash: `0x${'00'.repeat(32)}` }],
    ['parentHash', { parentHash: `0x${'00'.repeat(32)}` }],
    ['stateRoot', { stateRoot: `0x${'00'.repeat(32)}` }],
    ['number', { number: '0x1' }],
  ])('a different %s is refused', (_, change) => {
    expect(() => checkEspaceBlock({ ...ethBlock, ...change }, pivot)).toThrow(expect.objectContaining({ request: expect.objectContaining({ method: 'eth_getBlockByNumber' }) }));
  });
});
