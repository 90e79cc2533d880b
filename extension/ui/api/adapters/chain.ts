/** Chain API results → screen models (networks, balances, transactions, nodes, light client). */
import type { BalanceView, BanView, ChainStatusView, IncomingView, NodeView, TokenFieldView, TokenInfoView, TxView } from '../../../shared/ui-api/chain.js';
import type { Trust } from '../../model/trust.js';
import type { Checked, LightClientStatus, NetworkItem, SyncProgressItem, SyncSummary, NodeItem, ReceivedItem, TokenInfoItem, TxItem, TxStatus } from '../../model/wallet.js';
import { formatAmountDisplay } from '../../i18n/format.js';
import { i18n, t } from '../../i18n/i18n.js';
import { errorText } from '../../i18n/errors.js';

const NETWORK_NAMES: Readonly<Record<ChainStatusView['network'], () => string>> = { mainnet: () => t('network.mainnet'), testnet: () => t('network.testnet'), local: () => t('network.local') };

const KNOWN_NETWORKS: readonly Omit<NetworkItem, 'name'>[] = [
  { id: 'mainnet', coreNetworkId: 1029, espaceChainId: 1030, isTestnet: false, chainIdsKnown: true },
  { id: 'testnet', coreNetworkId: 1, espaceChainId: 71, isTestnet: true, chainIdsKnown: true },
  { id: 'local', coreNetworkId: 0, espaceChainId: 0, isTestnet: true, chainIdsKnown: false },
];

/** The name a network is shown by, in the language shown. */
export function networkName(id: ChainStatusView['network']): string {
  return NETWORK_NAMES[id]();
}

/** The three networks; the current one with the chain ids its nodes were checked to serve. */
/**
 * The header's status dot: bad when no node can be used (none set up, all set aside or banned, or
 * the last sync found none), warn when the last sync failed (also when no node answered it: a
 * poor link) or nothing is verified yet, else ok.
 */
export function networkHealth(status: ChainStatusView): 'ok' | 'warn' | 'bad' {
  const lc = status.lightClient;
  if (status.nodes.total === 0 || status.nodes.banned >= status.nodes.total || (lc.lastError?.code === 'pool.no_node' && !lc.lastError.unanswered)) return 'bad';
  if (lc.lastError !== null || lc.finalized === null) return 'warn';
  return 'ok';
}

export function networksFromStatus(status: ChainStatusView): { networks: NetworkItem[]; currentId: string; health: 'ok' | 'warn' | 'bad' } {
  const networks = KNOWN_NETWORKS.map((known) => {
    const n: NetworkItem = { ...known, name: networkName(known.id as ChainStatusView['network']) };
    return n.id === status.network ? { ...n, coreNetworkId: status.chainIds.core, espaceChainId: status.chainIds.espace, chainIdsKnown: true } : n;
  });
  return { networks, currentId: status.network, health: networkHealth(status) };
}

export function trustOf(view: { trust: BalanceView['trust']; epoch: number; sources: BalanceView['sources']; value: string | null; conflict?: BalanceView['conflict']; proof?: BalanceView['proof']; fallback?: BalanceView['fallback'] }): Trust {
  const answered = view.sources.filter((s) => s.answer !== undefined);
  const trust: Trust = {
    level: view.trust,
    sources: answered.length,
    agreeing: view.value === null ? 0 : answered.filter((s) => s.answer === view.value).length,
    epoch: view.epoch,
    answers: view.sources.map((s) => ({ node: s.node, operator: s.operator, answer: s.answer, problem: s.problem })),
  };
  if (view.proof) trust.proof = view.proof;
  if (view.fallback) trust.fallback = view.fallback;
  if (view.conflict) {
    trust.detail =
      view.conflict.resolution === 'majority'
        ? t('trust.conflictMajority')
        : t('trust.conflictUnresolved');
  }
  return trust;
}

/**
 * A balance with its trust; each node's answer in "who said what" is shown as an amount of `unit`
 * (the nodes answer in the smallest unit, which means nothing to a reader).
 */
export function balanceFromApi(view: BalanceView, unit: { decimals: number; symbol: string } = { decimals: 18, symbol: 'CFX' }): Checked<bigint | null> {
  const trust = trustOf(view);
  if (trust.answers) trust.answers = trust.answers.map((a) => (a.answer !== undefined && /^\d{1,80}$/.test(a.answer) ? { ...a, answer: `${formatAmountDisplay(BigInt(a.answer), unit.decimals)} ${unit.symbol}` } : a));
  return { value: view.value === null ? null : BigInt(view.value), trust, at: view.updatedAt };
}

const TX_STATUS: Record<TxView['status'], TxStatus> = {
  pending: 'pending',
  included: 'included',
  included_verified: 'verified',
  failed_verified: 'failed',
  possibly_censored: 'stuck',
  replaced: 'replaced',
  rejected: 'rejected',
};

