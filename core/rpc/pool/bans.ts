/**
 * Bans: which nodes the wallet stopped asking, why, on what evidence, and until when.
 *
 * A ban is shown to the user verbatim (node, reason, evidence summary, time), so evidence is a
 * short factual sentence ("header 0xab…: hash does not match its fields"), never request data that
 * could identify the user's addresses. Durations depend on how sure the wallet is: a cryptographic
 * or hash-chain lie is proof and lasts a day; being outvoted by independent nodes or serving
 * garbage is strong suspicion; timeouts are just a bad moment and lift quickly. Bans are pure
 * data with injected time so they persist and survive service-worker restarts.
 * @module
 */

/** Why a node was banned. One value per attack the wallet can detect. */
export type BanReason =
  | 'forged_header'
  | 'broken_parent_link'
  | 'bad_signature'
  | 'insufficient_quorum'
  | 'unknown_signer'
  | 'bad_committee'
  | 'bad_inclusion_proof'
  | 'bad_state_proof'
  | 'wrong_balance'
  | 'wrong_nonce'
  | 'wrong_call_result'
  | 'withheld_transaction'
  | 'wrong_transaction_hash'
  | 'stale'
  | 'wrong_chain'
  | 'malformed_response'
  | 'oversized_response'
  | 'mismatched_answers'
  | 'unresponsive';

/**
 * How certain the wallet is that the node misbehaved:
 * - `proven_lie`: the answer contradicts a cryptographic check or a verified fact;
 * - `outvoted`: independent nodes agreed on a different value (cannot be proved over JSON-RPC);
 * - `misbehaviour`: the answer broke the protocol (garbage, oversized, wrong ids, wrong chain);
 * - `unavailable`: too slow or unreachable, repeatedly.
 */
export type BanSeverity = 'proven_lie' | 'outvoted' | 'misbehaviour' | 'unavailable';

export const BAN_DURATION_MS: Readonly<Record<BanSeverity, number>> = {
  proven_lie: 24 * 60 * 60 * 1000,
  outvoted: 6 * 60 * 60 * 1000,
  misbehaviour: 60 * 60 * 1000,
  unavailable: 2 * 60 * 1000,
};

export interface BanRecord {
  nodeId: string;
  /** Redacted endpoint as shown to the user. */
  nodeLabel: string;
  reason: BanReason;
  severity: BanSeverity;
  /** One factual sentence, safe to show. */
  evidence: string;
  bannedAt: number;
  expiresAt: number;
}

const MAX_EVIDENCE = 300;

/** The user-facing sentence per reason. */
export const BAN_REASON_TEXT: Readonly<Record<BanReason, string>> = {
  forged_header: 'served a block header whose fields do not match its hash',
  broken_parent_link: 'served a block that does not link to its verified parent',
  bad_signature: 'served a PoS ledger info with an invalid BLS signature',
  insufficient_quorum: 'served a PoS ledger info signed by less than a quorum',
  unknown_signer: 'served a PoS ledger info signed by keys outside the committee',
  bad_committee: 'served a PoS committee or epoch change that does not verify',
  bad_inclusion_proof: 'served transactions or receipts that do not match the verified roots',
  bad_state_proof: 'served state proofs that do not match the state root of a finalized block',
  wrong_balance: 'reported a balance that independent nodes contradict',
  wrong_nonce: 'reported an account nonce that contradicts verified transactions or independent nodes',
  wrong_call_result: 'returned a contract call result that independent nodes contradict',
  withheld_transaction: 'accepted a transaction but did not pass it on',
  wrong_transaction_hash: 'acknowledged a transaction with a hash that is not its hash',
  stale: 'served a chain state older than what the wallet already verified',
  wrong_chain: 'serves a different chain than configured',
  malformed_response: 'sent answers that are not valid JSON-RPC or break the method schema',
  oversized_response: 'sent an answer larger than the allowed size',
  mismatched_answers: 'sent answers that do not match the requests',
  unresponsive: 'did not answer in time, repeatedly',
};

/** Builds a ban record with its expiry. */
export function makeBan(input: { nodeId: string; nodeLabel: string; reason: BanReason; severity: BanSeverity; evidence: string; now: number }): BanRecord {
  return {
    nodeId: input.nodeId,
    nodeLabel: input.nodeLabel,
    reason: input.reason,
    severity: input.severity,
    evidence: input.evidence.length > MAX_EVIDENCE ? `${input.evidence.slice(0, MAX_EVIDENCE)}…` : input.evidence,
    bannedAt: input.now,
    expiresAt: input.now + BAN_DURATION_MS[input.severity],
  };
}

const SEVERITY_RANK: Readonly<Record<BanSeverity, number>> = { unavailable: 0, misbehaviour: 1, outvoted: 2, proven_lie: 3 };

/** Current bans by node, with expiry. A new ban never shortens or weakens an existing one. */
export class BanList {
  private readonly bans = new Map<string, BanRecord>();
  private readonly history: BanRecord[] = [];

  constructor(records: readonly BanRecord[] = []) {
    for (const r of records) this.bans.set(r.nodeId, r);
  }

  /** Records a ban; returns the ban in force afterwards. */
  add(record: BanRecord): BanRecord {
    const existing = this.bans.get(record.nodeId);
    this.history.push(record);
    if (this.history.length > 100) this.history.shift();
    if (existing && existing.expiresAt > record.bannedAt && (SEVERITY_RANK[existing.severity] > SEVERITY_RANK[record.severity] || existing.expiresAt >= record.expiresAt)) return existing;
    this.bans.set(record.nodeId, record);
    return record;
  }

  /** The ban in force at `now`, if any. */
  get(nodeId: string, now: number): BanRecord | undefined {
    const ban = this.bans.get(nodeId);
    return ban && ban.expiresAt > now ? ban : undefined;
  }

  isBanned(nodeId: string, now: number): boolean {
    return this.get(nodeId, now) !== undefined;
  }

  /** Lifts a ban early (the user trusts the node again). */
  lift(nodeId: string): boolean {
    return this.bans.delete(nodeId);
  }

  /** Bans in force at `now`, newest first. */
  active(now: number): BanRecord[] {
    return [...this.bans.values()].filter((b) => b.expiresAt > now).sort((a, b) => b.bannedAt - a.bannedAt);
  }

  /** Every ban recorded in this session (including superseded ones), newest first. */
  recent(): BanRecord[] {
    return [...this.history].reverse();
  }

  /** Everything worth persisting (expired bans are dropped). */
  snapshot(now: number): BanRecord[] {
    return this.active(now);
  }
}
