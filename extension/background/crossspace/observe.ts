/**
 * What became of each step of a cross-space transfer, as core/crossspace's status model reads it:
 * the tracker's state of the step's transaction while it has no proved receipt, and once the
 * tracker has proved its inclusion, the receipt itself (with its logs) proved again by the light
 * client — the status model needs the CrossSpaceCall events, which only the receipt holds.
 *
 * Threat model: nothing here takes a node's word for a receipt. A receipt enters the status only
 * as the light client proved it (trust `verified`); until then the step is pending.
 * @module
 */
import type { ObservedReceipt, StepObservation } from '../../../core/crossspace/index.js';
import { bytesToHex } from '../../../core/encoding/hex.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import type { NetworkRuntime } from '../chain/runtime.js';

/** Proved receipts by hash (a proof of a finalized receipt does not change). */
const proved = new Map<string, ObservedReceipt>();

function sendState(status: TrackedTransaction['status']): StepObservation['sendState'] {
  switch (status) {
    case 'rejected':
    case 'replaced':
    case 'possibly_censored':
      return status;
    default:
      return 'pending';
  }
}

/** The receipt of a tracked transaction whose inclusion the tracker proved, proved again with its logs. */
async function provedReceipt(rt: NetworkRuntime, space: Space, record: TrackedTransaction): Promise<ObservedReceipt | undefined> {
  const cached = proved.get(record.hash.toLowerCase());
  if (cached) return cached;
  if (!record.proof) return undefined;
  const chain = await rt.verified();
  const proof = await chain.prove({ space, transactionHash: record.hash, blockHash: record.proof.blockHash, epoch: record.proof.epoch });
  if (!proof.receipt || proof.finality !== 'finalized') return undefined;
  const receipt: ObservedReceipt = {
    transactionHash: record.hash,
    outcome: proof.receipt.outcome,
    logs: proof.receipt.logs.map((l) => ({ address: bytesToHex(l.address), topics: l.topics.map((t) => bytesToHex(t)), data: bytesToHex(l.data) })),
    gasUsed: proof.receipt.gasUsed,
    gasFee: proof.receipt.gasFee,
    epoch: proof.epoch,
    trust: 'verified',
  };
  proved.set(record.hash.toLowerCase(), receipt);
  return receipt;
}

/**
 * One observation per step: `hashes[i]` is step i's transaction (null: not sent). `refresh` asks the
 * tracker about a transaction that is not final yet (a sync and a proof attempt).
 */
export async function observeSteps(rt: NetworkRuntime, steps: readonly { space: Space }[], hashes: readonly (string | null)[], refresh: (hash: string) => Promise<unknown>): Promise<StepObservation[]> {
  return Promise.all(
    steps.map(async (step, i): Promise<StepObservation> => {
      const hash = hashes[i] ?? null;
      if (hash === null) return { hash: null };
      let record = rt.tracker.get(hash);
      if (record && (record.status === 'pending' || record.status === 'included' || record.status === 'possibly_censored')) {
        await refresh(hash).catch(() => undefined);
        record = rt.tracker.get(hash);
      }
      if (!record) return { hash, sendState: 'pending' };
      if (record.status === 'included_verified' || record.status === 'failed_verified') {
        const receipt = await provedReceipt(rt, step.space, record).catch(() => undefined);
        return receipt ? { hash, receipt } : { hash, sendState: 'pending' };
      }
      const state = sendState(record.status);
      return state === undefined ? { hash } : { hash, sendState: state };
    }),
  );
}
