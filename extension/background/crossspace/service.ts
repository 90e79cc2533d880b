/**
 * Cross-space transfers of the wallet's own CFX, end to end: plan (core/crossspace), complete each
 * transaction with the same draft builder as every other send, keep the prepared transfer under an
 * id, sign and send its first step, and report the transfer as one — both sides' receipts proved by
 * the light client. For eSpace → Core the Core account's `withdrawFromMapped` is built, signed and
 * sent once the funding transaction's receipt is proved (while the wallet is unlocked), so the user
 * reviews the whole transfer once.
 *
 * Threat model: as for plain sends (transactions/sends.ts) — the page only holds ids, the signed bytes are
 * checked against the reviewed signing hash, balances are cross-checked; receipts count only as
 * proved (observe.ts). The second step's hash is stored before it is broadcast, so a worker stopped
 * mid-way does not send it twice.
 * @module
 */
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';
import { CrossSpaceError, planCrossSpaceTransfer, transferRecordToJson, transferStatus, type CrossSpaceIntent, type CrossSpacePlan, type PlanContext } from '../../../core/crossspace/index.js';
import { bytesToHex, type Hex } from '../../../core/encoding/hex.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { SPACES, type Space } from '../../../core/space.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import type { CrossSpaceKind, CrossSpaceStepView, CrossSpaceTransferView, PreparedCrossSpaceView } from '../../shared/ui-api/crossspace.js';
import type { BalanceView, TxView } from '../../shared/ui-api/chain.js';
import type { NetworkRuntime } from '../chain/runtime.js';
import { buildCoreDraft, buildEspaceDraft } from '../transactions/draft-builder.js';
import type { DraftChain } from '../transactions/draft-chain.js';
import type { KeyValueArea } from '../storage-area.js';
import { ChainChangedError, InsufficientFundsError, UnknownAccountError, VaultLockedError } from '../transactions/errors.js';
import { PreparedSends } from '../transactions/prepared.js';
import { preparedFacts } from '../transactions/send-preparation.js';
import { explainUnavailableNodes } from '../transactions/kept-send.js';
import type { SendKeyring } from '../transactions/sends.js';
import { broadcastChecked, signChecked } from '../transactions/sign.js';
import { observeSteps } from './observe.js';
import { TransferRecords, type LoadedTransfer } from './records.js';

/** What cross-space transfers use of the network session and the jobs over it (see chain/service.ts). */
export interface CrossSpaceChain {
  status(): { network: NetworkKey; chainIds: { core: number; espace: number } };
  balances(space: Space, addresses: readonly string[]): Promise<BalanceView[]>;
  reservedInFlight(space: Space, address: string): bigint;
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
  sendTransaction(space: Space, raw: Hex): Promise<TxView>;
  refreshTransaction(hash: string): Promise<TxView>;
  activeRuntime(): NetworkRuntime;
}

export interface CrossSpaceDeps {
  chain: CrossSpaceChain;
  drafts: DraftChain;
  keyring: SendKeyring;
  now(): number;
  randomBytes(length: number): Uint8Array;
  preparedArea: KeyValueArea;
  recordsArea: KeyValueArea;
}

interface KeptTransfer {
  network: NetworkKey;
  kind: CrossSpaceKind;
  accountId: string;
  from: string;
  to: string;
  amount: string;
  /** Completed drafts, one per step. */
  drafts: TransactionDraft[];
}

function decodeKept(stored: unknown): KeptTransfer | undefined {
  const k = stored as KeptTransfer | null;
  if (typeof k !== 'object' || k === null || !Array.isArray(k.drafts) || typeof k.accountId !== 'string' || typeof k.amount !== 'string' || (k.kind !== 'core_to_espace' && k.kind !== 'espace_to_core')) return undefined;
  return k;
}

const q = (n: bigint): Hex => `0x${n.toString(16)}`;

export class CrossSpaceService {
  private readonly prepared: PreparedSends<KeptTransfer>;
  private readonly records: TransferRecords;
  /** Withdrawals being sent, by transfer id (one at a time per transfer). */
  private readonly withdrawing = new Map<string, Promise<void>>();

  constructor(private readonly deps: CrossSpaceDeps) {
    this.prepared = new PreparedSends({ now: deps.now, randomBytes: deps.randomBytes, area: deps.preparedArea, decode: decodeKept, storageKey: 'crossspace.prepared' });
    this.records = new TransferRecords(deps.recordsArea);
  }

  async prepare(request: { kind: CrossSpaceKind; accountId: string; to?: string | undefined; amount: bigint }): Promise<PreparedCrossSpaceView> {
    const sendingSpace: Space = request.kind === 'core_to_espace' ? 'core' : 'espace';
    return explainUnavailableNodes(sendingSpace, () => this.prepareTransfer(request));
  }

