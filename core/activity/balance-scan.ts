/**
 * Finding the epochs in which plain CFX reached an account, which no log records, by bisecting
 * balance and nonce reads: a state machine that asks for `(balance, nonce)` at an epoch and accepts
 * the answer (IO and the reads' cross-checking stay with the caller).
 *
 * Why it is sound: without a transaction of its own (the nonce unchanged), an account's CFX balance
 * can only stay or grow — someone else's transaction cannot take CFX from it. So over an interval
 * whose two ends have the same nonce, equal balances mean nothing arrived in between, and a higher
 * balance means something did; an interval whose nonce changed is split until its ends agree or
 * it is one epoch wide. Each reported epoch carries the balances and nonces around it; where the
 * nonce did not change, the increase is exactly what arrived.
 *
 * Limits: nodes keep state for recent epochs only (older reads fail; the caller narrows the range);
 * an eSpace account with EIP-7702 delegated code can spend without a nonce change, so on eSpace a
 * delegated account breaks the monotonicity (the caller should not rely on the scan for such
 * accounts); storage-collateral refunds also count as arrivals.
 * @module
 */
import { ActivityError } from './errors.js';

export interface AccountState {
  balance: bigint;
  nonce: bigint;
}

export interface BalanceChange {
  /** The epoch whose execution changed the account (state after it differs from the one before). */
  epoch: number;
  before: AccountState;
  after: AccountState;
  /** after.balance − before.balance when the nonce did not change (CFX that arrived); null otherwise. */
  received: bigint | null;
}

export interface BalanceScanResult {
  changes: BalanceChange[];
  /** Reads made. */
  reads: number;
  /** False when `maxReads` ran out first: the epochs in `unresolved` still hide changes. */
  complete: boolean;
  unresolved: { from: number; to: number }[];
}

/** Bisects [from, to] for epochs where the account's state changed; drive with `next`/`accept`. */
export class BalanceScan {
  private readonly states = new Map<number, AccountState>();
  private readonly pending: [number, number][] = [];
  private readonly found: BalanceChange[] = [];
  private reads = 0;

  /** `from` is the epoch before the first one examined (its state is the baseline). */
  constructor(from: number, to: number, private readonly maxReads = 200) {
    const ok = (n: number) => Number.isSafeInteger(n) && n >= 0;
    if (!ok(from) || !ok(to) || from >= to) throw new ActivityError('activity.input', 'scan: expected 0 ≤ from < to', { details: 'range' });
    if (!Number.isSafeInteger(maxReads) || maxReads < 2) throw new ActivityError('activity.input', 'scan: maxReads must be at least 2', { details: 'maxReads' });
    this.pending.push([from, to]);
  }

  /** The next epoch whose state is needed, or null when the scan is done (or out of reads). */
  next(): number | null {
    for (;;) {
      const interval = this.pending[0];
      if (interval === undefined) return null;
      const [a, b] = interval;
      if (!this.states.has(a)) return this.reads < this.maxReads ? a : null;
      if (!this.states.has(b)) return this.reads < this.maxReads ? b : null;
      this.pending.shift();
      this.resolve(a, b);
    }
  }

  /**
   * The state at `epoch`, as the caller read it.
   * @throws {ActivityError} `activity.input` for an epoch not asked for, or a balance/nonce that is not a non-negative bigint
   */
  accept(epoch: number, state: AccountState): void {
    const interval = this.pending[0];
    if (interval === undefined || (epoch !== interval[0] && epoch !== interval[1]) || this.states.has(epoch)) {
      throw new ActivityError('activity.input', `scan: epoch ${epoch} was not asked for`, { details: 'epoch' });
    }
    if (typeof state?.balance !== 'bigint' || typeof state.nonce !== 'bigint' || state.balance < 0n || state.nonce < 0n) {
      throw new ActivityError('activity.input', 'scan: balance and nonce must be non-negative bigints', { details: 'state' });
    }
    this.states.set(epoch, { balance: state.balance, nonce: state.nonce });
    this.reads++;
  }

  private resolve(a: number, b: number): void {
    const sa = this.states.get(a)!;
    const sb = this.states.get(b)!;
    if (sa.nonce === sb.nonce && sa.balance === sb.balance) return;
    if (sa.nonce === sb.nonce && sb.balance < sa.balance) {
      // Cannot happen without the account's own transaction: the reads contradict each other.
      throw new ActivityError('activity.input', `scan: the balance fell between epochs ${a} and ${b} with no transaction of the account (inconsistent reads)`, { details: `${a}-${b}` });
    }
    if (b === a + 1) {
      this.found.push({ epoch: b, before: sa, after: sb, received: sa.nonce === sb.nonce ? sb.balance - sa.balance : null });
      return;
    }
    const middle = a + Math.floor((b - a) / 2);
    this.pending.unshift([a, middle], [middle, b]);
  }

  result(): BalanceScanResult {
    const done = this.next() === null && this.pending.length === 0;
    return {
      changes: [...this.found].sort((x, y) => x.epoch - y.epoch),
      reads: this.reads,
      complete: done,
      unresolved: this.pending.map(([a, b]) => ({ from: a, to: b })),
    };
  }
}

/**
 * Runs a scan to the end with a read function (the caller's cross-checked `cfx_getBalance` +
 * `cfx_getNextNonce` at an epoch, or the eSpace equivalents at a block).
 */
export async function scanBalanceChanges(range: { from: number; to: number; maxReads?: number }, read: (epoch: number) => Promise<AccountState>): Promise<BalanceScanResult> {
  const scan = new BalanceScan(range.from, range.to, range.maxReads);
  for (let epoch = scan.next(); epoch !== null; epoch = scan.next()) scan.accept(epoch, await read(epoch));
  return scan.result();
}
