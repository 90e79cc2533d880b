/**
 * Cross-checking an unprovable read (balance, nonce, contract call) across independent nodes at one
 * verified epoch, and turning the answers into a {@link TrustedValue}.
 *
 * Threat model: a node may report any value; several nodes of one operator may report the same
 * wrong value; a node may be slow or refuse. The read asks nodes of different operators — two in
 * privacy mode (the address's assigned ones), otherwise every operator up to four — compares, and
 * on disagreement asks up to two more independent nodes. A value backed by a strict majority of at
 * least two trusted operators is returned with trust `conflict` and the outvoted nodes are banned
 * (`outvoted`, since JSON-RPC offers no state proofs); without such a majority nothing is banned and
 * no value is returned. Nodes a site suggested (see endpoint.ts) are all one operator, never count
 * towards a majority and never make a value `cross-checked` on their own: a site that adds any
 * number of hosts can be outvoted, never outvote. An answer that
 * contradicts a verified fact (e.g. a nonce below a verified transaction's) is a proven lie: the
 * node is banned before the comparison and does not count.
 * @module
 */
import type { Space } from '../space.js';
import type { RpcClient } from '../rpc/client.js';
import type { BanReason } from '../rpc/pool/bans.js';
import type { NodeEndpoint } from '../rpc/pool/endpoint.js';
import { NoNodeAvailableError } from '../rpc/pool/errors.js';
import { describeVerdict, type NodeAnswer, type NodePool } from '../rpc/pool/node-pool.js';
import type { ConflictCandidate, SourceAnswer, TrustedValue } from './types.js';

export interface CrossCheckRequest<T> {
  space: Space;
  /** The verified epoch (eSpace: block number) every node is asked about. */
  epoch: number;
  /** What is being read, for evidence texts (e.g. "balance"). */
  what: string;
  /** The address the read is about (privacy assignment). */
  addressKey?: string;
  /** `signal` aborts when enough other nodes have answered (pass it to the request). */
  ask: (client: RpcClient, node: NodeEndpoint, signal: AbortSignal) => Promise<T>;
  /** Canonical text of a value; equal texts mean equal values. */
  show: (value: T) => string;
  /** Ban reason for a node outvoted or proven wrong. */
  banReason: BanReason;
  /** Returns evidence when the value contradicts a verified fact (proof of a lie), else undefined. */
  disprove?: (value: T) => string | undefined;
  signal?: AbortSignal;
}

/** Extra nodes asked when the first ones disagree. */
const ESCALATION_COUNT = 2;
/** Without privacy mode, every operator up to this many is asked at once. */
const OPEN_FANOUT = 4;

export async function crossCheckedRead<T>(pool: NodePool, request: CrossCheckRequest<T>): Promise<TrustedValue<T>> {
  const base = { ...(request.addressKey !== undefined ? { addressKey: request.addressKey } : {}), ...(request.signal ? { signal: request.signal } : {}) };
  const asked = new Set<string>();
  const answers: NodeAnswer<T>[] = [];
  const collect = async (count: number, widen: boolean) => {
    const batch = await pool.independent(request.space, count, (client, node, signal) => request.ask(client, node, signal), { ...base, exclude: asked, widen });
    for (const a of batch) {
      asked.add(a.node.id);
      answers.push(a);
    }
  };
  // Privacy mode: two nodes (the address's assignment). Otherwise every independent operator, so
  // a liar is caught on the first read instead of only when it happens to be asked.
  await collect(pool.privacyEnabled ? 2 : Math.max(2, Math.min(OPEN_FANOUT, pool.operatorCount(request.space))), false);
  rejectProvenLies(pool, request, answers);
  if (distinctAnswers(request, answers).size > 1) {
    await collect(ESCALATION_COUNT, true);
    rejectProvenLies(pool, request, answers);
  } else if (usable(answers).length > 0 && operatorsOf(usable(answers)).size < 2) {
    // Only one operator answered (others failed or were proven wrong): try for a second one.
    await collect(1, false);
    rejectProvenLies(pool, request, answers);
  }
  return judge(pool, request, answers);
}

/** Successful answers that were not proven wrong. */
function usable<T>(answers: readonly NodeAnswer<T>[]): Extract<NodeAnswer<T>, { ok: true }>[] {
  return answers.filter((a): a is Extract<NodeAnswer<T>, { ok: true }> => a.ok);
}

function operatorsOf(answers: readonly { node: NodeEndpoint }[]): Set<string> {
  return new Set(answers.map((a) => a.node.operator));
}

function distinctAnswers<T>(request: CrossCheckRequest<T>, answers: readonly NodeAnswer<T>[]): Set<string> {
  return new Set(usable(answers).map((a) => request.show(a.value)));
}

