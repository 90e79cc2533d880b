import { describe, expect, test } from 'vitest';
import { chainSetup } from './test-support.js';

describe('node list', () => {
  test('node edits survive a restart', async () => {
    const { chain, restart, events } = await chainSetup();
    await chain.session.setNetwork('local');
    const shipped = await chain.nodes.nodeList();
    // The local network ships the dev node's default ports and the proof gateway `npm start` runs beside it.
    expect(shipped.map((n) => [n.space, n.label])).toEqual([
      ['core', 'http://127.0.0.1:12537'],
      ['espace', 'http://127.0.0.1:8545'],
      ['gateway', 'http://127.0.0.1:12539'],
    ]);
    await chain.nodes.removeNode(shipped[0]!.id);
    const added = await chain.nodes.addNode({ space: 'core', url: 'http://127.0.0.1:4000', operator: 'My node' });
    expect(added).toMatchObject({ origin: 'user', operator: 'My node', permissionPattern: 'http://127.0.0.1/*', permission: 'granted', ban: null });
    expect(events).toContain('nodes');
    const again = await restart();
    expect((await again.nodes.nodeList()).map((n) => n.label).sort()).toEqual(['http://127.0.0.1:12539', 'http://127.0.0.1:4000', 'http://127.0.0.1:8545']);
    // A proof gateway is a node like the others: added, listed, removed.
    const gateway = await again.nodes.addNode({ space: 'gateway', url: 'http://127.0.0.1:4001' });
    expect(gateway).toMatchObject({ space: 'gateway', origin: 'user', hasWebSocket: false });
    await again.nodes.removeNode(gateway.id);
    await expect(again.nodes.addNode({ space: 'core', url: 'http://127.0.0.1:4000' })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(again.nodes.addNode({ space: 'core', url: 'http://public.example.org' })).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(again.nodes.removeNode('local/core/http://127.0.0.1:9/')).rejects.toMatchObject({ code: 'input.invalid' });
  });

  test('a site\'s node is marked as the site\'s', async () => {
    const { chain } = await chainSetup();
    const added = await chain.nodes.addNode({ space: 'espace', url: 'https://rpc.dapp.example', site: 'https://dapp.example' });
    expect(added).toMatchObject({ origin: 'site' });
    expect(chain.nodes.nodes().map((n) => n.id)).toContain(added.id);
  });

  test('bans are persisted with their evidence and can be lifted', async () => {
    // The shipped local Core node answers with something that is not an epoch number.
    const { chain, restart, clock } = await chainSetup({ 'http://127.0.0.1:12537/': () => 'not a quantity' });
    await chain.session.setNetwork('local');
    const [node] = await chain.nodes.nodeList();
    // A page's read (session.read) never bans; the wallet's own requests (the sync setNetwork
    // started) do.
    await expect(chain.session.read('core', 'cfx_epochNumber', [])).rejects.toMatchObject({ code: 'pool.no_node' });
    await chain.session.sync();
    await clock.advance(10);
    const again = await restart();
    expect(again.nodes.bans().active).toEqual([expect.objectContaining({ nodeId: node!.id, reason: 'malformed_response', reasonText: expect.stringMatching(/schema/), evidence: expect.stringMatching(/pos_getEpochState|cfx_epochNumber/) })]);
    expect((await again.nodes.nodeList()).find((n) => n.id === node!.id)?.ban?.reason).toBe('malformed_response');
    // Bans belong to their network.
    await again.session.setNetwork('mainnet');
    expect(again.nodes.bans().active).toEqual([]);
    await again.session.setNetwork('local');
    expect(again.nodes.bans().active).toHaveLength(1);
    await again.nodes.liftBan(node!.id);
    expect(again.nodes.bans().active).toEqual([]);
    await expect(again.nodes.liftBan(node!.id)).rejects.toMatchObject({ code: 'input.invalid' });
  });
});