  private async prepareTransfer(request: { kind: CrossSpaceKind; accountId: string; to?: string | undefined; amount: bigint }): Promise<PreparedCrossSpaceView> {
    const { network, chainIds } = this.deps.chain.status();
    const account = await this.account(request.accountId);
    const core = encodeCfxAddress(account.coreHex, chainIds.core);
    const espace = toChecksumAddress(account.espaceAddress);
    const context: PlanContext = { network: { coreChainId: chainIds.core, espaceChainId: chainIds.espace }, ownCoreAccounts: [core] };
    let intent: CrossSpaceIntent;
    if (request.kind === 'core_to_espace') {
      intent = { kind: 'core_to_espace', from: core, to: request.to ?? espace, amount: request.amount };
      context.espaceRecipient = await this.espaceReceiver(planCrossSpaceTransfer(intent, context).to);
    } else {
      intent = { kind: 'espace_to_core', from: espace, to: request.to ?? core, amount: request.amount };
    }
    let plan = planCrossSpaceTransfer(intent, context);
    if (context.espaceRecipient?.hasCode) {
      // A contract receiver runs on a tenth of the gas left: the node's estimate sets the limit.
      const d = plan.drafts[0]!;
      const estimate = (await this.deps.chain.read('core', 'cfx_estimateGasAndCollateral', [{ from: d.from, to: d.to, value: q(d.value), data: d.data }, 'latest_state'])) as { gasLimit?: string };
      if (typeof estimate?.gasLimit === 'string') plan = planCrossSpaceTransfer(intent, { ...context, nodeGasEstimate: BigInt(estimate.gasLimit) });
    }

    const drafts: TransactionDraft[] = [];
    const steps: CrossSpaceStepView[] = [];
    const maxTotal = { core: 0n, espace: 0n };
    for (const [i, d] of plan.drafts.entries()) {
      const call = { from: d.from, to: d.to, value: q(d.value), data: d.data, gas: q(d.gas) };
      const draft = d.space === 'core' ? await buildCoreDraft(this.deps.drafts, { ...call, storageLimit: q(d.storageLimit ?? 0n) }, d.from) : await buildEspaceDraft(this.deps.drafts, call, d.from);
      const facts = preparedFacts(d.space, draft, d.from);
      drafts.push(draft);
      maxTotal[d.space] += facts.maxTotalNative;
      steps.push({ step: d.step, space: d.space, from: d.from, to: d.to, transaction: facts.review, later: i > 0 });
    }
    for (const space of SPACES) {
      if (maxTotal[space] > 0n) await this.assertAffordable(space, space === 'core' ? core : espace, maxTotal[space], request.kind === 'espace_to_core' && space === 'core');
    }
    const kept: KeptTransfer = { network, kind: request.kind, accountId: request.accountId, from: plan.from!, to: plan.to, amount: request.amount.toString(), drafts };
    const { id, expiresAt } = await this.prepared.put(kept);
    return {
      id, expiresAt, network, kind: request.kind, accountId: request.accountId, from: plan.from!, to: plan.to, amount: plan.amount.toString(), mapped: plan.mapped, steps,
      notes: plan.notes.map((n) => ({ code: n.code, params: { ...n.params } })),
      maxTotal: { core: maxTotal.core.toString(), espace: maxTotal.espace.toString() },
    };
  }

  /** Signs and sends the first step of a prepared transfer; the transfer is recorded before it is broadcast. */
  async send(id: string): Promise<CrossSpaceTransferView> {
    if (!(await this.deps.keyring.isUnlocked())) throw new VaultLockedError();
    const kept = await this.prepared.take(id);
    const { network, chainIds } = this.deps.chain.status();
    const first = kept.drafts[0]!;
    const space: Space = kept.kind === 'core_to_espace' ? 'core' : 'espace';
    if (network !== kept.network || first.chainId !== chainIds[space]) throw new ChainChangedError(first.chainId, chainIds[space]);
    const plan = this.planOf(kept, chainIds);
    const signed = await signChecked(this.deps.keyring, { accountId: kept.accountId, from: kept.from, space, draft: first, activeChainId: chainIds[space] });
    const transferId = bytesToHex(this.deps.randomBytes(16)).slice(2);
    const record = transferRecordToJson(transferId, plan, [signed.hash], this.deps.now());
    await this.records.put(network, { record, accountId: kept.accountId });
    await broadcastChecked(signed, (raw) => this.deps.chain.sendTransaction(space, raw));
    return this.transfer(transferId);
  }

  /** The transfer's status from proved receipts; sends the withdrawal when the funding step is proved. */
  async transfer(id: string): Promise<CrossSpaceTransferView> {
    const { network } = this.deps.chain.status();
    const loaded = await this.records.get(network, id);
    if (!loaded) throw new CrossSpaceError('crossspace.record', 'no such transfer on this network', { details: 'id' });
    let view = await this.view(loaded, true);
    if (view.state === 'awaiting_withdraw' && loaded.record.hashes[1] === null) {
      if (!(await this.deps.keyring.isUnlocked())) return { ...view, waiting: 'locked' };
      await this.sendWithdrawal(network, loaded);
      view = await this.view((await this.records.get(network, id))!, false);
    }
    return view;
  }

