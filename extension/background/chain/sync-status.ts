/**
 * What the UI is told about the light client of the active network, during and after a sync:
 * catch-up progress (announced as it happens, at most every `announceEveryMs`, so a page shows
 * "Verifying the chain: 1,200 of 2,000 epochs" instead of a spinner), the last failure — marked
 * `progressed` when the failed sync still verified epochs, so a catch-up interrupted by a flaky
 * link reads as progress to resume, not as a verification error, and `unanswered` when no node
 * answered at all (a poor link, said as such) — and the verified chain's own
 * finality status: the finalized block's timestamp, its age, whether it is stale, which nodes
 * withheld PoS progress.
 *
 * Threat model: every figure here is derived from verified state, except `claimedEpoch` and
 * `networkHead`, which are node claims and labelled as such. A failure's message is shown to the
 * user: only the code and message of the wallet's own typed errors, or the name of another error,
 * never its text.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import type { SyncProgress } from '../../../core/lightclient/client/light-client.js';
import type { ChainStatusView } from '../../shared/ui-api/chain.js';
import type { NetworkRuntime } from './runtime.js';

type LightClientView = ChainStatusView['lightClient'];

export class SyncStatus {
  progress: LightClientView['progress'] = null;
  lastSyncAt: number | null = null;
  lastError: LightClientView['lastError'] = null;
  /** The newest Core epoch a node claimed at the last sync of the active network (unverified). */
  networkHead: ChainStatusView['networkHead'] = null;
  /** Whether the sync in flight verified anything yet (committees, a skip or a newer pivot). */
  private progressed = false;
  private lastAnnounced = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: { now(): number; announce(): void; announceEveryMs?: number }) {}

  /** Forgets everything (a network switch). */
  reset(): void {
    this.progress = null;
    this.lastSyncAt = null;
    this.lastError = null;
    this.networkHead = null;
    this.progressed = false;
  }

  begin(): void {
    this.progressed = false;
  }

  /** Records a step of the sync in flight and announces it (throttled; the last step of a phase always is). */
  onProgress(p: SyncProgress): void {
    this.progressed = true;
    const done = (p.phase === 'committees' || p.phase === 'skip' || p.phase === 'sequential') && p.epoch >= p.targetEpoch;
    this.progress = progressView(p, this.progress);
    const now = this.options.now();
    if (done || now - this.lastAnnounced >= (this.options.announceEveryMs ?? 250)) {
      this.lastAnnounced = now;
      this.options.announce();
    }
  }

  succeeded(networkHead: ChainStatusView['networkHead']): void {
    this.networkHead = networkHead ?? this.networkHead;
    this.lastSyncAt = this.options.now();
    this.lastError = null;
  }

  failed(error: unknown): void {
    const unanswered = error instanceof NoNodeAvailableError && error.unanswered;
    this.lastError = { ...errorSummary(error), ...(this.progressed ? { progressed: true } : {}), ...(unanswered ? { unanswered: true } : {}) };
  }

  finished(): void {
    this.progress = null;
  }

  /** The light-client part of the status of `rt`. */
  view(rt: NetworkRuntime, syncing: boolean): LightClientView {
    const chain = rt.current();
    const lc = chain?.client;
    const finality = chain?.status(this.options.now());
    const finalized = finality?.finalized ?? null;
    return {
      checkpoint: rt.checkpointKind,
      committeeEpoch: lc ? lc.committeeEpoch : null,
      finalized: finalized ? { height: finalized.height, blockHash: finalized.blockHash, posEpoch: finalized.posEpoch, blockTimestampMs: finalized.blockTimestampMs } : null,
      finality: finality?.finality ?? null,
      ageMs: finality?.ageMs ?? null,
      stale: finality?.stale ?? true,
      staleAfterMs: rt.staleAfterMs,
      claimedEpoch: finality?.claimedEpoch ?? null,
      withholding: [...(finality?.withholding ?? [])],
      confirming: finality?.sequential ? { ...finality.sequential } : null,
      syncing,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      progress: syncing ? this.progress : null,
    };
  }
}

function progressView(p: SyncProgress, before: LightClientView['progress']): NonNullable<LightClientView['progress']> {
  switch (p.phase) {
    case 'committees':
    case 'skip':
      return { phase: p.phase, fromEpoch: p.fromEpoch, epoch: p.epoch, targetEpoch: p.targetEpoch };
    case 'sequential':
      return { phase: 'sequential', fromEpoch: before?.phase === 'sequential' ? before.fromEpoch : p.epoch, epoch: p.epoch, targetEpoch: p.targetEpoch };
    case 'finality':
      return { phase: 'finality', fromEpoch: before?.fromEpoch ?? null, epoch: p.epoch, targetEpoch: before?.targetEpoch ?? null };
  }
}

/**
 * The newest Core epoch the first two unbanned operators report — a claim, for "behind by", never
 * trusted. The highest answer wins, so one node that hides recent epochs cannot make the wallet
 * look up to date. Null when none answers.
 */
export async function readNetworkHead(rt: NetworkRuntime, now: number): Promise<ChainStatusView['networkHead']> {
  const operators = new Set<string>();
  const asked = rt.pool.candidates('core').filter((n) => !operators.has(n.operator) && operators.add(n.operator)).slice(0, 2);
  const answers = await Promise.all(
    asked.map(async (node) => {
      try {
        return { epoch: Number(BigInt(await rt.pool.client(node.id).request('cfx_epochNumber', ['latest_mined']))), node: node.label, at: now };
      } catch {
        return null;
      }
    }),
  );
  return answers.reduce<ChainStatusView['networkHead']>((best, a) => (a !== null && (best === null || a.epoch > best.epoch) ? a : best), null);
}

export function errorSummary(error: unknown): { code: string; message: string } {
  if (error instanceof WayfarerError) return { code: error.code, message: error.message.slice(0, 500) };
  const name = error instanceof Error ? error.name.slice(0, 40) : typeof error;
  return { code: 'internal', message: `unexpected failure while syncing (${name})` };
}
