import { expect, test } from 'vitest';
import type { BanView, NodeView } from '../../../shared/ui-api/chain.js';
import { nodeFromApi } from './chain.js';

function nodeView(overrides: Partial<NodeView> = {}): NodeView {
  return {
    id: 'n1',
    space: 'core',
    label: 'https://node.example.org',
    operator: 'Example Foundation',
    origin: 'default',
    hasWebSocket: false,
    permissionPattern: 'https://node.example.org/*',
    permission: 'granted',
    health: { latencyMs: 120, successes: 4, failures: 0, consecutiveFailures: 0, lastErrorCode: null },
    ban: null,
    ...overrides,
  };
}

const ban: BanView = {
  nodeId: 'n1',
  node: 'https://node.example.org',
  reason: 'forged_header',
  reasonText: 'It served a block header that does not hash to the proved chain.',
  severity: 'proven_lie',
  evidence: 'cfx_getBlockByHash 0xabc',
  bannedAt: 1,
  expiresAt: 2,
};

test('a healthy node names its operator as its own field, with no problem', () => {
  const item = nodeFromApi(nodeView());
  expect(item).toMatchObject({ health: 'ok', operator: 'Example Foundation', userAdded: false, latencyMs: 120 });
  expect(item.problem).toBeUndefined();
});

test('a banned node’s problem is the ban reason and evidence only, never the operator', () => {
  const item = nodeFromApi(nodeView({ ban }));
  expect(item.health).toBe('banned');
  expect(item.problem).toBe(`${ban.reasonText} — ${ban.evidence}`);
  expect(item.operator).toBe('Example Foundation');
  expect(item.bannedUntil).toBe(2);
});

test('a failing node reports its last error; an unnamed operator is left out', () => {
  const item = nodeFromApi(nodeView({ operator: '', origin: 'user', health: { latencyMs: null, successes: 0, failures: 3, consecutiveFailures: 3, lastErrorCode: 'rpc_timeout' } }));
  expect(item).toMatchObject({ health: 'failing', problem: 'last error: rpc_timeout', userAdded: true });
  expect(item.operator).toBeUndefined();
});
