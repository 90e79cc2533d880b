/**
 * The wallet's own transfers of CFX and tokens: prepare (complete the transaction, keep it under
 * an id, return exactly what will be signed), "Max", and send (sign the kept transaction with the
 * vault, check the signed bytes, broadcast through the chain service's tracker).
 *
 * Transaction completion (nonce, gas and storage estimates, epoch height, fees, core/tx
 * validation) is the wing's draft builder, reading the chain service directly, so dApp and wallet
 * transfers are built the same way.
 *
 * Threat model: the UI page is trusted to show what it gets, but not to hold state: signing takes
 * only an id, the kept transaction is used as prepared, and the signed bytes must decode to the
 * reviewed transaction and the account's address before they are broadcast (core/tx/signed-check.ts,
 * the check dApp approvals use too). Speed-up, cancel and gap-filling sends are prepared transfers
 * like any other (replacement.ts, nonce-gap.ts). Nodes are not trusted
 * for balances beyond the chain service's cross-checks; a token's decimals typed by the user are
 * compared with the contract's own (cross-checked) answer. A locked wallet prepares and signs nothing.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { Trust } from '../../../core/trust/types.js';
import type { ReplacementKind } from '../../../core/chain/transactions/replacement.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import type { BalanceView, TokenInfoView, TxView } from '../../shared/ui-api/chain.js';
import type { MaxSendableView, PreparedSendView } from '../../shared/ui-api/sends.js';
import type { TxLabel } from '../chain/store.js';
import { largestNativeSend } from '../chain/tx-cost.js';
import { buildCoreDraft, buildEspaceDraft } from './draft-builder.js';
import { describeTransaction } from '../../../core/effects/transaction.js';
import { effectsToJson } from '../../../core/effects/json.js';
import type { DraftChain } from './draft-chain.js';
import { broadcastChecked, signChecked, type SigningKeyring } from './sign.js';
import { ChainChangedError, InsufficientFundsError, TokenDecimalsMismatchError, UnknownAccountError, VaultLockedError } from './errors.js';
import { PreparedSends } from './prepared.js';
import { decodeKept, explainUnavailableNodes, type KeptSend } from './kept-send.js';
import type { KeyValueArea } from '../storage-area.js';
import type { TransactionDraft } from '../../shared/provider-approvals.js';
import { findNonceGap } from './nonce-gap.js';
import { outbid, replacementDraft } from './replacement.js';
import { encodeRevokeCall } from '../../../core/activity/allowances.js';
import { addressOnActiveNetwork, preparedFacts, spaceAddress, transferCall, type ChainIds, type PreparedFacts, type TokenSpec } from './send-preparation.js';

/** What sending uses of the chain service (structural; see extension/background/chain/service.ts). */
export interface SendChain {
  status(): { network: NetworkKey; chainIds: ChainIds };
  balances(space: Space, addresses: readonly string[], tokens?: readonly string[]): Promise<BalanceView[]>;
  reservedInFlight(space: Space, address: string): bigint;
  tokenInfo(space: Space, address: string): Promise<TokenInfoView>;
  labelTransaction(hash: string, label: TxLabel): Promise<void>;
  sendTransaction(space: Space, raw: Hex, replaces?: string): Promise<TxView>;
  /** The wallet's tracked transactions, and one of them with its signed bytes. */
  transactions(): TxView[];
  tracked(hash: string): TrackedTransaction | undefined;
  /** The account nonce at the verified epoch (cross-checked; null when nodes disagree). */
  nonce(space: Space, address: string): Promise<{ value: string | null }>;
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
}

/** What sending uses of the vault keyring (see extension/background/vault/provider-keyring.ts). */
export interface SendKeyring extends SigningKeyring {
  listAccounts(): Promise<{ id: string; coreHex: string; espaceAddress: string }[]>;
}

export interface WalletSendDeps {
  chain: SendChain;
  /** The chain as the draft builder reads it (draft-chain.ts: the chain service itself). */
  drafts: DraftChain;
  keyring: SendKeyring;
  now(): number;
  randomBytes(length: number): Uint8Array;
  /** Where prepared transfers wait for their signature (chrome.storage.session: survives worker restarts). */
  preparedArea: KeyValueArea;
}

export interface SendRequest {
  space: Space;
  accountId: string;
  /** Recipient in the space's form on the active network. */
  to: string;
  /** Smallest unit of the asset. */
  amount: bigint;
  token?: TokenSpec | undefined;
  /** When a nonce gap blocks the account: wait behind it (default) or fill it. */
  nonce?: 'queue' | 'fill' | undefined;
}