/** Bans nodes whose answer contradicts a verified fact and turns their answers into failures. */
function rejectProvenLies<T>(pool: NodePool, request: CrossCheckRequest<T>, answers: NodeAnswer<T>[]): void {
  if (!request.disprove) return;
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (!a.ok) continue;
    const evidence = request.disprove(a.value);
    if (evidence === undefined) continue;
    const ban = pool.ban(a.node.id, request.banReason, 'proven_lie', `${request.what} at epoch ${request.epoch}: ${evidence}`);
    answers[i] = { node: a.node, ok: false, error: undefined, verdict: { kind: 'ban', reason: ban.reason, severity: ban.severity, evidence: ban.evidence } };
  }
}

/** Nodes shipped with the wallet or added by the user; a site's suggestions are never trusted sources. */
function trusted(node: NodeEndpoint): boolean {
  return node.origin !== 'site';
}

function judge<T>(pool: NodePool, request: CrossCheckRequest<T>, answers: readonly NodeAnswer<T>[]): TrustedValue<T> {
  const good = usable(answers);
  if (good.length === 0) {
    throw new NoNodeAvailableError(request.space, pool.network, answers.map((a) => ({ node: a.node.label, problem: a.ok ? '' : describeVerdict(a.verdict) })), [], pool.configuredCount(request.space));
  }
  const groups = new Map<string, { value: T; nodes: NodeEndpoint[] }>();
  for (const a of good) {
    const key = request.show(a.value);
    const group = groups.get(key) ?? { value: a.value, nodes: [] };
    group.nodes.push(a.node);
    groups.set(key, group);
  }
  const sources = answers.map((a) => sourceOf(request, a));
  if (groups.size === 1) {
    const [only] = groups.values();
    // Agreement counts only when a trusted operator is part of it: nodes one site suggested are one
    // operator, and several sites agreeing among themselves are still nobody the user chose.
    const crossChecked = operatorsOf(good).size >= 2 && operatorsOf(good.filter((a) => trusted(a.node))).size >= 1;
    return { value: only!.value, epoch: request.epoch, trust: crossChecked ? 'cross-checked' : 'single-source', sources };
  }
  const candidates: ConflictCandidate[] = [...groups.entries()]
    .map(([answer, g]) => ({ answer, operators: [...new Set(g.nodes.map((n) => n.operator))], nodes: g.nodes.map((n) => n.label) }))
    .sort((a, b) => b.operators.length - a.operators.length);
  // The majority is counted over trusted operators only, so nodes a site added can be outvoted but
  // can never outvote (and get banned) a shipped or user-added node.
  const trustedOps = new Map([...groups.entries()].map(([answer, g]) => [answer, [...new Set(g.nodes.filter(trusted).map((n) => n.operator))]]));
  const ranked = [...trustedOps.entries()].sort((a, b) => b[1].length - a[1].length);
  const [topAnswer, topOps] = ranked[0]!;
  const others = ranked.slice(1).reduce((sum, [, ops]) => sum + ops.length, 0);
  // An operator appearing on both sides contradicts itself and cannot count for the majority.
  const splitOperators = new Set([...groups.entries()].filter(([answer]) => answer !== topAnswer).flatMap(([, g]) => g.nodes.map((n) => n.operator)));
  const topIndependent = topOps.filter((o) => !splitOperators.has(o));
  if (topIndependent.length >= 2 && topIndependent.length > others) {
    const winner = groups.get(topAnswer)!;
    for (const [answer, group] of groups) {
      if (answer === topAnswer) continue;
      for (const node of group.nodes) {
        pool.ban(node.id, request.banReason, 'outvoted', `${request.what} at epoch ${request.epoch}: said ${answer}, ${topIndependent.length} independent nodes said ${topAnswer}`);
      }
    }
    return { value: winner.value, epoch: request.epoch, trust: 'conflict', sources: answers.map((a) => sourceOf(request, a, pool)), conflict: { candidates, resolution: 'majority' } };
  }
  return { value: undefined, epoch: request.epoch, trust: 'conflict', sources, conflict: { candidates, resolution: 'unresolved' } };
}

function sourceOf<T>(request: CrossCheckRequest<T>, answer: NodeAnswer<T>, pool?: NodePool): SourceAnswer {
  const base = { nodeId: answer.node.id, node: answer.node.label, operator: answer.node.operator };
  if (answer.ok) {
    const banned = pool?.isBanned(answer.node.id) === true;
    return banned ? { ...base, answer: request.show(answer.value), problem: `banned: ${request.banReason}` } : { ...base, answer: request.show(answer.value) };
  }
  return { ...base, problem: describeVerdict(answer.verdict) };
}
