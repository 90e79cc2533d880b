/**
 * Turns a recorded state vector (test/vectors/lightproto/dev-state-epoch*.json) into the inputs of
 * the verifier: verified headers (each raw header must hash to its recorded hash) and decoded
 * `StateEntries` items, plus in-memory header and proof sources that serve them — optionally
 * altered, to play a lying node. Test support only.
 * @module
 */
import { bytesToHex, hexToBytes } from '../../encoding/hex.js';
import { decodeBlockHeaderItem, decodeItemBytes, decodeStateEntryItem, type StateEntryItem } from '../../lightproto/responses.js';
import type { VerifiedHeaderSource, VerifiedStateHeader } from '../header.js';
import { sameStateKey } from '../keys.js';
import type { StateProofSource, Sourced, WitnessAnswer } from '../prove.js';
import type { StateEntryAnswer } from '../state-proof.js';

export interface RecordedStateVector {
  readonly source: string;
  readonly chainId: number;
  readonly epoch: number;
  readonly snapshotEpochCount: number;
  readonly headers: readonly { readonly height: number; readonly hash: string; readonly raw: string }[];
  readonly entries: readonly { readonly label: string; readonly space: string; readonly kind: string; readonly key: string; readonly raw: string }[];
  readonly rpc: Readonly<Record<string, { readonly balance?: string; readonly nonce?: string; readonly storage?: string }>>;
}

export function recordedHeaders(vector: RecordedStateVector): Map<number, VerifiedStateHeader> {
  const out = new Map<number, VerifiedStateHeader>();
  for (const h of vector.headers) {
    const item = decodeItemBytes(hexToBytes(h.raw), decodeBlockHeaderItem, 'header');
    if (item.hash !== h.hash || item.height !== h.height) throw new Error(`recorded header ${h.height} does not hash to its recorded hash`);
    out.set(h.height, { height: item.height, hash: item.hash, blame: item.blame, deferredStateRoot: item.deferredStateRoot });
  }
  return out;
}

export function recordedEntries(vector: RecordedStateVector): { label: string; item: StateEntryItem }[] {
  return vector.entries.map((e) => ({ label: e.label, item: decodeItemBytes(hexToBytes(e.raw), decodeStateEntryItem, 'state entry') }));
}

export function headerSourceOf(headers: ReadonlyMap<number, VerifiedStateHeader>): VerifiedHeaderSource {
  return {
    header: async (height) => {
      const header = headers.get(height);
      if (header === undefined) throw new Error(`no verified header at ${height}`);
      return header;
    },
  };
}

export interface RecordedSourceOptions {
  /** Alters each served entry (return null to drop it). */
  readonly alterEntry?: (entry: StateEntryAnswer) => StateEntryAnswer | null;
  readonly witness?: (height: number) => WitnessAnswer | null;
}

/** A proof source serving the recorded entries (as a node would: only those asked, missing ones dropped). */
export function recordedProofSource(entries: readonly StateEntryItem[], options: RecordedSourceOptions = {}): StateProofSource & { readonly requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    async stateEntries(epoch, keys) {
      requests.push(`entries ${epoch} ×${keys.length}`);
      const out: Sourced<StateEntryAnswer>[] = [];
      for (const key of keys) {
        const found = entries.find((e) => e.epoch === epoch && sameStateKey(e.key, key));
        if (found === undefined) continue;
        const value = options.alterEntry ? options.alterEntry(found) : found;
        if (value !== null) out.push({ value, evidence: { request: 'GetStateEntries', params: [epoch], answer: bytesToHex(found.raw) } });
      }
      return out;
    },
    async witnessInfo(height) {
      requests.push(`witness ${height}`);
      const value = options.witness?.(height) ?? null;
      return value === null ? null : { value, evidence: { request: 'GetWitnessInfo', params: [height], answer: null } };
    },
  };
}
