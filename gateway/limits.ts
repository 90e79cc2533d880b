/**
 * Per-client limits of the gateway: a token bucket per client (calls per second with a burst) and
 * a counter of connections per source address, both in bounded maps.
 */
export class TokenBucket {
  #tokens: number;
  #at: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#tokens = burst;
    this.#at = now();
  }

  /** Takes `cost` tokens if there are enough. */
  take(cost = 1): boolean {
    const t = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#at) / 1000) * this.ratePerSecond);
    this.#at = t;
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }
}

/** Token buckets keyed by client (e.g. source address), forgetting the least recent beyond `maxClients`. */
export class BucketMap {
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxClients = 10_000,
  ) {}

  take(client: string, cost = 1): boolean {
    let bucket = this.#buckets.get(client);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst);
      if (this.#buckets.size >= this.maxClients) this.#buckets.delete(this.#buckets.keys().next().value!);
    } else this.#buckets.delete(client);
    this.#buckets.set(client, bucket);
    return bucket.take(cost);
  }
}

/** Open connections per source address. */
export class ConnectionCounter {
  readonly #counts = new Map<string, number>();
  total = 0;

  constructor(
    private readonly perAddress: number,
    private readonly overall: number,
  ) {}

  /** Counts a new connection, or returns false when a limit is reached. */
  open(address: string): boolean {
    const n = this.#counts.get(address) ?? 0;
    if (n >= this.perAddress || this.total >= this.overall) return false;
    this.#counts.set(address, n + 1);
    this.total++;
    return true;
  }

  close(address: string): void {
    const n = this.#counts.get(address) ?? 0;
    if (n <= 1) this.#counts.delete(address);
    else this.#counts.set(address, n - 1);
    if (n > 0) this.total--;
  }
}
