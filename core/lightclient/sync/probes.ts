/**
 * What the nodes said when probed (PoS status and latest committed ledger info), and the two
 * decisions taken from it. First, the target: the highest epoch any node claims, ignoring nodes
 * whose status is below the verified epoch (`withholding`). Last, finality: every node's latest
 * ledger info, best first (highest epoch and round), is applied to the state reached by rotation;
 * the first that verifies decides the finalized pivot, the others are recognized (already
 * verified, the previous epoch's ending), judged older (`behind`) or proven false; nodes whose
 * status is below the epoch verified now are `withholding` — except one epoch below, which nodes
 * probed at the same moment show around every epoch change (`behind`). Claims steer the work,
 * never the state. Pure.
 * @module
 */
import { LightClientError } from '../errors.js';
import { asObject, asSafeNumber } from '../json.js';
import { parseLedgerInfoWithSignatures, type ParsedLedgerInfo } from '../pos/parse.js';
import { applyLedgerInfo, type NoProgressReason, type PosState } from './pos-state.js';
import type { SyncRequest, Finding } from './types.js';

/** What one node said when probed. */
export interface Probe {
  status: number | null;
  latest: ParsedLedgerInfo | null;
  statusRequest?: SyncRequest;
  latestRequest?: SyncRequest;
}

/** Reads a `pos_getStatus` answer: the node's PoS epoch. */
export function readStatus(answer: unknown): number {
  return asSafeNumber(asObject(answer, 'pos status').epoch, 'pos status.epoch');
}

/** Reads a `pos_getLedgerInfoByBlockNumber('latest_committed')` answer. */
export function readLatest(answer: unknown): ParsedLedgerInfo {
  if (answer === null) throw new LightClientError('missing', 'the node has no committed PoS block');
  return parseLedgerInfoWithSignatures(answer);
}

const claimsOf = (p: Probe): number[] => [p.status ?? 0, p.latest?.value.ledgerInfo.commitInfo.epoch ?? 0];

function withholding(source: string, probe: Probe, message: string): Finding {
  const error = new LightClientError('stale', `withholding: ${message}`, { request: { method: 'pos_getStatus', params: [] } });
  return { kind: 'withholding', source, request: probe.statusRequest!, error };
}

/**
 * After probing: nodes behind the verified epoch are withholding; the target is the highest
 * epoch the others claim (null when no node offered anything).
 */
export function judgeProbes(probes: ReadonlyMap<string, Probe>, verified: number): { findings: Finding[]; target: number | null } {
  const findings: Finding[] = [];
  for (const [source, probe] of probes) {
    if (probe.status !== null && probe.status < verified) findings.push(withholding(source, probe, `reports PoS epoch ${probe.status}, behind the verified epoch ${verified}`));
  }
  const usable = [...probes.values()].filter((p) => (p.status === null || p.status >= verified) && (p.status !== null || p.latest !== null));
  return { findings, target: usable.length === 0 ? null : Math.max(verified, ...usable.flatMap(claimsOf)) };
}

/** The highest epoch claimed by any node below `epoch` and above `floor`, or null. */
export function highestClaimBelow(probes: ReadonlyMap<string, Probe>, epoch: number, floor: number): number | null {
  const claims = [...probes.values()].flatMap(claimsOf).filter((c) => c < epoch && c > floor);
  return claims.length === 0 ? null : Math.max(...claims);
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
export function finalizeWith(state: PosState, probes: ReadonlyMap<string, Probe>, now: number, judgedBelow: number): { state: PosState; findings: Finding[]; latest: 'adopted' | NoProgressReason | null } {
  const findings: Finding[] = [];
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
      if (tagged.nodeAtFault) findings.push({ kind: 'false', source, request, error: tagged });
      else if (tagged.kind === 'stale') findings.push({ kind: 'behind', source, request, error: tagged });
      else findings.push({ kind: 'missing', source, request, error: tagged });
    }
  }
  const verified = current.committee.epoch;
  for (const [source, probe] of probes) {
    if (probe.status === null || probe.statusRequest === undefined || probe.status >= verified || probe.status < judgedBelow) continue;
    // Probed at the same moment, nodes may straddle an epoch change: one epoch behind is lag.
    if (probe.status === verified - 1) {
      const error = new LightClientError('stale', `reports PoS epoch ${probe.status} while PoS epoch ${verified} is proved (one epoch: tolerated as lag)`, { request: { method: 'pos_getStatus', params: [] } });
      findings.push({ kind: 'behind', source, request: probe.statusRequest, error });
    } else findings.push(withholding(source, probe, `reports PoS epoch ${probe.status} while PoS epoch ${verified} is proved`));
  }
  return { state: current, findings, latest };
}
