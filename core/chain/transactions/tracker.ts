/**
 * Tracking sent transactions until their inclusion is proved.
 *
 * Threat model: nodes may drop a transaction they acknowledged (censorship), claim it is in a
 * block it is not in, or deny knowing it after it was included. The tracker (1) sends to several
 * independent nodes, (2) asks nodes where the transaction is, (3) proves that location and the
 * receipt through the light client (`InclusionProver`) — a false location claim is a proven lie —
 * and (4) once inclusion is proved, asks every node that acknowledged the transaction whether it
 * knows it: a node that denies a finalized, proved transaction it had accepted withheld it.
 * When no node knows the transaction after `censorshipTimeoutMs`, the status becomes
 * `possibly_censored`; `resend` then goes to every node that has not acknowledged it, and a
 * transaction not yet in a block is offered to nodes added after it was sent at each refresh.
 *
 * Records are plain data; every change is reported through `onChange` so the caller persists it
 * (tracking resumes after a service-worker restart from the stored records). Time is injected.
 * @module
 */
import type { Hex } from '../../encoding/hex.js';
import type { Space } from '../../space.js';
import { decodeCoreTransaction } from '../../tx/core-decode.js';
import { decodeEspaceTransaction } from '../../tx/espace-decode.js';
import { LightClientError } from '../../lightclient/errors.js';
import { InvalidInputError } from '../../errors.js';
import type { Clock } from '../../rpc/clock.js';
import type { NodePool } from '../../rpc/pool/node-pool.js';
import { NoNodeAvailableError } from '../../rpc/pool/errors.js';
import { addressKeyOf } from '../../trust/account-reader.js';
import { broadcastEverywhere, broadcastRaw } from './broadcast.js';
import { FINAL_STATUSES, type InclusionProof, type InclusionProver, type TrackedTransaction } from './types.js';
import { nonceFloorOf, pendingNonceOf } from './nonces.js';

export interface TxTrackerOptions {
  pool: NodePool;
  clock: Clock;
  prove: InclusionProver;
  /** Chain ids, to refuse a transaction signed for another chain. */
  chainIds: { core: number; espace: number };
  /** No node knows the transaction this long after a broadcast: possible censorship. Default 3 min. */
  censorshipTimeoutMs?: number;
  records?: readonly TrackedTransaction[];
  onChange?: (record: TrackedTransaction) => void;
}

export const DEFAULT_CENSORSHIP_TIMEOUT_MS = 3 * 60 * 1000;

export class TxTracker {
  private readonly records = new Map<string, TrackedTransaction>();
  private readonly options: TxTrackerOptions;
  private readonly censorshipTimeoutMs: number;

  constructor(options: TxTrackerOptions) {
    this.options = options;
    this.censorshipTimeoutMs = options.censorshipTimeoutMs ?? DEFAULT_CENSORSHIP_TIMEOUT_MS;
    for (const r of options.records ?? []) this.records.set(r.hash, structuredClone(r));
  }

  get(hash: string): TrackedTransaction | undefined {
    const r = this.records.get(hash.toLowerCase());
    return r === undefined ? undefined : structuredClone(r);
  }

  list(): TrackedTransaction[] {
    return [...this.records.values()].map((r) => structuredClone(r)).sort((a, b) => b.submittedAt - a.submittedAt);
  }

  /**
   * Records and broadcasts a signed transaction.
   * @param replaces hash of the transaction this one speeds up or cancels
   * @throws {TxError} when the raw transaction does not decode or is for another chain
   */
  async send(space: Space, raw: Hex, options: { replaces?: string } = {}): Promise<TrackedTransaction> {
    const decoded = space === 'core' ? decodeCoreTransaction(raw, { chainId: this.options.chainIds.core }) : decodeEspaceTransaction(raw, { chainId: this.options.chainIds.espace });
    const hash = decoded.hash.toLowerCase();
    const now = this.options.clock.now();
    const existing = this.records.get(hash);
    const record: TrackedTransaction = existing ?? {
      hash,
      space,
      raw: decoded.raw,
      from: decoded.from,
      addressKey: addressKeyOf(space, decoded.from),
      nonce: decoded.transaction.nonce.toString(),
      status: 'pending',
      submittedAt: now,
      lastBroadcastAt: now,
      acceptedBy: [],
      rejections: {},
      ...(options.replaces !== undefined ? { replaces: options.replaces.toLowerCase() } : {}),
    };
    this.save(record);
    await this.broadcast(record, new Set());
    return structuredClone(this.records.get(hash)!);
  }

  /** Sends a tracked transaction again to every node that has not acknowledged it (to all when none is left). */
  async resend(hash: string): Promise<TrackedTransaction> {
    const record = this.require(hash);
    if (FINAL_STATUSES.has(record.status) && record.status !== 'rejected') return structuredClone(record);
    await this.broadcast(record, new Set(record.acceptedBy), true);
    return structuredClone(this.records.get(record.hash)!);
  }

