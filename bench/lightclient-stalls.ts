/**
 * Does light-client verification need to leave the service worker (an offscreen document)? A page
 * of the wallet is not slowed by verification as such (it renders in its own process); what it
 * waits for is the worker's event loop: a popup's request is answered only between two
 * synchronous stretches of work. The longest such stretch during a sync is the verification of
 * one answer — one batch of epoch-ending ledger infos, checked together (`applyEpochEndings`,
 * what the sync machine runs for each batch it accepts). Measured here on the synthetic chain for
 * the batch sizes a sync uses, with batch and one-by-one signature checks, and for the skipping
 * rule's single hop. The decision is documented in core/lightclient/README.md ("Where
 * verification runs").
 */
import { resolveStartingState } from '../core/lightclient/checkpoint/checkpoint.js';
import type { Checkpoint } from '../core/lightclient/checkpoint/types.js';
import { LightClientError } from '../core/lightclient/errors.js';
import { committeeFromJson, type Committee } from '../core/lightclient/pos/committee.js';
import { parseLedgerInfoWithSignatures, type ParsedLedgerInfo } from '../core/lightclient/pos/parse.js';
import { checkSkip } from '../core/lightclient/pos/skip.js';
import { applyEpochEndings } from '../core/lightclient/sync/endings.js';
import { stateFromRestored } from '../core/lightclient/sync/pos-state.js';
import { printTable } from './harness.js';
import { benchChain, CHAIN_ID } from './lightclient-world.js';

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function furthestHop(endings: readonly unknown[], trusted: Committee): { hop: ParsedLedgerInfo; distance: number } {
  for (let i = endings.length - 1; i >= 0; i--) {
    const hop = parseLedgerInfoWithSignatures(endings[i]);
    try {
      checkSkip(hop, trusted);
      return { hop, distance: i + 1 };
    } catch (error) {
      if (!(error instanceof LightClientError) || error.kind !== 'insufficient_trust') throw error;
    }
  }
  throw new Error('no ending of the bench chain can be reached in one hop');
}

export async function stallTables(): Promise<void> {
  const bench = benchChain(Number(process.env.BENCH_EPOCHS ?? 2000));
  const checkpoint: Checkpoint = { network: 'bench', chainId: CHAIN_ID, trust: 'shipped', epoch: bench.start, epochState: bench.committees.first, digest: committeeFromJson(bench.committees.first).digest, source: 'synthetic long chain' };
  const start = stateFromRestored(resolveStartingState(checkpoint, undefined, 0));
  const endings = bench.endings.slice(0, 100).map((e) => parseLedgerInfoWithSignatures(e));
  const rows: Record<string, string | number>[] = [];
  for (const size of [8, 32, 100]) {
    for (const verification of ['batch', 'single'] as const) {
      const list = endings.slice(0, size);
      applyEpochEndings(start, list.slice(0, 2), 1, { verification }); // warm caches as a running sync has them
      let outcome: ReturnType<typeof applyEpochEndings> | undefined;
      const ms = cpuMs(() => (outcome = applyEpochEndings(start, list, 1, { verification })));
      if (outcome?.applied !== size) throw new Error(`batch of ${size} did not verify`);
      rows.push({ 'one answer verified': `${size} epoch endings, ${verification === 'batch' ? 'one batch check' : 'one check each'}`, 'longest stretch ms (CPU)': ms, 'per epoch ms': ms / size });
    }
  }
  // The furthest ending the skipping rule accepts from the starting committee (committees rotate, so
  // the last ending of a long chain may be beyond one hop): the longest hop of a cold start.
  const { hop, distance } = furthestHop(bench.endings, start.committee);
  const skipMs = cpuMs(() => checkSkip(hop, start.committee));
  rows.push({ 'one answer verified': `a skip of ${distance} epochs (skipping rule, one hop)`, 'longest stretch ms (CPU)': skipMs, 'per epoch ms': skipMs / distance });
  printTable('Longest synchronous stretch while verifying (what a popup request can wait for in the service worker)', rows);
}