  /** Every transfer of the active network, newest first, from what is known without proving anything new. */
  async transfers(): Promise<CrossSpaceTransferView[]> {
    const { network } = this.deps.chain.status();
    return Promise.all((await this.records.list(network)).map((t) => this.view(t, false)));
  }

  private sendWithdrawal(network: NetworkKey, loaded: LoadedTransfer): Promise<void> {
    const id = loaded.record.id;
    const running = this.withdrawing.get(id);
    if (running) return running;
    const run = (async () => {
      const d = loaded.plan.drafts[1]!;
      const draft = await buildCoreDraft(this.deps.drafts, { from: d.from, to: d.to, value: q(d.value), data: d.data, gas: q(d.gas), storageLimit: q(0n) }, d.from);
      const signed = await signChecked(this.deps.keyring, { accountId: loaded.accountId, from: d.from, space: 'core', draft, activeChainId: draft.chainId });
      const record = { ...loaded.record, hashes: [loaded.record.hashes[0] ?? null, signed.hash.toLowerCase()] };
      await this.records.put(network, { record, accountId: loaded.accountId });
      try {
        await broadcastChecked(signed, (raw) => this.deps.chain.sendTransaction('core', raw));
      } catch (error) {
        // Not broadcast anywhere: forget the hash so the withdrawal is tried again.
        await this.records.put(network, { record: loaded.record, accountId: loaded.accountId });
        throw error;
      }
    })().finally(() => this.withdrawing.delete(id));
    this.withdrawing.set(id, run);
    return run;
  }

  private async view(loaded: LoadedTransfer, refresh: boolean): Promise<CrossSpaceTransferView> {
    const rt = this.deps.chain.activeRuntime();
    const observations = await observeSteps(rt, loaded.plan.drafts, loaded.record.hashes, (hash) => (refresh ? this.deps.chain.refreshTransaction(hash) : Promise.resolve()));
    const status = transferStatus(loaded.plan, observations);
    const { record, plan } = loaded;
    return {
      id: record.id, kind: record.kind === 'espace_to_core' ? 'espace_to_core' : 'core_to_espace', from: record.from, to: record.to, amount: record.amount, createdAt: record.createdAt, mapped: plan.mapped,
      state: status.state,
      steps: status.steps.map((s) => ({ step: s.step, space: s.space, hash: s.hash, state: s.state, fee: s.fee === null ? null : s.fee.toString(), epoch: s.epoch, trust: s.trust, problems: [...s.problems] })),
      credited: status.credited ? { ...status.credited, amount: status.credited.amount.toString() } : null,
      fees: { core: status.fees.core.toString(), espace: status.fees.espace.toString() },
      trust: status.trust,
      waiting: null,
    };
  }

  private planOf(kept: KeptTransfer, chainIds: { core: number; espace: number }): CrossSpacePlan {
    const network = { coreChainId: chainIds.core, espaceChainId: chainIds.espace };
    const intent: CrossSpaceIntent = { kind: kept.kind, from: kept.from, to: kept.to, amount: BigInt(kept.amount) };
    return planCrossSpaceTransfer(intent, { network, ownCoreAccounts: kept.kind === 'espace_to_core' ? [kept.to] : [] });
  }

  private async account(accountId: string): Promise<{ coreHex: string; espaceAddress: string }> {
    if (!(await this.deps.keyring.isUnlocked())) throw new VaultLockedError();
    const account = (await this.deps.keyring.listAccounts()).find((a) => a.id === accountId);
    if (!account) throw new UnknownAccountError();
    return account;
  }

  /** Whether the eSpace receiver exists (has a nonce, balance or code) and is a contract, as one node says (it only sets the gas). */
  private async espaceReceiver(address: string): Promise<{ exists: boolean; hasCode: boolean }> {
    const [code, nonce, balance] = await Promise.all([
      this.deps.chain.read('espace', 'eth_getCode', [address, 'latest']),
      this.deps.chain.read('espace', 'eth_getTransactionCount', [address, 'latest']),
      this.deps.chain.read('espace', 'eth_getBalance', [address, 'latest']),
    ]);
    const hasCode = typeof code === 'string' && code !== '0x' && code !== '0x0';
    const exists = hasCode || (typeof nonce === 'string' && BigInt(nonce) > 0n) || (typeof balance === 'string' && BigInt(balance) > 0n);
    return { exists, hasCode };
  }

  private async assertAffordable(space: Space, address: string, needed: bigint, forWithdrawFee: boolean): Promise<void> {
    const [view] = await this.deps.chain.balances(space, [address]);
    if (!view || view.value === null) return; // disputed: the nodes refuse an uncovered transaction
    const available = BigInt(view.value) - this.deps.chain.reservedInFlight(space, address);
    if (needed > available) {
      throw new InsufficientFundsError(
        forWithdrawFee
          ? `The Core account ${address} pays the withdrawal's fee on Core (up to ${needed} drip) but has ${available > 0n ? available : 0n} drip. Put some CFX on Core first.`
          : `The amount plus the most the fees can be (${needed} drip) is more than the balance available (${available > 0n ? available : 0n} drip).`,
      );
    }
  }
}
