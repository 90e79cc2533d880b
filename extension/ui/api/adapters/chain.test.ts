import { expect, test } from 'vitest';
import type { BanView, NodeView, TokenFieldView } from '../../../shared/ui-api/chain.js';
import { balanceFromApi, lightClientFromApi, networkHealth, nodeFromApi, tokenInfoFromApi } from './chain.js';
import type { ChainStatusView } from '../../../shared/ui-api/chain.js';
import { t } from '../../i18n/i18n.js';

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
  // The reason is read by its code from the catalog (in the language shown), the evidence as given.
  expect(item.problem).toBe(`${t('bans.reason.forged_header')} — ${ban.evidence}`);
  expect(item.problem).toContain('block header whose fields do not match its hash');
  expect(item.operator).toBe('Example Foundation');
  expect(item.bannedUntil).toBe(2);
});

test('a failing node reports its last problem in words, never as a code; an unnamed operator is left out', () => {
  const item = nodeFromApi(nodeView({ operator: '', origin: 'user', health: { latencyMs: null, successes: 0, failures: 3, consecutiveFailures: 3, lastErrorCode: 'rpc.network' } }));
  expect(item).toMatchObject({ health: 'failing', problem: 'last request: it could not be reached', userAdded: true });
  expect(item.operator).toBeUndefined();
});

test('a token field outvoting one node counts the nodes that agreed, whichever answered first', () => {
  const honest = '0x12';
  const decimals: TokenFieldView<number> = {
    value: 18,
    trust: 'cross-checked',
    problem: null,
    sources: [
      { node: 'https://liar.example', operator: 'Liar', answer: '0x06' },
      { node: 'https://a.example', operator: 'A', answer: honest },
      { node: 'https://b.example', operator: 'B', answer: honest },
    ],
  };
  const empty: TokenFieldView<string> = { value: null, trust: null, problem: 'the contract did not answer name()', sources: [] };
  const info = tokenInfoFromApi({ space: 'espace', address: '0x' + '11'.repeat(20), epoch: 40, symbol: empty, name: empty, decimals });
  expect(info.decimals).toMatchObject({ value: 18, trust: { level: 'cross-checked', sources: 3, agreeing: 2, epoch: 40 } });
  expect(info.symbol).toBeUndefined();
});

test('a node that stopped answering is set aside, not banned: no "Banned", no code, and it is not listed among lies', () => {
  const setAside: BanView = { ...ban, reason: 'unresponsive', reasonText: 'did not answer', severity: 'unavailable', evidence: '3 requests in a row failed (rpc.network)' };
  const item = nodeFromApi(nodeView({ ban: setAside }));
  expect(item.health).toBe('unreachable');
  expect(item.problem).toBe('Set aside for a while: it could not be reached, several times in a row. Not a ban — it told no lie.');
  const status = lightClientFromApi(statusView({}), { active: [setAside, ban], recent: [setAside, ban] }, 0);
  expect(status.setAsideNodes.map((n) => n.health)).toEqual(['unreachable']);
  expect(status.bannedNodes.map((n) => n.health)).toEqual(['banned']);
  expect(status.failures).toHaveLength(1);
});

function statusView(overrides: { total?: number; banned?: number; lastError?: { code: string; message: string } | null; finalized?: boolean }): ChainStatusView {
  return {
    network: 'local',
    chainIds: { core: 1024, espace: 1025 },
    lightClient: { checkpoint: 'tofu', committeeEpoch: 3, finalized: overrides.finalized === false ? null : { height: 100, blockHash: '0x00', posEpoch: 3 }, syncing: false, lastSyncAt: 1, lastError: overrides.lastError ?? null, progress: null },
    privacy: { enabled: true, explanation: '' },
    nodes: { total: overrides.total ?? 2, banned: overrides.banned ?? 0, independentOperators: { core: 1, espace: 1 } },
    networkHead: null,
  } as ChainStatusView;
}

test('the header dot is green only while some node works and the last sync verified: red when every node fails', () => {
  expect(networkHealth(statusView({}))).toBe('ok');
  expect(networkHealth(statusView({ banned: 2 }))).toBe('bad');
  expect(networkHealth(statusView({ total: 0 }))).toBe('bad');
  expect(networkHealth(statusView({ lastError: { code: 'pool.no_node', message: 'none' } }))).toBe('bad');
  expect(networkHealth(statusView({ lastError: { code: 'lightclient.x', message: 'x' } }))).toBe('warn');
  expect(networkHealth(statusView({ finalized: false }))).toBe('warn');
});

test('who said what: each node\'s balance answer is shown as an amount with its unit, not as raw drip', () => {
  const view = { space: 'core' as const, address: 'cfx:aa', value: '1500000000000000000', epoch: 7, trust: 'conflict' as const, updatedAt: 1, cached: false, sources: [{ node: 'https://a.example', operator: 'A', answer: '1500000000000000000' }, { node: 'https://b.example', operator: 'B', answer: '2500000000000000000' }, { node: 'https://c.example', operator: 'C', problem: 'no answer in time' }] };
  const answers = balanceFromApi(view).trust.answers!;
  expect(answers.map((a) => a.answer)).toEqual(['1.5 CFX', '2.5 CFX', undefined]);
  expect(balanceFromApi({ ...view, sources: [{ node: 'https://a.example', operator: 'A', answer: '1500000' }] }, { decimals: 6, symbol: 'USDT' }).trust.answers![0]!.answer).toBe('1.5 USDT');
});
