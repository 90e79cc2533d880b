import { beforeEach, describe, expect, test } from 'vitest';
import { NodeRpcError } from '../provider/errors.js';
import { TestChain } from '../provider/test-support.js';
import { buildEspaceDraft, PRIORITY_FEE_ATTEMPTS, UNESTIMATED_GAS } from './draft-builder.js';

const FROM = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const BASE_FEE = 0x3b9aca00n;

let chain: TestChain;
beforeEach(() => {
  chain = new TestChain();
});

async function draft() {
  return buildEspaceDraft(chain, { from: FROM, to: FROM, value: '0x1' }, FROM);
}

/** A node refusal like the one eSpace nodes give while the newest epoch is being added. */
const refusal = () => new NodeRpcError(-32602, 'Specified block header does not exist');

describe('priority fee', () => {
  test('a passing refusal of eth_maxPriorityFeePerGas is asked again', async () => {
    let calls = 0;
    chain.handlers.set('eth_maxPriorityFeePerGas', () => {
      calls++;
      if (calls < PRIORITY_FEE_ATTEMPTS) throw refusal();
      return '0x7';
    });
    const built = await draft();
    expect(calls).toBe(PRIORITY_FEE_ATTEMPTS);
    expect(built).toMatchObject({ type: 2, maxPriorityFeePerGas: '0x7', maxFeePerGas: `0x${(2n * BASE_FEE + 7n).toString(16)}` });
  });

  test('nodes that keep refusing: the tip is the gas price above the base fee', async () => {
    chain.handlers.set('eth_maxPriorityFeePerGas', () => {
      throw refusal();
    });
    chain.handlers.set('eth_gasPrice', () => `0x${(BASE_FEE + 5n).toString(16)}`);
    expect(await draft()).toMatchObject({ maxPriorityFeePerGas: '0x5' });
    chain.handlers.set('eth_gasPrice', () => `0x${(BASE_FEE - 1n).toString(16)}`);
    expect(await draft()).toMatchObject({ maxPriorityFeePerGas: '0x0' });
  });

  test('anything other than a node refusal is not retried', async () => {
    let calls = 0;
    chain.handlers.set('eth_maxPriorityFeePerGas', () => {
      calls++;
      return 'not a quantity';
    });
    await expect(draft()).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe('a transaction the nodes cannot estimate', () => {
  const revert = () => new NodeRpcError(3, 'execution reverted: not allowed', '0x08c379a0');
  const request = { from: FROM, to: FROM, data: '0xdeadbeef' as const };

  test('without a failure handler the node\'s error reaches the dApp', async () => {
    chain.handlers.set('eth_estimateGas', () => {
      throw revert();
    });
    await expect(buildEspaceDraft(chain, request, FROM)).rejects.toThrow(/execution reverted/);
  });

  test('with one, the draft gets the default gas limit and the node\'s reason is handed over', async () => {
    chain.handlers.set('eth_estimateGas', () => {
      throw revert();
    });
    const reasons: string[] = [];
    const built = await buildEspaceDraft(chain, request, FROM, { onEstimateFailure: (r) => reasons.push(r) });
    expect(reasons).toEqual(['execution reverted: not allowed']);
    expect(BigInt(built.gas)).toBe(UNESTIMATED_GAS);
    expect(built.data).toBe('0xdeadbeef');
  });
});
