import { expect, test } from 'vitest';
import type { ChainStatusView } from '../../../shared/ui-api/chain.js';
import { lightClientFromApi, networkHealth, syncSummaryFromApi } from './chain.js';
import { t } from '../../i18n/i18n.js';

function status(lightClient: Partial<ChainStatusView['lightClient']>): ChainStatusView {
  return {
    network: 'mainnet',
    chainIds: { core: 1029, espace: 1030 },
    lightClient: {
      checkpoint: 'shipped',
      committeeEpoch: 46114,
      finalized: null,
      finality: null,
      ageMs: null,
      stale: true,
      staleAfterMs: 600_000,
      claimedEpoch: null,
      withholding: [],
      confirming: null,
      syncing: false,
      lastSyncAt: null,
      lastError: null,
      progress: null,
      ...lightClient,
    },
    privacy: { enabled: true, explanation: '' },
    nodes: { total: 4, banned: 0, independentOperators: { core: 2, espace: 2 } },
    networkHead: null,
  };
}

test('while a sync runs, progress in epochs since it started is shown, never the last error', () => {
  const summary = syncSummaryFromApi(status({ syncing: true, lastError: { code: 'internal', message: 'unexpected failure while syncing' }, progress: { phase: 'committees', fromEpoch: 46114, epoch: 47314, targetEpoch: 48114 } }));
  expect(summary).toMatchObject({ state: 'syncing', sync: { label: t('finality.phaseChain'), done: 1200, total: 2000 }, stateDetail: undefined });
});

test('a failed sync that verified epochs is paused, one that verified nothing is an error', () => {
  expect(syncSummaryFromApi(status({ lastError: { code: 'internal', message: 'x', progressed: true } })).state).toBe('paused');
  expect(syncSummaryFromApi(status({ lastError: { code: 'internal', message: 'x' } })).state).toBe('error');
});

test('a failed sync no node answered is said as a poor link, not as a verification error', () => {
  const unanswered = { code: 'pool.no_node', message: 'no core node on local gave an acceptable answer (1 tried)', unanswered: true };
  expect(syncSummaryFromApi(status({ lastError: unanswered })).state).toBe('unanswered');
  // After progress it is a catch-up to resume, as any interrupted one.
  expect(syncSummaryFromApi(status({ lastError: { ...unanswered, progressed: true } })).state).toBe('paused');
  expect(networkHealth(status({ lastError: unanswered }))).toBe('warn');
  expect(networkHealth(status({ lastError: { code: 'pool.no_node', message: 'none' } }))).toBe('bad');
});

test('the finalized block’s own timestamp is the age shown; stale only once something is finalized', () => {
  const finalized = { height: 100, blockHash: '0x01', posEpoch: 46120, blockTimestampMs: 5_000 };
  expect(syncSummaryFromApi(status({ finalized, stale: true, lastSyncAt: 9_000 }))).toMatchObject({ state: 'synced', finalizedAt: 5_000, stale: true });
  expect(syncSummaryFromApi(status({ finalized: null, stale: true })).stale).toBe(false);
  const full = lightClientFromApi(status({ finalized, stale: false, lastSyncAt: 9_000, finality: 'skipped', withholding: ['https://slow.example'], confirming: { epoch: 47000, targetEpoch: 48114, running: true } }), { active: [], recent: [] }, 10_000);
  expect(full).toMatchObject({ finalizedAt: 5_000, lastCheckedAt: 9_000, finality: 'skipped', withholding: ['https://slow.example'], confirming: { done: 47000, total: 48114 } });
});
