/**
 * One cross-space transfer as the user sees it: the plan's drafts plus what became of each
 * transaction (its receipt, verified or cross-checked by the caller), combined into one state.
 *
 * What a receipt must show before the transfer counts as arrived:
 * - `transfer_evm` (Core): success, a CrossSpaceCall `Call` event from the sender's mapped address
 *   to the planned eSpace receiver with the planned value, and `Outcome(true)`.
 * - `fund_mapped` (eSpace): success. The receipt has no logs for a plain transfer; its hash is the
 *   hash of the transaction the wallet signed from the draft, so to and value are those reviewed.
 * - `withdraw_from_mapped` (Core): success and a `Withdraw` event from the mapped address to the
 *   Core account with the planned value.
 * A successful receipt that does not show this is `needs_attention` with the reason, never
 * "completed". The weakest trust of the receipts used is the transfer's trust.
 *
 * Threat model: receipts come from the caller, who proved or cross-checked them; a receipt for
 * another hash than the step's is ignored and reported. Nothing is fetched here.
 * @module
 */
import type { Trust } from '../trust/types.js';
import { bytesToHex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { CrossSpaceError } from './errors.js';
import { readCallEvents, readOutcomes, readWithdrawEvents, type LogInput } from './events.js';
import { coreAddressBytes, mappedAddressBytes } from './mapped-address.js';
import type { CrossSpacePlan, TransactionDraft } from './plan.js';

export interface ObservedReceipt {
  transactionHash: string;
  outcome: 'success' | 'failure' | 'skipped';
  /** Log addresses as 20-byte hex (Core receipts: the hex of the base32 address). */
  logs: readonly LogInput[];
  gasUsed: bigint;
  /** What the sender paid (drip / wei). */
  gasFee: bigint;
  /** Core epoch, or eSpace block number. */
  epoch: number;
  trust: Trust;
}

/** What the transaction tracker says while there is no receipt. */
export type SendState = 'pending' | 'rejected' | 'replaced' | 'possibly_censored';

export interface StepObservation {
  /** The signed transaction's hash; null while not signed and sent. */
  hash: string | null;
  sendState?: SendState;
  receipt?: ObservedReceipt;
}

export type StepState = 'not_sent' | 'pending' | 'succeeded' | 'failed' | SendState;

export type StepProblem =
  /** The receipt is for another transaction than the step's. */
  | 'hash_mismatch'
  /** Success, but the CrossSpaceCall event the step must emit is missing. */
  | 'event_missing'
  /** The event names another receiver or value than planned. */
  | 'credit_mismatch'
  /** The eSpace call reported failure (`Outcome(false)`). */
  | 'outcome_false';

export interface StepStatus {
  step: TransactionDraft['step'];
  space: Space;
  hash: string | null;
  state: StepState;
  fee: bigint | null;
  epoch: number | null;
  trust: Trust | null;
  /** What this step's receipt shows arriving, and where. */
  credited: { space: Space; address: string; amount: bigint } | null;
  problems: StepProblem[];
}

/**
 * - `not_started`: nothing sent. `in_progress`: a step is on its way.
 * - `awaiting_withdraw`: the CFX is at the mapped address; the Core account's withdrawal is next
 *   (or has to be sent again).
 * - `completed`: the receiving side is credited, as the receipts show.
 * - `failed`: the transfer did not happen (failed, rejected or replaced first step); only fees spent.
 * - `needs_attention`: a receipt contradicts the plan, or a transaction looks censored.
 */
export type TransferState = 'not_started' | 'in_progress' | 'awaiting_withdraw' | 'completed' | 'failed' | 'needs_attention';

export interface TransferStatus {
  state: TransferState;
  steps: StepStatus[];
  /** Where the amount ended up, once a receipt shows it. */
  credited: StepStatus['credited'];
  fees: { core: bigint; espace: bigint };
  /** Weakest trust among the receipts used; null before any receipt. */
  trust: Trust | null;
}

const TRUST_ORDER: readonly Trust[] = ['conflict', 'single-source', 'cross-checked', 'verified'];

function weakest(trusts: Trust[]): Trust | null {
  if (trusts.length === 0) return null;
  return trusts.reduce((a, b) => (TRUST_ORDER.indexOf(a) <= TRUST_ORDER.indexOf(b) ? a : b));
}

function lower(hex: string): string {
  return hex.toLowerCase();
}

const TRUSTS: readonly string[] = TRUST_ORDER;
const OUTCOMES: readonly string[] = ['success', 'failure', 'skipped'];
const SEND_STATES: readonly string[] = ['pending', 'rejected', 'replaced', 'possibly_censored'];

/** Guards the caller's observation (shape only; the caller vouches for the content). */
function assertObservation(o: StepObservation | undefined, index: number): void {
  if (o === undefined) return;
  const bad = (field: string): never => {
    throw new CrossSpaceError('crossspace.input', `observations[${index}].${field}: malformed`, { details: `observations[${index}].${field}` });
  };
  if (typeof o !== 'object' || o === null) bad('observation');
  if (o.hash !== null && (typeof o.hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(o.hash))) bad('hash');
  if (o.sendState !== undefined && !SEND_STATES.includes(o.sendState)) bad('sendState');
  const r = o.receipt;
  if (r === undefined) return;
  if (typeof r !== 'object' || r === null) bad('receipt');
  if (typeof r.transactionHash !== 'string') bad('receipt.transactionHash');
  if (!OUTCOMES.includes(r.outcome)) bad('receipt.outcome');
  if (!Array.isArray(r.logs)) bad('receipt.logs');
  if (typeof r.gasUsed !== 'bigint' || typeof r.gasFee !== 'bigint' || r.gasFee < 0n) bad('receipt.gasFee');
  if (!Number.isSafeInteger(r.epoch) || r.epoch < 0) bad('receipt.epoch');
  if (!TRUSTS.includes(r.trust)) bad('receipt.trust');
}

function readStep(plan: CrossSpacePlan, draft: TransactionDraft, observation: StepObservation | undefined): StepStatus {
  const status: StepStatus = { step: draft.step, space: draft.space, hash: observation?.hash ?? null, state: 'not_sent', fee: null, epoch: null, trust: null, credited: null, problems: [] };
  if (observation === undefined || observation.hash === null) return status;
  const receipt = observation.receipt;
  if (receipt === undefined || typeof receipt.transactionHash !== 'string' || lower(receipt.transactionHash) !== lower(observation.hash)) {
    if (receipt !== undefined) status.problems.push('hash_mismatch');
    status.state = observation.sendState ?? 'pending';
    return status;
  }
  status.fee = receipt.gasFee;
  status.epoch = receipt.epoch;
  status.trust = receipt.trust;
  if (receipt.outcome !== 'success') {
    status.state = 'failed';
    return status;
  }
  status.state = 'succeeded';
  const coreId = plan.network.coreChainId;
  if (draft.step === 'transfer_evm') {
    const sender = bytesToHex(mappedAddressBytes(coreAddressBytes(draft.from, coreId)));
    const calls = readCallEvents(receipt.logs).filter((e) => e.mappedSender === sender);
    const outcomes = readOutcomes(receipt.logs);
    if (calls.length === 0) status.problems.push('event_missing');
    else if (calls.length !== 1 || calls[0]!.receiver !== lower(plan.to) || calls[0]!.value !== draft.value) status.problems.push('credit_mismatch');
    if (outcomes.includes(false) || outcomes.length === 0) status.problems.push('outcome_false');
    if (status.problems.length === 0) status.credited = { space: 'espace', address: plan.to, amount: draft.value };
  } else if (draft.step === 'fund_mapped') {
    status.credited = { space: 'espace', address: draft.to, amount: draft.value };
  } else {
    const core = coreAddressBytes(draft.from, coreId);
    const mapped = bytesToHex(mappedAddressBytes(core));
    const events = readWithdrawEvents(receipt.logs).filter((e) => e.mappedSender === mapped);
    const amount = plan.amount;
    if (events.length === 0) status.problems.push('event_missing');
    else if (events.length !== 1 || events[0]!.receiver !== bytesToHex(core) || events[0]!.value !== amount) status.problems.push('credit_mismatch');
    if (status.problems.length === 0) status.credited = { space: 'core', address: draft.from, amount };
  }
  return status;
}

/**
 * The state of a transfer from its plan and one observation per draft (in draft order; missing
 * entries count as not sent).
 * @throws {CrossSpaceError} `crossspace.input` when more observations than drafts are given
 */
export function transferStatus(plan: CrossSpacePlan, observations: readonly StepObservation[]): TransferStatus {
  if (!Array.isArray(observations) || observations.length > plan.drafts.length) {
    throw new CrossSpaceError('crossspace.input', `observations: expected at most ${plan.drafts.length} entries`, { details: 'observations' });
  }
  observations.forEach(assertObservation);
  const steps = plan.drafts.map((d, i) => readStep(plan, d, observations[i]));
  const fees = { core: 0n, espace: 0n };
  for (const s of steps) if (s.fee !== null) fees[s.space] += s.fee;
  const trust = weakest(steps.flatMap((s) => (s.trust === null ? [] : [s.trust])));
  const last = steps[steps.length - 1]!;
  const first = steps[0]!;
  const troubled = steps.some((s) => s.problems.some((p) => p !== 'hash_mismatch') || s.state === 'possibly_censored');
  let state: TransferState;
  if (troubled) state = 'needs_attention';
  else if (last.state === 'succeeded') state = 'completed';
  else if (plan.kind === 'espace_to_core' && first.state === 'succeeded') state = last.state === 'pending' ? 'in_progress' : 'awaiting_withdraw';
  else if (first.state === 'failed' || first.state === 'rejected' || first.state === 'replaced') state = plan.kind === 'withdraw_mapped' ? 'awaiting_withdraw' : 'failed';
  else if (first.state === 'not_sent') state = 'not_started';
  else state = 'in_progress';
  return { state, steps, credited: last.credited ?? (plan.kind === 'espace_to_core' ? first.credited : null), fees, trust };
}