const TX_TRUST: Record<TxStatus, () => Trust> = {
  pending: () => ({ level: 'unknown', detail: t('trust.txPending') }),
  included: () => ({ level: 'single-source', detail: t('trust.txIncluded') }),
  verified: () => ({ level: 'verified', detail: t('trust.txVerified') }),
  failed: () => ({ level: 'verified', detail: t('trust.txFailed') }),
  stuck: () => ({ level: 'unknown', detail: t('trust.txStuck') }),
  replaced: () => ({ level: 'unknown', detail: t('trust.txReplaced') }),
  rejected: () => ({ level: 'unknown', detail: t('trust.txRejected') }),
};

/** A node id (`network/space/url`) as the user knows the node: its address. */
export function nodeLabelOfId(id: string): string {
  const parts = id.split('/');
  return parts.length > 2 ? parts.slice(2).join('/').replace(/\/$/, '') : id;
}

export function txFromApi(view: TxView, ownAddress: string): TxItem {
  const status = TX_STATUS[view.status];
  const rejections = Object.entries(view.rejections).map(([node, reason]) => `${node}: ${reason}`);
  const note = view.note ?? (rejections.length > 0 ? rejections.join('; ') : undefined);
  const transfer = view.tokenTransfer;
  const recipient = transfer?.to ?? view.to;
  const self = recipient !== null && recipient.toLowerCase() === ownAddress.toLowerCase();
  const proof = view.proof;
  return {
    hash: view.hash,
    space: view.space,
    direction: self ? 'self' : 'out',
    status,
    from: view.from || ownAddress,
    to: view.to,
    value: BigInt(view.value),
    symbol: 'CFX',
    decimals: 18,
    // Until the receipt is proved only the maximum is known.
    fee: view.cost ? (view.cost.gasCoveredBySponsor ? 0n : BigInt(view.cost.gasFee)) : BigInt(view.maxFee) + BigInt(view.maxCollateral ?? '0'),
    feeIsMax: view.cost === null,
    collateral: view.cost && !view.cost.storageCoveredBySponsor ? BigInt(view.cost.storageCollateralized) : undefined,
    timestamp: view.submittedAt,
    blockNumber: proof?.epoch,
    nonce: Number(view.nonce),
    trust: { ...TX_TRUST[status](), ...(proof ? { epoch: proof.epoch } : {}) },
    error: note ?? undefined,
    acceptedBy: view.acceptedBy.map(nodeLabelOfId),
    token: transfer ? { symbol: transfer.symbol ?? t('amount.tokenUnits'), decimals: transfer.decimals ?? 0, amount: BigInt(transfer.amount), to: transfer.to } : undefined,
    verification: proof ? { blockHash: proof.blockHash, epoch: proof.epoch, finalizedPivot: proof.finalizedPivot, verifiedAt: proof.verifiedAt, outcome: proof.outcome } : undefined,
  };
}

/**
 * The raw answer behind a decoded token field: the one most nodes gave (a field has a value only
 * when nodes agreed or a majority did, and the first node to answer may be the one outvoted).
 */
function agreedAnswer(sources: TokenFieldView<unknown>['sources']): string | null {
  const counts = new Map<string, number>();
  for (const s of sources) if (s.answer !== undefined) counts.set(s.answer, (counts.get(s.answer) ?? 0) + 1);
  let best: string | null = null;
  for (const [answer, count] of counts) if (best === null || count > counts.get(best)!) best = answer;
  return best;
}

function checkedField<T>(field: TokenFieldView<T>, epoch: number): Checked<T> | undefined {
  if (field.value === null || field.trust === null) return undefined;
  return { value: field.value, trust: trustOf({ trust: field.trust, epoch, sources: field.sources, value: agreedAnswer(field.sources) }) };
}

export function tokenInfoFromApi(view: TokenInfoView): TokenInfoItem {
  return {
    symbol: checkedField(view.symbol, view.epoch),
    name: checkedField(view.name, view.epoch),
    decimals: checkedField(view.decimals, view.epoch),
    problems: [view.symbol.problem, view.name.problem, view.decimals.problem].filter((p): p is string => p !== null),
  };
}

export function receivedFromApi(view: IncomingView): ReceivedItem {
  if (view.kind === 'token') {
    const detail = view.trust === 'verified' ? t('trust.incomingVerified') : (view.note ?? t('trust.incomingUnproved'));
    return { kind: 'token', id: view.id, symbol: view.symbol ?? t('amount.tokenUnits'), decimals: view.decimals ?? 0, amount: BigInt(view.amount), from: view.from, epoch: view.epoch, transactionHash: view.transactionHash, trust: { level: view.trust, epoch: view.epoch, detail }, note: view.note ?? undefined };
  }
  return {
    kind: 'balance_increase',
    id: view.id,
    amount: BigInt(view.amount),
    fromEpoch: view.fromEpoch,
    toEpoch: view.toEpoch,
    trust: { level: view.trust, epoch: view.toEpoch, detail: t('trust.balanceIncrease') },
  };
}

const SLOW_MS = 1500;

/** Why a node was banned (by its reason code, in the language shown), with the evidence when there is some. */
function banText(ban: BanView): string {
  const key = `bans.reason.${ban.reason}`;
  const reason = /^[a-z_]+$/.test(ban.reason) && i18n.exists(key) ? (t as (k: string) => string)(key) : ban.reasonText;
  return ban.evidence ? t('bans.withEvidence', { reason, evidence: ban.evidence }) : reason;
}

