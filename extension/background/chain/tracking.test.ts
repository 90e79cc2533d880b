import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { coreAddressFromPrivateKey } from '../../../core/keys/address.js';
import { privateKeyFromHex } from '../../../core/keys/private-key.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import type { TxView } from '../../shared/ui-api/chain.js';
import { chainSetup } from './test-support.js';

const key = privateKeyFromHex(`0x${'42'.repeat(32)}`);
const from = encodeCfxAddress(coreAddressFromPrivateKey(key), 1024);

/** A node that acknowledges (returns the hash) and never includes anything. */
function stuckNode(received: Map<string, string[]>, name: string) {
  return (method: string, params: unknown[]) => {
    if (method === 'cfx_sendRawTransaction') {
      received.set(name, [...(received.get(name) ?? []), String(params[0])]);
      return decodeCoreTransaction(String(params[0])).hash;
    }
    if (method === 'cfx_getTransactionReceipt') return null;
    throw new Error(`unexpected ${method}`);
  };
}

const sign = (nonce: bigint) => signCoreTransaction({ type: 0, chainId: 1024, nonce, gas: 21000n, to: from, value: 5n, storageLimit: 0n, epochHeight: 1n, data: '0x', gasPrice: 10n }, key, 1024);

describe('transactions', () => {
  test('a stuck transaction: Resend offers it to every node that has not acknowledged it, several of one operator too', async () => {
    const received = new Map<string, string[]>();
    const { chain } = await chainSetup({ 'http://127.0.0.1:12537/': stuckNode(received, 'only'), 'http://10.0.0.2:12537/': stuckNode(received, 'second'), 'http://10.0.0.3:12537/': stuckNode(received, 'third') });
    await chain.session.setNetwork('local');
    const signed = sign(3n);
    const sent = await chain.tracking.sendTransaction('core', signed.raw as `0x${string}`);
    expect(sent).toMatchObject({ hash: signed.hash, status: 'pending', acceptedBy: ['local/core/http://127.0.0.1:12537/'] });
    expect(chain.tracking.tracked(signed.hash)?.raw).toBe(signed.raw);

    // Two nodes of one operator: a resend is not limited to one node per operator.
    await chain.nodes.addNode({ space: 'core', url: 'http://10.0.0.2:12537', operator: 'Other' });
    await chain.nodes.addNode({ space: 'core', url: 'http://10.0.0.3:12537', operator: 'Other' });
    const resent = await chain.tracking.resendTransaction(signed.hash);
    expect(received.get('second')).toEqual([signed.raw]);
    expect(received.get('third')).toEqual([signed.raw]);
    expect(received.get('only')).toEqual([signed.raw]);
    expect(resent.acceptedBy).toHaveLength(3);
  });

  test('labels name a token the bytes send; every recorded change reaches the bus as the page sees it; labels survive a restart', async () => {
    const received = new Map<string, string[]>();
    const { chain, bus, restart } = await chainSetup({ 'http://127.0.0.1:12537/': stuckNode(received, 'only') });
    const changed: TxView[] = [];
    bus.on('transactionChanged', (tx) => changed.push(tx));
    await chain.session.setNetwork('local');
    const signed = sign(4n);
    await chain.tracking.labelTransaction(signed.hash, { token: { contract: from, symbol: 'TOK', decimals: 6 } });
    const hash = await chain.tracking.sendRawTransaction('core', signed.raw as `0x${string}`);
    expect(hash).toBe(signed.hash);
    expect(changed.map((tx) => tx.hash)).toContain(signed.hash);
    expect(chain.tracking.transactions()).toEqual([expect.objectContaining({ hash: signed.hash, status: 'pending', from })]);
    const again = await restart();
    expect(again.tracking.transactions()).toEqual([expect.objectContaining({ hash: signed.hash })]);
    // Another network has its own transactions.
    await again.session.setNetwork('mainnet');
    expect(again.tracking.transactions()).toEqual([]);
  });
});
