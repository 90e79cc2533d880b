/**
 * Conversions from the chain core's records to the plain views the UI receives. A transaction's
 * recipient, value, token transfer and fee limits are decoded from its signed bytes — what the
 * network executes — not from anything remembered beside them.
 * @module
 */
import { BAN_REASON_TEXT, type BanRecord } from '../../../core/rpc/pool/bans.js';
import { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
import type { NodeView as PoolNodeView } from '../../../core/rpc/pool/node-pool.js';
import type { TrustedValue } from '../../../core/trust/types.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import { decodeCfxAddress, encodeCfxAddress } from '../../../core/address/cip37.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';
import { decodeCoreTransaction } from '../../../core/tx/core-decode.js';
import { decodeEspaceTransaction } from '../../../core/tx/espace-decode.js';
import type { BalanceView, BanView, NodeView, SourceView, TxView } from '../../shared/ui-api/chain.js';
import type { TxLabel } from './store.js';
import { decodeTransferCall } from './token-abi.js';
import { DRIP_PER_STORAGE_BYTE, maxCost, maxTotalNative, type MaxCost } from './tx-cost.js';

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
  if (v.proof) view.proof = { ...v.proof, witness: { ...v.proof.witness }, finalized: { ...v.proof.finalized } };
  if (v.fallback) view.fallback = { reason: v.fallback.reason, gateways: [...v.fallback.gateways] };
  return view;
}

/** What the signed bytes of a tracked transaction say, decoded once per hash. */
interface SignedFacts {
  to: string | null;
  value: bigint;
  data: string;
  cost: MaxCost;
}

const decodedCache = new Map<string, SignedFacts>();
const DECODED_CACHE_SIZE = 256;

function signedFacts(r: TrackedTransaction): SignedFacts {
  const cached = decodedCache.get(r.hash);
  if (cached) return cached;
  // The tracker decoded these bytes (and checked their chain) before it stored them.
  let facts: SignedFacts;
  if (r.space === 'core') {
    const tx = decodeCoreTransaction(r.raw).transaction;
    facts = { to: tx.to, value: tx.value, data: tx.data, cost: maxCost('core', tx) };
  } else {
    const tx = decodeEspaceTransaction(r.raw).transaction;
    facts = { to: tx.to, value: tx.value, data: tx.data, cost: maxCost('espace', tx) };
  }
  decodedCache.set(r.hash, facts);
  if (decodedCache.size > DECODED_CACHE_SIZE) decodedCache.delete(decodedCache.keys().next().value!);
  return facts;
}

/** The most native currency a tracked transaction can take from its sender: value + max fee + max collateral. */
export function maxNativeSpend(r: TrackedTransaction): bigint {
  const facts = signedFacts(r);
  return maxTotalNative(facts.value, facts.cost);
}

function tokenTransferOf(r: TrackedTransaction, facts: SignedFacts, label: TxLabel | undefined): TxView['tokenTransfer'] {
  const call = facts.to === null ? null : decodeTransferCall(facts.data);
  if (call === null || facts.to === null) return null;
  const to = r.space === 'core' ? encodeCfxAddress(call.toHex, decodeCfxAddress(facts.to).networkId) : toChecksumAddress(call.toHex);
  const token = label?.token !== undefined && label.token.contract.toLowerCase() === facts.to.toLowerCase() ? label.token : undefined;
  return { contract: facts.to, to, amount: call.amount.toString(), symbol: token?.symbol ?? null, decimals: token?.decimals ?? null };
}

export function txView(r: TrackedTransaction, label?: TxLabel): TxView {
  const facts = signedFacts(r);
  const proof = r.proof;
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
    proof: proof ? { blockHash: proof.blockHash, epoch: proof.epoch, outcome: proof.outcome, gasUsed: proof.gasUsed, verifiedAt: proof.verifiedAt, finalizedPivot: proof.finalizedPivot ?? null } : null,
    replaces: r.replaces ?? null,
    replacedBy: r.replacedBy ?? null,
    to: facts.to,
    value: facts.value.toString(),
    tokenTransfer: tokenTransferOf(r, facts, label),
    maxFee: facts.cost.maxFee.toString(),
    maxCollateral: facts.cost.maxCollateral === null ? null : facts.cost.maxCollateral.toString(),
    cost:
      proof?.gasFee !== undefined
        ? {
            gasFee: proof.gasFee,
            gasCoveredBySponsor: proof.gasCoveredBySponsor ?? false,
            // The receipt counts collateral in storage bytes (64 per entry); shown in drip.
            storageCollateralized: (BigInt(proof.storageCollateralized ?? '0') * DRIP_PER_STORAGE_BYTE).toString(),
            storageCoveredBySponsor: proof.storageCoveredBySponsor ?? false,
          }
        : null,
  };
}
