/**
 * Reads about accounts on the active network: balances (CFX and tokens, at the latest verified
 * epoch, stored as the last known values), the last known balances, nonces, what the account's own
 * transactions in flight may still take, token contracts' self-description, and incoming transfers.
 * One job over the network session (session.ts); values that differ from the stored ones are
 * announced on the bus as `balancesChanged`, with the values.
 *
 * Threat model: every address is checked to be one of the space on the active network before it
 * is read; values come with their trust level from the account reader (proved or cross-checked);
 * the stored last known values are labelled `cached` with their age, never passed off as fresh.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import type { Clock } from '../../../core/rpc/clock.js';
import { addressKeyOf } from '../../../core/trust/account-reader.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import type { BalanceView, IncomingView, SourceView, TokenInfoView } from '../../shared/ui-api/chain.js';
import type { BackgroundBus } from '../events.js';
import { balanceIncrease, mergeEntries } from './incoming.js';
import type { ActiveNetwork } from './session.js';
import type { ChainStore, StoredBalance } from './store.js';
import { historyKey, readTokenInfo, scanIncoming } from './token-reads.js';
import { balanceView, maxNativeSpend, sourcesView } from './views.js';

export interface AccountsDeps {
  session: ActiveNetwork;
  store: ChainStore;
  clock: Clock;
  bus: BackgroundBus;
}

/** An account nonce at the verified epoch, and the next one after the account's transactions in flight. */
export interface NonceView {
  value: string | null;
  pending: string;
  trust: BalanceView['trust'];
  epoch: number;
  sources: SourceView[];
  proof?: NonNullable<BalanceView['proof']>;
  fallback?: NonNullable<BalanceView['fallback']>;
}

/** Tracked statuses whose transaction may still take value and fees from the balance. */
const IN_FLIGHT: ReadonlySet<TrackedTransaction['status']> = new Set(['pending', 'included', 'possibly_censored']);

export class Accounts {
  constructor(private readonly deps: AccountsDeps) {}

  private balanceKey(space: Space, address: string, token?: string): string {
    const network = this.deps.session.activeRuntime().network;
    return `${network}/${space}/${addressKeyOf(space, address)}/${token === undefined ? 'native' : addressKeyOf(space, token)}`;
  }

  private assert(space: Space, addresses: readonly string[]): void {
    for (const address of addresses) this.deps.session.assertAddress(space, address);
  }

  /** Last values read from the network (native, then each of `tokens`), from storage (labelled cached). */
  async lastKnownBalances(space: Space, addresses: readonly string[], tokens: readonly string[] = []): Promise<BalanceView[]> {
    this.assert(space, [...addresses, ...tokens]);
    const network = this.deps.session.activeRuntime().network;
    const out: BalanceView[] = [];
    for (const address of addresses) {
      for (const token of [undefined, ...tokens]) {
        const stored = await this.deps.store.getBalance(this.balanceKey(space, address, token));
        if (stored && stored.network === network) {
          const { network: _network, ...view } = stored;
          out.push({ ...view, cached: true });
        }
      }
    }
    return out;
  }

