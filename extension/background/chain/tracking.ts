/**
 * The wallet's transactions on the active network: broadcasting signed bytes and tracking them
 * (through the runtime's tracker, which persists every record), what the wallet knew of each when
 * it sent it (labels: token symbol and decimals, shown in Activity), refreshing, resending, and the
 * tracked records with their signed bytes (for speed-up and cancel). One job over the network
 * session (session.ts); each change the tracker records is announced on the bus as
 * `transactionChanged`, as pages see it.
 *
 * Threat model: the tracker decodes and checks the bytes it is given (chain id, sender) before it
 * sends or stores them; labels only name what the bytes already say (a label for another contract
 * is not shown, views.ts).
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import type { Space } from '../../../core/space.js';
import type { TxView } from '../../shared/ui-api/chain.js';
import type { BackgroundBus } from '../events.js';
import type { NetworkSession } from './session.js';
import type { ChainStore, TxLabel } from './store.js';
import { txView } from './views.js';

export interface TrackingDeps {
  session: Pick<NetworkSession, 'activeRuntime' | 'sync'>;
  store: ChainStore;
  bus: BackgroundBus;
}

export class TrackedTransactions {
  /** What the wallet knew about its own transactions when it sent them (token symbol, decimals), by hash. */
  private labels = new Map<string, TxLabel>();

  private constructor(private readonly deps: TrackingDeps) {}

  /** Loads the active network's labels, and again after each network switch. */
  static async start(deps: TrackingDeps): Promise<TrackedTransactions> {
    const job = new TrackedTransactions(deps);
    job.labels = await deps.store.loadLabels(deps.session.activeRuntime().network);
    deps.bus.on('networkChanged', ({ network }) => {
      // Labels given meanwhile (a send right after the switch) are kept over the stored ones.
      const mine = (job.labels = new Map<string, TxLabel>());
      void deps.store.loadLabels(network).then((stored) => {
        for (const [hash, label] of stored) if (!mine.has(hash)) mine.set(hash, label);
      }, () => undefined);
    });
    deps.bus.on('transactionRecorded', (record) => deps.bus.emit('transactionChanged', job.view(record)));
    return job;
  }

  private get tracker() {
    return this.deps.session.activeRuntime().tracker;
  }

  private view(record: TrackedTransaction): TxView {
    return txView(record, this.labels.get(record.hash.toLowerCase()));
  }

  async sendTransaction(space: Space, raw: Hex, replaces?: string): Promise<TxView> {
    const record = await this.tracker.send(space, raw, replaces === undefined ? {} : { replaces });
    return this.view(record);
  }

  async sendRawTransaction(space: Space, raw: Hex): Promise<Hex> {
    return (await this.sendTransaction(space, raw)).hash as Hex;
  }

  /** Remembers what the wallet knew about a transaction it is about to send (shown in Activity). */
  async labelTransaction(hash: string, label: TxLabel): Promise<void> {
    this.labels.set(hash.toLowerCase(), label);
    await this.deps.store.putLabel(this.deps.session.activeRuntime().network, hash, label);
  }

  transactions(): TxView[] {
    return this.tracker.list().map((r) => this.view(r));
  }

  async refreshTransaction(hash: string): Promise<TxView> {
    // Proving needs the newest finality; a sync is cheap when nothing changed.
    await this.deps.session.sync();
    return this.view(await this.tracker.refresh(hash));
  }

  async resendTransaction(hash: string): Promise<TxView> {
    return this.view(await this.tracker.resend(hash));
  }

  /** A tracked transaction with its signed bytes (for speed-up and cancel, see wallet/replacement.ts). */
  tracked(hash: string): TrackedTransaction | undefined {
    return this.tracker.get(hash);
  }
}