  /** Nodes of the transaction's space it was never offered to (added since it was sent). */
  private newNodes(record: TrackedTransaction): number {
    return this.options.pool.candidates(record.space, { widen: true, exclude: new Set([...(record.offeredTo ?? []), ...record.acceptedBy]) }).length;
  }

  private async broadcast(record: TrackedTransaction, exclude: ReadonlySet<string>, everywhere = false): Promise<void> {
    const send = (skip?: ReadonlySet<string>) =>
      everywhere ? broadcastEverywhere(this.options.pool, record.space, record.raw as Hex, record.hash, skip ? { exclude: skip } : {}) : broadcastRaw(this.options.pool, record.space, record.raw as Hex, record.hash, { addressKey: record.addressKey, ...(skip ? { exclude: skip } : {}) });
    let report = await send(exclude);
    if (report.acceptedBy.length === 0 && exclude.size > 0) report = await send();
    const next: TrackedTransaction = {
      ...record,
      lastBroadcastAt: this.options.clock.now(),
      acceptedBy: [...new Set([...record.acceptedBy, ...report.acceptedBy])],
      offeredTo: [...new Set([...(record.offeredTo ?? []), ...report.offeredTo])],
      rejections: report.rejections,
    };
    if (next.acceptedBy.length === 0 && Object.keys(report.rejections).length > 0) {
      next.status = 'rejected';
      next.note = Object.values(report.rejections)[0] ?? 'refused by every node';
    } else if (next.acceptedBy.length === 0) {
      next.status = 'pending';
      next.note = 'no node could be reached; it will be resent';
    } else if (next.status === 'possibly_censored' || next.status === 'rejected') {
      next.status = 'pending';
      delete next.note;
    }
    this.save(next);
  }

  /** Updates every transaction that is not final. */
  async refreshAll(): Promise<TrackedTransaction[]> {
    const open = [...this.records.values()].filter((r) => !FINAL_STATUSES.has(r.status));
    const failures: unknown[] = [];
    for (const r of open) {
      try {
        await this.refresh(r.hash);
      } catch (error) {
        failures.push(error); // one transaction's trouble must not stop the others
      }
    }
    if (failures.length > 0) throw failures[0];
    return this.list();
  }

  /** Looks for the transaction, proves its inclusion when found, detects censorship when not. */
  async refresh(hash: string): Promise<TrackedTransaction> {
    const record = this.require(hash);
    if (FINAL_STATUSES.has(record.status)) return structuredClone(record);
    const location = await this.locate(record);
    if (location === undefined) {
      // Nodes added since it was sent get it too: the ones that had it may be withholding it.
      if (record.status !== 'rejected' && this.newNodes(record) > 0) await this.broadcast(record, new Set([...(record.offeredTo ?? []), ...record.acceptedBy]), true);
      this.save(this.withoutLocation(this.records.get(record.hash)!));
      return structuredClone(this.records.get(record.hash)!);
    }
    let proof;
    try {
      proof = await this.options.prove({ space: record.space, transactionHash: record.hash, blockHash: location.blockHash, epoch: location.epoch });
    } catch (error) {
      if (error instanceof LightClientError && error.kind === 'not_finalized') {
        this.save({ ...record, status: 'included', location, note: 'in a block; waiting for PoS finality to prove it' });
        return structuredClone(this.records.get(record.hash)!);
      }
      if (error instanceof LightClientError && error.kind === 'not_included') {
        this.options.pool.ban(location.reportedBy, 'bad_inclusion_proof', 'proven_lie', `claimed transaction ${record.hash.slice(0, 12)}… is in block ${location.blockHash.slice(0, 12)}…, which does not contain it`);
        this.save(this.withoutLocation(record));
        return structuredClone(this.records.get(record.hash)!);
      }
      if (error instanceof NoNodeAvailableError || error instanceof LightClientError) {
        // A node says where it is, but no node served what the proof needs (public endpoints may
        // refuse cfx_getEpochReceipts). Say so instead of claiming more than is known.
        this.save({ ...record, status: 'included', location, note: `a node reports it in a block, but it could not be proved yet (${error.code})` });
        return structuredClone(this.records.get(record.hash)!);
      }
      throw error;
    }
    if (proof.finality !== 'finalized') {
      this.save({ ...record, status: 'included', location, note: 'proved against headers that are not final yet' });
      return structuredClone(this.records.get(record.hash)!);
    }
    const verified: TrackedTransaction = {
      ...record,
      status: proof.outcome === 'success' ? 'included_verified' : 'failed_verified',
      location,
      proof: { blockHash: proof.blockHash, epoch: proof.epoch, outcome: proof.outcome, gasUsed: proof.gasUsed.toString(), verifiedAt: this.options.clock.now(), ...receiptFacts(proof) },
    };
    delete verified.note;
    this.save(verified);
    if (verified.replaces) this.markReplaced(verified.replaces, verified.hash);
    for (const other of this.records.values()) {
      if (other.hash !== verified.hash && other.space === verified.space && other.addressKey === verified.addressKey && other.nonce === verified.nonce && !FINAL_STATUSES.has(other.status)) this.markReplaced(other.hash, verified.hash);
    }
    await this.checkWithholding(verified);
    return structuredClone(this.records.get(record.hash)!);
  }

