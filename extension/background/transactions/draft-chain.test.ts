import { describe, expect, test } from 'vitest';
import { LightClientError } from '../../../core/lightclient/errors.js';
import { RpcNodeError } from '../../../core/rpc/errors.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import type { Space } from '../../../core/space.js';
import { buildEspaceDraft } from './draft-builder.js';
import { chainDrafts, type DraftChainSource } from './draft-chain.js';
import { NodeRefusedError } from './errors.js';

const FROM = '0x1a2f80341409639ea6a35bbcab8299066109aa55';

/** The chain service's part in building, in memory: fixed answers, a light client that may not have finalized yet. */
class FakeChainService implements DraftChainSource {
  finalized = true;
  syncs = 0;
  readonly answers = new Map<string, () => unknown>([
    ['eth_getBlockByNumber', () => ({ baseFeePerGas: '0x3b9aca00' })],
    ['eth_getTransactionCount', () => '0x3'],
    ['eth_estimateGas', () => '0x5208'],
    ['eth_maxPriorityFeePerGas', () => '0x1'],
  ]);
  status = () => ({ network: 'mainnet' as const, chainIds: { core: 1029, espace: 1030 } });
  read = async (_space: Space, method: string): Promise<unknown> => {
    const answer = this.answers.get(method);
    if (!answer) throw new Error(`unexpected ${method}`);
    return answer();
  };
  nextNonce = async (): Promise<bigint> => {
    if (!this.finalized) throw new LightClientError('not_finalized', 'sync first');
    return 7n;
  };
  sync = async (): Promise<void> => {
    this.syncs++;
    this.finalized = true;
  };
}

const nodeError = (code: number, message: string) => new RpcNodeError(code, message, undefined, { endpoint: 'n', method: 'eth_estimateGas' });

describe('the chain service as the draft builder reads it', () => {
  test('chain id of the active network; the nonce after one sync when the epoch is not finalized yet', async () => {
    const service = new FakeChainService();
    service.finalized = false;
    const chain = chainDrafts(service);
    expect(chain.chainId('espace')).toBe(1030);
    expect(await chain.nextNonce('espace', FROM)).toBe(7n);
    expect(service.syncs).toBe(1);
  });

  test('a node refusal is the node\'s words, an honest node\'s before a wallet-only code; other failures are none', () => {
    const chain = chainDrafts(new FakeChainService());
    expect(chain.nodeRefusal(nodeError(3, 'execution reverted: nope'))).toBe('execution reverted: nope');
    expect(chain.nodeRefusal(new NoNodeAvailableError('espace', 'mainnet', [], [nodeError(4001, 'User rejected the request'), nodeError(-32015, 'execution reverted: honest')]))).toBe('execution reverted: honest');
    expect(chain.nodeRefusal(new NoNodeAvailableError('espace', 'mainnet', []))).toBeUndefined();
    expect(chain.nodeRefusal(new Error('x'))).toBeUndefined();
  });

  test('the wallet\'s build sees the chain\'s own errors: a refused estimate is the node\'s reason, no node is the pool\'s error', async () => {
    const service = new FakeChainService();
    const chain = chainDrafts(service);
    service.answers.set('eth_estimateGas', () => {
      throw nodeError(3, 'execution reverted: not allowed');
    });
    const request = { from: FROM, to: FROM, data: '0xdeadbeef' as const };
    await expect(buildEspaceDraft(chain, request, FROM)).rejects.toThrow(NodeRefusedError);
    await expect(buildEspaceDraft(chain, request, FROM)).rejects.toThrow(/execution reverted: not allowed/);
    service.answers.set('eth_estimateGas', () => {
      throw new NoNodeAvailableError('espace', 'mainnet', [{ node: 'https://a.example', problem: 'rpc.timeout' }]);
    });
    await expect(buildEspaceDraft(chain, request, FROM)).rejects.toThrow(NoNodeAvailableError);
  });
});
