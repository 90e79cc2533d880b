/**
 * Refreshing a shipped checkpoint: follows PoS from it with full verification — every committee
 * rotation checked with a quorum of the committee before it, never the skipping rule — over one or
 * more nodes at once, to the newest committee any of them proves; then asks every node for the
 * epoch-ending ledger info that carried that committee and requires them all to serve the same one.
 * The result is a new checkpoint with its provenance (epoch, date, ledger info, nodes asked).
 *
 * Threat model: the nodes are untrusted; a false answer fails verification and is reported with the
 * node that gave it; a node that serves another ending than the others makes the refresh fail
 * rather than pick a side. The starting checkpoint is trusted (it is the one shipped now).
 * @module
 */
import { bytesToHex } from '../../encoding/hex.js';
import { CheckpointError, LightClientError } from '../errors.js';
import { epochStateToJson } from '../pos/committee.js';
import { signerSetDigest } from '../pos/encode.js';
import { parseLedgerInfoWithSignatures } from '../pos/parse.js';
import { driveSync } from '../sync/drive.js';
import { SyncMachine } from '../sync/machine.js';
import { stateFromRestored, type PosState } from '../sync/pos-state.js';
import type { Finding } from '../sync/types.js';
import type { LightClientTransport } from '../transport.js';
import { resolveStartingState } from './checkpoint.js';
import type { Checkpoint } from './types.js';

export interface RefreshNode {
  /** How the node is named in the provenance (its URL without credentials). */
  readonly name: string;
  readonly transport: LightClientTransport;
}

export interface RefreshResult {
  readonly checkpoint: Checkpoint;
  /** What the nodes' answers showed (false answers are fatal, the rest informational). */
  readonly findings: readonly Finding[];
  readonly epochsVerified: number;
}

/**
 * @throws {LightClientError} the first provably false answer (with the node named in `details`)
 * @throws {CheckpointError} `checkpoint.corrupt` when nodes disagree on the ending, or nothing newer is provable
 */
export async function refreshCheckpoint(from: Checkpoint, nodes: readonly RefreshNode[], now: Date, onProgress?: (epoch: number, target: number) => void): Promise<RefreshResult> {
  if (nodes.length === 0) throw new RangeError('at least one node is needed');
  const byName = new Map(nodes.map((n) => [n.name, n.transport]));
  let state: PosState = stateFromRestored(resolveStartingState(from, undefined, now.getTime()));
  const findings: Finding[] = [];
  const machine = new SyncMachine(state, {
    now: now.getTime(),
    sources: nodes.map((n) => n.name),
    skip: false,
    batchSize: 32,
    ...(onProgress ? { onProgress: (p) => p.phase === 'committees' && onProgress(p.epoch, p.targetEpoch) } : {}),
  });
  await driveSync(machine, {
    transport: (name) => byName.get(name)!,
    judge: (finding) => {
      findings.push(finding);
      return finding.kind === 'false';
    },
    commit: async (next) => {
      state = next;
    },
  });
  const lie = findings.find((f) => f.kind === 'false');
  if (lie !== undefined && lie.kind === 'false') throw new LightClientError(lie.error.kind, `${lie.source}: ${lie.error.message}`, { cause: lie.error, details: lie.source, ...(lie.error.request ? { request: lie.error.request } : {}) });
  const epoch = state.committee.epoch;
  if (epoch <= from.epoch || state.previousEnding === null) throw new CheckpointError('checkpoint.corrupt', `no committee newer than epoch ${from.epoch} could be verified from these nodes`);
  const ending = state.previousEnding;
  // Every node must serve the very ledger info that carried the committee.
  for (const node of nodes) {
    const answer = await node.transport.pos_getLedgerInfoByEpoch(epoch - 1);
    const info = parseLedgerInfoWithSignatures(answer).value.ledgerInfo.commitInfo;
    if (bytesToHex(info.id) !== ending.ledgerInfoId || info.round !== ending.round || info.nextEpochState === null || signerSetDigest(info.nextEpochState) !== signerSetDigest(state.committee.state)) {
      throw new CheckpointError('checkpoint.corrupt', `${node.name} serves another ending of PoS epoch ${epoch - 1} (id ${bytesToHex(info.id)}) than the verified one (id ${ending.ledgerInfoId})`);
    }
  }
  const checkpoint: Checkpoint = {
    network: from.network,
    chainId: from.chainId,
    trust: from.trust,
    epoch,
    epochState: epochStateToJson(state.committee.state),
    digest: state.committee.digest,
    source: `nextEpochState of pos_getLedgerInfoByEpoch(${epoch - 1}) (round ${ending.round}, id ${ending.ledgerInfoId}), verified committee by committee from the checkpoint of epoch ${from.epoch} (${from.digest}) on ${now.toISOString()}; served identically by ${nodes.map((n) => n.name).join(', ')}`,
    provenance: {
      date: now.toISOString(),
      ledgerInfo: { epoch: ending.posEpoch, round: ending.round, id: ending.ledgerInfoId, pivot: ending.pivot },
      verifiedFrom: { epoch: from.epoch, digest: from.digest },
      nodes: nodes.map((n) => n.name),
    },
  };
  return { checkpoint, findings, epochsVerified: epoch - from.epoch };
}