  /** The next nonce for `address` (see nonces.ts). */
  pendingNonce(space: Space, address: string, stateNonce: bigint): bigint {
    return pendingNonceOf(this.records.values(), space, addressKeyOf(space, address), stateNonce);
  }

  /** The lowest account nonce possible at `epoch` (see nonces.ts); used to catch nonce lies. */
  nonceFloor(space: Space, addressKey: string, epoch: number): bigint | undefined {
    return nonceFloorOf(this.records.values(), space, addressKey, epoch);
  }

  /** Stops tracking a transaction (e.g. the user dismissed it). */
  forget(hash: string): boolean {
    return this.records.delete(hash.toLowerCase());
  }

  private async locate(record: TrackedTransaction): Promise<TrackedTransaction['location']> {
    const answers = await this.options.pool.independent(
      record.space,
      2,
      async (client) => {
        if (record.space === 'core') {
          const receipt = await client.request('cfx_getTransactionReceipt', [record.hash as Hex]);
          return receipt === null ? null : { blockHash: receipt.blockHash, epoch: Number(BigInt(receipt.epochNumber)) };
        }
        const receipt = await client.request('eth_getTransactionReceipt', [record.hash as Hex]);
        return receipt === null ? null : { blockHash: receipt.blockHash, epoch: Number(BigInt(receipt.blockNumber)) };
      },
      { addressKey: record.addressKey },
    );
    for (const a of answers) if (a.ok && a.value !== null) return { ...a.value, reportedBy: a.node.id };
    return undefined;
  }

  private withoutLocation(record: TrackedTransaction): TrackedTransaction {
    const next: TrackedTransaction = { ...record };
    delete next.location;
    const silentFor = this.options.clock.now() - record.lastBroadcastAt;
    if (silentFor >= this.censorshipTimeoutMs && record.acceptedBy.length > 0) {
      next.status = 'possibly_censored';
      next.note = `no node has included it ${Math.round(silentFor / 1000)} s after it was sent; the nodes that accepted it may be withholding it`;
    } else if (record.status !== 'rejected') {
      next.status = 'pending';
    }
    return next;
  }

  /** Every node that acknowledged the transaction must know it once it is proved and final. */
  private async checkWithholding(record: TrackedTransaction): Promise<void> {
    const pool = this.options.pool;
    for (const id of record.acceptedBy) {
      if (pool.get(id) === undefined || pool.isBanned(id)) continue;
      try {
        const client = pool.client(id);
        const known = record.space === 'core' ? await client.request('cfx_getTransactionByHash', [record.hash as Hex]) : await client.request('eth_getTransactionByHash', [record.hash as Hex]);
        if (known === null) {
          pool.ban(id, 'withheld_transaction', 'proven_lie', `accepted transaction ${record.hash.slice(0, 12)}… but denies knowing it after it was proved in finalized epoch ${record.proof?.epoch ?? '?'}`);
        }
      } catch (error) {
        pool.report(id, error);
      }
    }
  }

  private markReplaced(hash: string, by: string): void {
    const record = this.records.get(hash);
    if (!record || record.status === 'included_verified' || record.status === 'failed_verified') return;
    this.save({ ...record, status: 'replaced', replacedBy: by });
  }

  private require(hash: string): TrackedTransaction {
    if (typeof hash !== 'string') throw new InvalidInputError('"hash" must be a string');
    const record = this.records.get(hash.toLowerCase());
    if (!record) throw new InvalidInputError(`not a tracked transaction: ${hash.slice(0, 20)}`);
    return record;
  }

  private save(record: TrackedTransaction): void {
    this.records.set(record.hash, record);
    this.options.onChange?.(structuredClone(record));
  }
}

/** What the proved receipt says about cost, kept with the record (absent when the prover gave no receipt). */
function receiptFacts(proof: InclusionProof): Partial<NonNullable<TrackedTransaction['proof']>> {
  const facts: Partial<NonNullable<TrackedTransaction['proof']>> = {};
  if (proof.receipt) {
    facts.gasFee = proof.receipt.gasFee.toString();
    facts.gasCoveredBySponsor = proof.receipt.gasCoveredBySponsor;
    facts.storageCollateralized = proof.receipt.storageCollateralized.toString();
    facts.storageCoveredBySponsor = proof.receipt.storageCoveredBySponsor;
  }
  if (proof.finalizedPivot) facts.finalizedPivot = { ...proof.finalizedPivot };
  return facts;
}
