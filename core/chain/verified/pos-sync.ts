/**
 * Drives the light client's PoS sync machine over the node pool: several Core nodes of distinct
 * operators at once (every sync asks each of them for its PoS status and latest ledger info, and
 * spreads epoch-ending batches over all of them), and turns the machine's per-request findings
 * into the pool's decisions: a provably false answer bans its node with the evidence, a node whose
 * status is behind a verified epoch is flagged as withholding (a short `stale` ban, so it is asked
 * last), transport failures count against health.
 *
 * Threat model: as the machine's — no node can stop finality from advancing while one node of the
 * asked operators serves the real chain; the fastest node is not trusted more than the others.
 * @module
 */
import type { LightClient } from '../../lightclient/client/light-client.js';
import { driveSync } from '../../lightclient/sync/drive.js';
import { SyncMachine } from '../../lightclient/sync/machine.js';
import type { SyncProgress, SyncReport, Finding } from '../../lightclient/sync/types.js';
import type { Clock } from '../../rpc/clock.js';
import { NoNodeAvailableError, type NodeAttempt } from '../../rpc/pool/errors.js';
import { describeVerdict, type NodePool } from '../../rpc/pool/node-pool.js';
import type { VerifiedRunner } from './runner.js';

export interface PosSyncOptions {
  readonly goal: 'head' | 'sequential';
  /** Most Core nodes asked (distinct operators first). */
  readonly maxSources: number;
  /** Skip probing (background verification of the tail only). */
  readonly probe?: boolean;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly signal?: AbortSignal;
}

/** What one sync learned about the nodes besides the state. */
export interface PosSyncResult {
  readonly report: SyncReport;
  /** Labels of nodes flagged as withholding in this sync. */
  readonly withholding: readonly string[];
}

/** Applies a finding to the pool; true when the node must not be asked again in this sync. */
function judge(pool: NodePool, finding: Finding, withholding: string[], attempts: NodeAttempt[]): boolean {
  const node = pool.get(finding.source);
  if (node === undefined) return true;
  switch (finding.kind) {
    case 'false': {
      const outcome = pool.report(node.id, finding.error);
      attempts.push({ node: node.label, problem: describeVerdict(outcome), verdict: outcome.kind });
      return true;
    }
    case 'withholding':
      withholding.push(node.label);
      pool.ban(node.id, 'stale', 'unavailable', finding.error.message);
      return true;
    case 'behind':
      return false;
    case 'missing': {
      const outcome = pool.report(node.id, finding.error);
      attempts.push({ node: node.label, problem: describeVerdict(outcome), verdict: outcome.kind });
      return pool.isBanned(node.id) || outcome.kind === 'aborted';
    }
  }
}

/**
 * One sync run over the pool.
 * @throws {NoNodeAvailableError} when no node offered anything that could be verified
 */
export async function syncOverPool(pool: NodePool, runner: VerifiedRunner, client: LightClient, clock: Clock, options: PosSyncOptions): Promise<PosSyncResult> {
  const candidates = pool.candidates('core').slice(0, Math.max(1, options.maxSources));
  const espace = pool.candidates('espace')[0];
  const withholding: string[] = [];
  const attempts: NodeAttempt[] = [];
  if (candidates.length === 0) throw new NoNodeAvailableError('core', pool.network, [], [], pool.configuredCount('core'));
  const machine = new SyncMachine(client.posState, {
    ...client.machineOptions(),
    now: clock.now(),
    sources: candidates.map((c) => c.id),
    goal: options.goal,
    ...(options.probe === false ? { probe: false } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const report = await driveSync(
    machine,
    {
      transport: (source) => runner.transportFor(pool.get(source)!, espace),
      judge: (finding) => judge(pool, finding, withholding, attempts),
      commit: (state) => client.commit(state, clock.now()),
    },
    options.signal,
  );
  if (options.probe !== false && report.latest === null && options.signal?.aborted !== true) {
    throw new NoNodeAvailableError('core', pool.network, attempts.length > 0 ? attempts : candidates.map((c) => ({ node: c.label, problem: 'no committed PoS ledger info' })));
  }
  return { report, withholding };
}