/** What a node's failure code means, in words (codes are for logs, not for people). */
function problemText(code: string | null | undefined): string {
  if (code === 'rpc.network') return t('nodeState.network');
  if (code === 'rpc.timeout') return t('nodeState.timeout');
  if (code === 'rpc.http_status') return t('nodeState.http');
  return t('nodeState.other');
}

/** An unresponsive node is set aside for a while, not banned: it told no lie. */
function setAsideText(ban: BanView): string {
  return t('nodeState.setAside', { problem: problemText(/\((rpc\.[a-z_]+)\)/.exec(ban.evidence)?.[1]) });
}

export function nodeFromApi(view: NodeView): NodeItem {
  const unreachable = view.ban?.severity === 'unavailable';
  const health = unreachable ? 'unreachable' : view.ban ? 'banned' : view.health.consecutiveFailures > 0 ? 'failing' : view.health.latencyMs !== null && view.health.latencyMs > SLOW_MS ? 'slow' : view.health.successes > 0 ? 'ok' : 'unknown';
  const problem = view.ban ? (unreachable ? setAsideText(view.ban) : banText(view.ban)) : view.health.consecutiveFailures > 0 ? t('nodeState.lastProblem', { problem: problemText(view.health.lastErrorCode) }) : undefined;
  return {
    id: view.id,
    url: view.label,
    space: view.space,
    health,
    latencyMs: view.health.latencyMs ?? undefined,
    userAdded: view.origin !== 'default',
    operator: view.operator || undefined,
    problem,
    bannedUntil: view.ban?.expiresAt,
  };
}

function bannedNode(ban: BanView): NodeItem {
  const unreachable = ban.severity === 'unavailable';
  return { id: ban.nodeId, url: ban.node, space: 'core', health: unreachable ? 'unreachable' : 'banned', userAdded: false, problem: unreachable ? setAsideText(ban) : banText(ban), bannedUntil: ban.expiresAt };
}

export function lightClientFromApi(status: ChainStatusView, bans: { active: BanView[]; recent: BanView[] }, now: number): LightClientStatus {
  const lc = status.lightClient;
  return {
    ...syncSummaryFromApi(status),
    checkpoint: lc.checkpoint,
    committeeEpoch: lc.committeeEpoch ?? undefined,
    finalizedPosEpoch: lc.finalized?.posEpoch,
    networkEpoch: status.networkHead?.epoch,
    lastCheckedAt: lc.lastSyncAt ?? undefined,
    finality: lc.finality ?? undefined,
    confirming: lc.confirming ? { done: lc.confirming.epoch, total: lc.confirming.targetEpoch } : undefined,
    withholding: lc.withholding,
    // A node that does not answer told no lie: it is set aside for a while, listed apart.
    failures: bans.recent.filter((b) => b.severity !== 'unavailable').map((b) => ({ at: b.bannedAt, node: b.node, what: banText(b) })),
    bannedNodes: bans.active.filter((b) => b.expiresAt > now && b.severity !== 'unavailable').map(bannedNode),
    setAsideNodes: bans.active.filter((b) => b.expiresAt > now && b.severity === 'unavailable').map(bannedNode),
  };
}

/**
 * Progress, age and staleness of what is verified. While a sync runs the state is `syncing`
 * whatever the last one ended with: progress is shown, never an error; a sync that failed after
 * verifying epochs is `paused` (the next one resumes where it stopped); one that failed because no
 * node answered at all is `unanswered` (a poor link, not a verification failure).
 */
export function syncSummaryFromApi(status: ChainStatusView): SyncSummary {
  const lc = status.lightClient;
  const error = lc.lastError;
  const state: LightClientStatus['state'] = lc.syncing ? 'syncing' : error?.progressed ? 'paused' : error?.unanswered ? 'unanswered' : error ? 'error' : lc.finalized === null ? 'stalled' : 'synced';
  return {
    state,
    sync: lc.syncing && lc.progress ? progressItem(lc.progress) : undefined,
    stateDetail: error && !lc.syncing ? errorText(Object.assign(new Error(error.message), { code: error.code })) : undefined,
    finalizedAt: lc.finalized?.blockTimestampMs ?? undefined,
    stale: lc.finalized !== null && lc.stale,
    verifiedEpoch: lc.finalized?.height,
  };
}

function progressItem(p: NonNullable<ChainStatusView['lightClient']['progress']>): SyncProgressItem {
  const from = p.fromEpoch ?? undefined;
  const total = p.targetEpoch !== null && from !== undefined ? p.targetEpoch - from : undefined;
  const done = from !== undefined ? Math.max(0, p.epoch - from) : p.epoch;
  if (p.phase === 'finality' && total === undefined) return { label: t('finality.phaseFinality'), done, total };
  return { label: p.phase === 'sequential' ? t('finality.phaseConfirming') : t('finality.phaseChain'), done: total === undefined ? done : Math.min(done, total), total };
}
