/**
 * The last step of a sync run: every node's latest committed ledger info, best first (highest
 * epoch and round), is applied to the state reached by rotation; the first that verifies decides
 * the finalized pivot, the others are recognized (already verified, the previous epoch's ending),
 * judged older (`behind`), or proven false. Nodes whose PoS status is below the epoch verified now
 * are `withholding`. Pure.
 * @module
 */
import { LightClientError } from '../errors.js';
import type { ParsedLedgerInfo } from '../pos/parse.js';
import { applyLedgerInfo, type NoProgressReason, type PosState } from './pos-state.js';
import type { SyncRequest, Verdict } from './types.js';

/** What one node said when probed. */
export interface Probe {
  status: number | null;
  latest: ParsedLedgerInfo | null;
  statusRequest?: SyncRequest;
  latestRequest?: SyncRequest;
}

function order(a: ParsedLedgerInfo, b: ParsedLedgerInfo): number {
  const x = a.value.ledgerInfo.commitInfo;
  const y = b.value.ledgerInfo.commitInfo;
  return y.epoch - x.epoch || y.round - x.round;
}

/**
 * Applies the probed latest ledger infos (see the module comment). Nodes whose status is below
 * `judgedBelow` were judged when probed and are not judged again.
 */
export function finalizeWith(state: PosState, probes: ReadonlyMap<string, Probe>, now: number, judgedBelow: number): { state: PosState; verdicts: Verdict[]; latest: 'adopted' | NoProgressReason | null } {
  const verdicts: Verdict[] = [];
  let current = state;
  let latest: 'adopted' | NoProgressReason | null = null;
  const candidates = [...probes.entries()].filter(([, p]) => p.latest !== null && p.latestRequest !== undefined).sort(([, a], [, b]) => order(a.latest!, b.latest!));
  for (const [source, probe] of candidates) {
    const request = probe.latestRequest!;
    // Beyond the committee that could be proved: an unproven claim, not evidence of anything.
    if (probe.latest!.value.ledgerInfo.commitInfo.epoch > current.committee.epoch) continue;
    try {
      const outcome = applyLedgerInfo(current, probe.latest!, now);
      if (outcome.progress) current = outcome.state;
      latest ??= outcome.progress ? 'adopted' : outcome.reason;
    } catch (error) {
      if (!(error instanceof LightClientError)) throw error;
      const tagged = error.withRequest({ method: request.method, params: [...request.params] });
      if (tagged.nodeAtFault) verdicts.push({ kind: 'false', source, request, error: tagged });
      else if (tagged.kind === 'stale') verdicts.push({ kind: 'behind', source, request, error: tagged });
      else verdicts.push({ kind: 'missing', source, request, error: tagged });
    }
  }
  const verified = current.committee.epoch;
  for (const [source, probe] of probes) {
    if (probe.status === null || probe.statusRequest === undefined || probe.status >= verified || probe.status < judgedBelow) continue;
    const error = new LightClientError('stale', `withholding: reports PoS epoch ${probe.status} while PoS epoch ${verified} is proved`, { request: { method: 'pos_getStatus', params: [] } });
    verdicts.push({ kind: 'withholding', source, request: probe.statusRequest, error });
  }
  return { state: current, verdicts, latest };
}