const q = (n: bigint): Hex => `0x${n.toString(16)}`;

export class WalletSendService {
  private readonly prepared: PreparedSends<KeptSend>;

  constructor(private readonly deps: WalletSendDeps) {
    this.prepared = new PreparedSends({ now: deps.now, randomBytes: deps.randomBytes, area: deps.preparedArea, decode: decodeKept });
  }

  /** Completes the transfer and keeps it for {@link send}; returns every field as it will be signed. */
  async prepare(request: SendRequest): Promise<PreparedSendView> {
    return explainUnavailableNodes(request.space, () => this.prepareTransfer(request));
  }

  /**
   * The largest amount that can be sent: for CFX the cross-checked balance minus the transfer's
   * max fee and collateral and what transactions in flight may take; for a token its balance.
   */
  async maxSendable(space: Space, accountId: string, token?: TokenSpec): Promise<MaxSendableView> {
    return explainUnavailableNodes(space, () => this.largestSendable(space, accountId, token));
  }

  private async prepareTransfer(request: SendRequest): Promise<PreparedSendView> {
    const { space, amount, token } = request;
    const { from } = await this.account(space, request.accountId);
    const { network, chainIds } = this.deps.chain.status();
    const recipientHex = addressOnActiveNetwork(space, request.to, chainIds);
    const call = transferCall(space, chainIds, recipientHex, amount, token);

    let decimalsTrust: Trust | null = null;
    let native: BalanceView | undefined;
    if (token) {
      const [info, balances] = await Promise.all([this.deps.chain.tokenInfo(space, call.to), this.senderBalances(space, from, call.to)]);
      if (info.decimals.value !== null && info.decimals.value !== token.decimals) throw new TokenDecimalsMismatchError(token.decimals, info.decimals.value);
      decimalsTrust = info.decimals.value === null ? null : info.decimals.trust;
      const tokenBalance = balances.token?.value == null ? null : BigInt(balances.token.value);
      if (tokenBalance !== null && tokenBalance < amount) throw new InsufficientFundsError(`The ${token.symbol} balance (${tokenBalance} base units) is less than the amount (${amount}).`);
      native = balances.native;
    }

    const built = await this.build(space, from, call);
    const nonceGap = await this.nonceGap(space, from, BigInt(built.draft.nonce));
    let { draft, facts } = built;
    let replaces: PreparedSendView['replaces'] = null;
    if (request.nonce === 'fill' && nonceGap) {
      draft = { ...draft, nonce: q(BigInt(nonceGap.accountNonce)) };
      const blocking = nonceGap.blocking ? this.deps.chain.tracked(nonceGap.blocking.hash) : undefined;
      if (blocking) {
        outbid(space, draft, blocking.raw);
        replaces = { hash: blocking.hash, kind: 'fill_gap' };
      }
      facts = preparedFacts(space, draft, from);
    }
    this.assertAffordable(space, from, facts.maxTotalNative, native ?? (await this.senderBalances(space, from)).native);
    const kept: KeptSend = { network, space, accountId: request.accountId, from, draft, token: token ?? null, replaces: replaces?.hash ?? null };
    return this.view(kept, facts, { recipient: spaceAddress(space, recipientHex, chainIds), amount, call, decimalsTrust, replaces, nonceGap });
  }

  /**
   * Prepares the speed-up or cancel of the tracked transaction `hash` of `accountId`: reviewed and
   * sent with {@link send} like a transfer (so signed through the same check).
   */
  async prepareReplacement(hash: string, kind: ReplacementKind, accountId: string): Promise<PreparedSendView> {
    const record = this.deps.chain.tracked(hash);
    if (!record) throw new InvalidInputError('the wallet is not tracking that transaction');
    return explainUnavailableNodes(record.space, async () => {
      const { from } = await this.account(record.space, accountId);
      const { network, chainIds } = this.deps.chain.status();
      if (addressOnActiveNetwork(record.space, from, chainIds, 'sender') !== addressOnActiveNetwork(record.space, record.from, chainIds, 'sender')) throw new InvalidInputError('that transaction was not sent from this account');
      const draft = await replacementDraft((space, method, params) => this.deps.chain.read(space, method, params), record, kind);
      const facts = preparedFacts(record.space, draft, from);
      const kept: KeptSend = { network, space: record.space, accountId, from, draft, token: null, replaces: record.hash };
      const recipient = spaceAddress(record.space, addressOnActiveNetwork(record.space, facts.review.to, chainIds), chainIds);
      return this.view(kept, facts, { recipient, amount: BigInt(facts.review.value), call: null, decimalsTrust: null, replaces: { hash: record.hash, kind }, nonceGap: null });
    });
  }

