/**
 * A cross-space transfer as stored by the background: the intent, the network and the hashes of
 * the transactions sent, in a versioned JSON shape. The plan is rebuilt from it (planning is
 * deterministic), so only what cannot be recomputed is stored.
 *
 * Threat model: storage may be corrupted or come from an older or newer version; reading is strict
 * (a schema domain over `core/schema/`) and fails with `crossspace.record` and the field at fault
 * instead of guessing.
 * @module
 */
import { schemaKit } from '../schema/index.js';
import { CrossSpaceError } from './errors.js';
import { planCrossSpaceTransfer, type CrossSpaceIntent, type CrossSpaceNetwork, type CrossSpacePlan } from './plan.js';

export interface TransferRecordJson {
  version: 1;
  id: string;
  kind: CrossSpaceIntent['kind'];
  network: CrossSpaceNetwork;
  /** null for a withdrawal. */
  from: string | null;
  to: string;
  /** Decimal drip. */
  amount: string;
  /** One entry per draft: the sent transaction's hash, or null. */
  hashes: (string | null)[];
  /** Unix milliseconds. */
  createdAt: number;
}

const HASH = /^0x[0-9a-f]{64}$/;

const kit = schemaKit({
  error: (path, problem) => new CrossSpaceError('crossspace.record', `transfer record: ${path || 'record'}: ${problem}`, { details: path || 'record' }),
  owns: (error) => error instanceof CrossSpaceError && error.code === 'crossspace.record',
  // Records written by an older version may carry fields this one no longer reads.
  unknownKeys: 'drop',
});
const fail: (path: string, problem: string) => never = kit.fail;
const address = kit.string({ max: 256 });
const hash = kit.string({ max: 66, pattern: HASH });
const recordSchema = kit.object({
  version: kit.literal(1),
  id: kit.string({ min: 1, max: 100 }),
  kind: kit.oneOf(['core_to_espace', 'espace_to_core', 'withdraw_mapped']),
  network: kit.object({ coreChainId: kit.number({ integer: true, min: 0 }), espaceChainId: kit.number({ integer: true, min: 0 }) }),
  from: kit.nullable(address),
  to: address,
  amount: kit.string({ max: 78, pattern: /^[1-9][0-9]*$/ }),
  hashes: kit.array(kit.nullable(hash), { max: 16 }),
  createdAt: kit.number({ integer: true }),
});

/** The stored form of a plan and the hashes sent so far. */
export function transferRecordToJson(id: string, plan: CrossSpacePlan, hashes: readonly (string | null)[], createdAt: number): TransferRecordJson {
  if (hashes.length > plan.drafts.length) fail('hashes', 'more hashes than drafts');
  const padded = plan.drafts.map((_, i) => (hashes[i] === undefined || hashes[i] === null ? null : hashes[i]!.toLowerCase()));
  for (const h of padded) if (h !== null && !HASH.test(h)) fail('hashes', 'not a 32-byte hash');
  return { version: 1, id, kind: plan.kind, network: { ...plan.network }, from: plan.from, to: plan.to, amount: plan.amount.toString(), hashes: padded, createdAt };
}

/**
 * Reads a stored record and rebuilds its plan.
 * @throws {CrossSpaceError} `crossspace.record` for any shape or version problem
 */
export function transferRecordFromJson(value: unknown): { record: TransferRecordJson; plan: CrossSpacePlan } {
  const record = recordSchema.parse(value);
  const { kind, to } = record;
  if (kind !== 'withdraw_mapped' && record.from === null) fail('from', 'expected a string');
  const amount = BigInt(record.amount);
  const intent: CrossSpaceIntent = kind === 'withdraw_mapped' ? { kind, to, amount } : { kind, from: record.from!, to, amount };
  let plan: CrossSpacePlan;
  try {
    plan = planCrossSpaceTransfer(intent, { network: record.network, ownCoreAccounts: kind === 'core_to_espace' ? [] : [to] });
  } catch (cause) {
    throw new CrossSpaceError('crossspace.record', 'transfer record: it does not describe a valid transfer', { cause, details: 'record' });
  }
  if (record.hashes.length !== plan.drafts.length) fail('hashes', `expected ${plan.drafts.length} entries`);
  return { record, plan };
}