  /**
   * Fresh balances at the latest verified epoch (native, then each token), stored for next time.
   * `announce: 'all'` announces every value read (the refresh after a sync), not only new ones.
   */
  async balances(space: Space, addresses: readonly string[], tokens: readonly string[] = [], announce: 'changed' | 'all' = 'changed'): Promise<BalanceView[]> {
    this.assert(space, [...addresses, ...tokens]);
    const rt = this.deps.session.activeRuntime();
    const now = () => this.deps.clock.now();
    const jobs = addresses.flatMap((address) => [
      async () => balanceView({ space, address, value: await rt.reader.getBalance(space, address), now: now() }),
      ...tokens.map((token) => async () => balanceView({ space, address, token, value: await rt.reader.getTokenBalance(space, token, address), now: now() })),
    ]);
    const views = await Promise.all(jobs.map((job) => job()));
    const entries = views.map((v) => ({ key: this.balanceKey(space, v.address, v.token), value: { ...withoutCached(v), network: rt.network } }));
    // Announced (by default) only when a value differs from the stored one: pages take announced
    // values as they come, and a read that announced every time would tell them nothing new.
    const changed: BalanceView[] = [];
    for (const [i, entry] of entries.entries()) {
      const before = await this.deps.store.getBalance(entry.key);
      const view = views[i]!;
      if (before?.value !== entry.value.value) changed.push(view);
      const increase = before && before.network === rt.network && view.token === undefined ? balanceIncrease(space, view.address, before, view, now()) : null;
      if (increase) {
        const key = historyKey(rt.network, space, view.address);
        await this.deps.store.putHistory(key, mergeEntries(await this.deps.store.getHistory(key), [increase]));
      }
    }
    await this.deps.store.putBalances(entries);
    const announced = announce === 'all' ? views : changed;
    if (announced.length > 0 && rt === this.deps.session.activeRuntime()) this.deps.bus.emit('balancesChanged', { space, addresses: [...new Set(announced.map((v) => v.address))], balances: announced });
    return views;
  }

  /**
   * The most the account's own transactions still in flight (sent, not yet proved or given up) can
   * take from its balance: value + max fee + max collateral each. Balances are read at the
   * verified epoch, which is behind them.
   */
  reservedInFlight(space: Space, address: string): bigint {
    this.assert(space, [address]);
    const key = addressKeyOf(space, address);
    let reserved = 0n;
    for (const record of this.deps.session.activeRuntime().tracker.list()) if (record.space === space && IN_FLIGHT.has(record.status) && addressKeyOf(space, record.from) === key) reserved += maxNativeSpend(record);
    return reserved;
  }

  /**
   * Money that came in to `address` (see incoming.ts for what can and cannot be known): `Transfer`
   * events of `tokens` to it over recent verified epochs, and CFX balance increases between reads.
   */
  async incoming(space: Space, address: string, tokens: readonly { address: string; symbol: string; decimals: number }[]): Promise<IncomingView[]> {
    this.assert(space, [address, ...tokens.map((t) => t.address)]);
    return scanIncoming({ rt: this.deps.session.activeRuntime(), store: this.deps.store, now: () => this.deps.clock.now() }, space, address, tokens);
  }

  /** A token contract's `symbol()`, `name()` and `decimals()` at the verified epoch, cross-checked. */
  async tokenInfo(space: Space, address: string): Promise<TokenInfoView> {
    this.assert(space, [address]);
    return readTokenInfo(this.deps.session.activeRuntime(), space, address);
  }

  async nonce(space: Space, address: string): Promise<NonceView> {
    this.assert(space, [address]);
    const rt = this.deps.session.activeRuntime();
    const read = await rt.reader.getNonce(space, address);
    const pending = read.value === undefined ? null : rt.tracker.pendingNonce(space, address, read.value);
    return { value: read.value === undefined ? null : read.value.toString(), pending: (pending ?? 0n).toString(), trust: read.trust, epoch: read.epoch, sources: sourcesView(read), ...(read.proof ? { proof: read.proof } : {}), ...(read.fallback ? { fallback: read.fallback } : {}) };
  }

  /** The next nonce for `address`: cross-checked state nonce, raised past own transactions in flight. */
  async nextNonce(space: Space, address: string): Promise<bigint> {
    const rt = this.deps.session.activeRuntime();
    const read = await rt.reader.getNonce(space, address);
    if (read.value === undefined) throw new WayfarerError('chain.nonce_conflict', 'nodes disagree about the account nonce');
    return rt.tracker.pendingNonce(space, address, read.value);
  }
}

function withoutCached(view: BalanceView): Omit<StoredBalance, 'network'> {
  const { cached: _cached, ...rest } = view;
  return rest;
}