  /** Revoke of an allowance: `approve(spender, 0)` to `token`, reviewed and sent with {@link send} like a transfer. */
  async prepareRevoke(space: Space, accountId: string, token: string, spender: string): Promise<PreparedSendView> {
    return explainUnavailableNodes(space, async () => {
      const { from } = await this.account(space, accountId);
      const { network, chainIds } = this.deps.chain.status();
      const to = spaceAddress(space, addressOnActiveNetwork(space, token, chainIds, 'token contract'), chainIds);
      const spenderHex = addressOnActiveNetwork(space, spender, chainIds, 'spender');
      const { draft, facts } = await this.build(space, from, { to, value: 0n, data: encodeRevokeCall(spenderHex) });
      this.assertAffordable(space, from, facts.maxTotalNative, (await this.senderBalances(space, from)).native);
      const kept: KeptSend = { network, space, accountId, from, draft, token: null, replaces: null };
      return this.view(kept, facts, { recipient: to, amount: 0n, call: null, decimalsTrust: null, replaces: null, nonceGap: null });
    });
  }

  /** Keeps `kept` for {@link send} and returns every field of it as it will be signed. */
  private async view(
    kept: KeptSend,
    facts: PreparedFacts,
    shown: { recipient: string; amount: bigint; call: { to: string } | null; decimalsTrust: Trust | null; replaces: PreparedSendView['replaces']; nonceGap: PreparedSendView['nonceGap'] },
  ): Promise<PreparedSendView> {
    const { id, expiresAt } = await this.prepared.put(kept);
    const { network, space, accountId, from, token } = kept;
    const { amount, call, decimalsTrust } = shown;
    return {
      id,
      expiresAt,
      network,
      space,
      accountId,
      from,
      recipient: shown.recipient,
      asset: token && call ? { kind: 'token', contract: call.to, symbol: token.symbol, decimals: token.decimals, decimalsTrust } : { kind: 'native', symbol: 'CFX', decimals: 18 },
      amount: amount.toString(),
      transaction: facts.review,
      effects: effectsToJson(describeTransaction({ space, chainId: kept.draft.chainId, to: kept.draft.to, value: kept.draft.value, data: kept.draft.data })),
      replaces: shown.replaces,
      nonceGap: shown.nonceGap,
    };
  }

  /** The gap in front of `queued` in `from`'s queue (nonce-gap.ts), from the higher of the verified and the nodes' latest nonce. */
  private async nonceGap(space: Space, from: string, queued: bigint): Promise<PreparedSendView['nonceGap']> {
    const own = this.deps.chain.transactions().filter((tx) => tx.space === space && tx.from.toLowerCase() === from.toLowerCase());
    // Without own transactions in flight below it, the queued nonce is the account's own (see draft-builder's chooseNonce).
    if (!own.some((tx) => BigInt(tx.nonce) < queued && (tx.status === 'pending' || tx.status === 'possibly_censored'))) return null;
    const [verified, latest] = await Promise.all([
      this.deps.chain.nonce(space, from).then((n) => (n.value === null ? 0n : BigInt(n.value))),
      this.deps.chain.read(space, space === 'core' ? 'cfx_getNextNonce' : 'eth_getTransactionCount', [from, space === 'core' ? 'latest_state' : 'latest']).then((n) => (typeof n === 'string' && /^0x[0-9a-f]+$/i.test(n) ? BigInt(n) : 0n)),
    ]);
    return findNonceGap(verified > latest ? verified : latest, queued, own, this.deps.now());
  }

