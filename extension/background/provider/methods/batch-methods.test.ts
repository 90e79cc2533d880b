import { describe, expect, test } from 'vitest';
import { PermissionStore } from '../permissions.js';
import { MemoryStorageArea } from '../../storage-area.js';
import { TestChain, TestKeyring } from '../test-support.js';
import type { MethodContext } from './types.js';
import { batchMethods, MAX_CALLS } from './batch-methods.js';

const SITE = 'https://dapp.example';
const keyring = new TestKeyring();
const account = keyring.addAccount('a', `0x${'11'.repeat(32)}`);
const USER = account.espaceAddress;
const CHAIN = '0x406'; // 1030, the TestChain's active eSpace chain

async function context(): Promise<MethodContext> {
  const permissions = new PermissionStore(new MemoryStorageArea(), () => 'g', () => 0);
  await permissions.grant(SITE, 'espace', [account]);
  return { requester: { origin: SITE, documentId: 'd', tabId: 1, frameId: 0 }, space: 'espace', keyring, chain: new TestChain(), permissions };
}

const run = async (name: string, params: unknown) => {
  const spec = batchMethods()[name]!;
  return spec.run(await context(), spec.params.parse(params));
};

const batch = (extra: Record<string, unknown> = {}) => [{ version: '2.0.0', chainId: CHAIN, from: USER, atomicRequired: false, calls: [{ to: USER, value: '0x1' }], ...extra }];

describe('EIP-5792', () => {
  test('capabilities: atomic execution is not offered on the active chain', async () => {
    expect(await run('wallet_getCapabilities', [USER])).toEqual({ result: { [CHAIN]: { atomic: { status: 'unsupported' } } } });
  });

  test('refusals come before any approval, with the EIP-5792 codes', async () => {
    await expect(run('wallet_sendCalls', batch({ atomicRequired: true }))).rejects.toMatchObject({ rpcCode: 5760 });
    await expect(run('wallet_sendCalls', batch({ chainId: '0x1' }))).rejects.toMatchObject({ rpcCode: 5710 });
    await expect(run('wallet_sendCalls', batch({ calls: Array.from({ length: MAX_CALLS + 1 }, () => ({ to: USER })) }))).rejects.toMatchObject({ rpcCode: 5740 });
    await expect(run('wallet_sendCalls', batch({ capabilities: { paymasterService: { url: 'https://pay.example' } } }))).rejects.toMatchObject({ rpcCode: 5700 });
    await expect(run('wallet_sendCalls', batch({ id: 'mine' }))).rejects.toMatchObject({ rpcCode: -32602 });
  });

  test('a status request for something that is not a batch id is refused', async () => {
    await expect(run('wallet_getCallsStatus', ['0x1234'])).rejects.toMatchObject({ rpcCode: -32602 });
  });
});
