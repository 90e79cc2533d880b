/**
 * A bounded cache of answer items: least recently used first out, a byte budget and an age limit.
 * Items are untrusted and served as they came; caching only saves the node work (many wallets ask
 * for the same epoch's roots and headers). The age limit keeps a reorganised, not yet final epoch
 * from being served for long.
 */
export class ItemCache {
  readonly #items = new Map<string, { raw: Uint8Array; at: number }>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#items.size;
  }

  get(id: string): Uint8Array | undefined {
    const entry = this.#items.get(id);
    if (entry === undefined || this.now() - entry.at > this.maxAgeMs) {
      if (entry !== undefined) this.#delete(id);
      this.misses++;
      return undefined;
    }
    this.#items.delete(id);
    this.#items.set(id, entry); // most recently used last
    this.hits++;
    return entry.raw;
  }

  set(id: string, raw: Uint8Array): void {
    if (raw.length > this.maxBytes / 16) return;
    this.#delete(id);
    this.#items.set(id, { raw, at: this.now() });
    this.#bytes += raw.length;
    for (const key of this.#items.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#delete(key);
    }
  }

  #delete(id: string): void {
    const entry = this.#items.get(id);
    if (entry === undefined) return;
    this.#items.delete(id);
    this.#bytes -= entry.raw.length;
  }
}