  private async largestSendable(space: Space, accountId: string, token?: TokenSpec): Promise<MaxSendableView> {
    const { from } = await this.account(space, accountId);
    const { chainIds } = this.deps.chain.status();
    const reserved = this.deps.chain.reservedInFlight(space, from);
    if (token) {
      const contract = spaceAddress(space, addressOnActiveNetwork(space, token.contract, chainIds, 'token contract'), chainIds);
      const view = (await this.senderBalances(space, from, contract)).token;
      if (!view || view.value === null) throw new InsufficientFundsError('Nodes disagree about the token balance, so no maximum can be given.');
      return { amount: view.value, balance: view.value, trust: view.trust, epoch: view.epoch, maxFee: null, maxCollateral: null, reservedInFlight: reserved.toString() };
    }
    // The fee of a plain transfer: estimated for one to the sender itself (same gas for any account).
    const fromHex = addressOnActiveNetwork(space, from, chainIds, 'sender');
    const [{ facts }, { native: balance }] = await Promise.all([this.build(space, from, { to: spaceAddress(space, fromHex, chainIds), value: 0n, data: '0x' }), this.senderBalances(space, from)]);
    if (balance.value === null) throw new InsufficientFundsError('Nodes disagree about the balance, so no maximum can be given.');
    const amount = largestNativeSend({ balance: BigInt(balance.value), cost: facts.cost, reservedInFlight: reserved });
    return {
      amount: amount.toString(),
      balance: balance.value,
      trust: balance.trust,
      epoch: balance.epoch,
      maxFee: facts.cost.maxFee.toString(),
      maxCollateral: facts.cost.maxCollateral === null ? null : facts.cost.maxCollateral.toString(),
      reservedInFlight: reserved.toString(),
    };
  }

  /** Signs the prepared transaction `id` exactly as prepared, checks the signature, and broadcasts it. */
  async send(id: string): Promise<{ hash: string; tx: TxView }> {
    if (!(await this.deps.keyring.isUnlocked())) throw new VaultLockedError();
    const kept = await this.prepared.take(id);
    const facts = preparedFacts(kept.space, kept.draft, kept.from);
    const { network, chainIds } = this.deps.chain.status();
    const active = chainIds[kept.space];
    if (network !== kept.network || facts.review.chainId !== active) throw new ChainChangedError(facts.review.chainId, active);
    const signed = await signChecked(this.deps.keyring, { accountId: kept.accountId, from: kept.from, space: kept.space, draft: kept.draft, activeChainId: active });
    // Labelled before it is sent, so the first status event already names the token.
    if (kept.token) await this.deps.chain.labelTransaction(signed.hash, { token: { contract: facts.signable.input.to ?? '', symbol: kept.token.symbol, decimals: kept.token.decimals } });
    const tx = await broadcastChecked(signed, (raw) => this.deps.chain.sendTransaction(kept.space, raw, kept.replaces ?? undefined));
    return { hash: tx.hash, tx };
  }

  private async account(space: Space, accountId: string): Promise<{ from: string }> {
    if (!(await this.deps.keyring.isUnlocked())) throw new VaultLockedError();
    const account = (await this.deps.keyring.listAccounts()).find((a) => a.id === accountId);
    if (!account) throw new UnknownAccountError();
    const { chainIds } = this.deps.chain.status();
    return { from: spaceAddress(space, space === 'core' ? account.coreHex : account.espaceAddress.toLowerCase(), chainIds) };
  }

  private async build(space: Space, from: string, call: { to: string; value: bigint; data: Hex }): Promise<{ draft: TransactionDraft; facts: PreparedFacts }> {
    const request = { from, to: call.to, value: q(call.value), data: call.data };
    const draft = space === 'core' ? await buildCoreDraft(this.deps.drafts, request, from) : await buildEspaceDraft(this.deps.drafts, request, from);
    return { draft, facts: preparedFacts(space, draft, from) };
  }

  /** The sender's CFX balance and, with `token`, its balance of that token: one read for both. */
  private async senderBalances(space: Space, from: string, token?: string): Promise<{ native: BalanceView; token: BalanceView | undefined }> {
    const views = await this.deps.chain.balances(space, [from], token === undefined ? [] : [token]);
    const native = views.find((v) => v.token === undefined);
    if (!native) throw new InvalidInputError('no balance was returned for the sender');
    return { native, token: views.find((v) => v.token !== undefined) };
  }

  /** Refuses a transfer the balance cannot cover (value + max fee + collateral, plus what is in flight). */
  private assertAffordable(space: Space, from: string, maxTotal: bigint, balance: BalanceView): void {
    // Disputed balance: nothing to check against; the nodes refuse an uncovered transaction.
    if (balance.value === null) return;
    const available = BigInt(balance.value) - this.deps.chain.reservedInFlight(space, from);
    if (maxTotal > available) {
      throw new InsufficientFundsError(`Amount plus the most the fee can be (${maxTotal} drip) is more than the balance available (${available > 0n ? available : 0n} drip at epoch ${balance.epoch}). Use Max, or send less.`);
    }
  }
}
