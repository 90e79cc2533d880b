/**
 * A cross-space transfer as stored by the background: the intent, the network and the hashes of
 * the transactions sent, in a versioned JSON shape. The plan is rebuilt from it (planning is
 * deterministic), so only what cannot be recomputed is stored.
 *
 * Threat model: storage may be corrupted or come from an older or newer version; reading is strict
 * and fails with `crossspace.record` and the field at fault instead of guessing.
 * @module
 */
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

function fail(field: string, message: string): never {
  throw new CrossSpaceError('crossspace.record', `transfer record: ${field}: ${message}`, { details: field });
}

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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('record', 'expected an object');
  const r = value as Record<string, unknown>;
  if (r['version'] !== 1) fail('version', `unsupported version ${String(r['version'])}`);
  if (typeof r['id'] !== 'string' || r['id'].length === 0 || r['id'].length > 100) fail('id', 'expected a short string');
  const kind = r['kind'];
  if (kind !== 'core_to_espace' && kind !== 'espace_to_core' && kind !== 'withdraw_mapped') fail('kind', 'unknown kind');
  if (typeof r['amount'] !== 'string' || !/^[1-9][0-9]{0,77}$/.test(r['amount'])) fail('amount', 'expected a positive decimal');
  if (typeof r['to'] !== 'string') fail('to', 'expected a string');
  if (kind !== 'withdraw_mapped' && typeof r['from'] !== 'string') fail('from', 'expected a string');
  if (typeof r['createdAt'] !== 'number' || !Number.isSafeInteger(r['createdAt'])) fail('createdAt', 'expected unix milliseconds');
  if (!Array.isArray(r['hashes']) || r['hashes'].some((h) => h !== null && (typeof h !== 'string' || !HASH.test(h)))) fail('hashes', 'expected 32-byte hashes or null');
  const amount = BigInt(r['amount']);
  const to = r['to'];
  const intent: CrossSpaceIntent = kind === 'withdraw_mapped' ? { kind, to, amount } : { kind, from: r['from'] as string, to, amount };
  let plan: CrossSpacePlan;
  try {
    plan = planCrossSpaceTransfer(intent, { network: r['network'] as CrossSpaceNetwork, ownCoreAccounts: kind === 'core_to_espace' ? [] : [to] });
  } catch (cause) {
    throw new CrossSpaceError('crossspace.record', 'transfer record: it does not describe a valid transfer', { cause, details: 'record' });
  }
  if ((r['hashes'] as unknown[]).length !== plan.drafts.length) fail('hashes', `expected ${plan.drafts.length} entries`);
  return { record: r as unknown as TransferRecordJson, plan };
}
