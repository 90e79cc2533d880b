/**
 * Conversions from the chain core's records to the plain views the UI receives.
 * @module
 */
import { BAN_REASON_TEXT, type BanRecord } from '../../../core/rpc/pool/bans.js';
import { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
import type { NodeView as PoolNodeView } from '../../../core/rpc/pool/node-pool.js';
import type { TrustedValue } from '../../../core/rpc/trust/types.js';
import type { TrackedTransaction } from '../../../core/rpc/tx/types.js';
import type { BalanceView, BanView, NodeView, SourceView, TxView } from '../../shared/ui-api/chain.js';

export function banView(ban: BanRecord): BanView {
  return { nodeId: ban.nodeId, node: ban.nodeLabel, reason: ban.reason, reasonText: BAN_REASON_TEXT[ban.reason], severity: ban.severity, evidence: ban.evidence, bannedAt: ban.bannedAt, expiresAt: ban.expiresAt };
}

export function nodeView(view: PoolNodeView, permission: NodeView['permission']): NodeView {
  const { endpoint, health, ban } = view;
  return {
    id: endpoint.id,
    space: endpoint.space,
    label: endpoint.label,
    operator: endpoint.operator,
    origin: endpoint.origin,
    hasWebSocket: endpoint.wsUrl !== undefined,
    permissionPattern: hostPermissionPattern(endpoint.url),
    permission,
    health: {
      latencyMs: health.latencyMs === undefined ? null : Math.round(health.latencyMs),
      successes: health.successes,
      failures: health.failures,
      consecutiveFailures: health.consecutiveFailures,
      lastErrorCode: health.lastErrorCode ?? null,
    },
    ban: ban ? banView(ban) : null,
  };
}

export function sourcesView(value: TrustedValue<unknown>): SourceView[] {
  return value.sources.map((s) => ({ node: s.node, operator: s.operator, ...(s.answer !== undefined ? { answer: s.answer } : {}), ...(s.problem !== undefined ? { problem: s.problem } : {}) }));
}

export function balanceView(input: { space: BalanceView['space']; address: string; token?: string; value: TrustedValue<bigint>; now: number }): BalanceView {
  const v = input.value;
  const view: BalanceView = {
    space: input.space,
    address: input.address,
    value: v.value === undefined ? null : v.value.toString(),
    epoch: v.epoch,
    trust: v.trust,
    sources: sourcesView(v),
    updatedAt: input.now,
    cached: false,
  };
  if (input.token !== undefined) view.token = input.token;
  if (v.conflict) view.conflict = { resolution: v.conflict.resolution, candidates: v.conflict.candidates.map((c) => ({ answer: c.answer, operators: c.operators })) };
  return view;
}

export function txView(r: TrackedTransaction): TxView {
  return {
    hash: r.hash,
    space: r.space,
    from: r.from,
    nonce: r.nonce,
    status: r.status,
    note: r.note ?? null,
    submittedAt: r.submittedAt,
    acceptedBy: r.acceptedBy,
    rejections: r.rejections,
    proof: r.proof ?? null,
    replaces: r.replaces ?? null,
    replacedBy: r.replacedBy ?? null,
  };
}
