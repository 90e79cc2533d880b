/**
 * Per-site rate limit for the read-only node methods pages may call through the wallet.
 *
 * Threat model: every read a page sends goes to the user's nodes from the user's IP address; a page
 * (or many iframes of one site) looping on reads would spend the nodes' rate limits — public nodes
 * throttle per IP, so the wallet's own verification reads would start failing. Each site (the
 * registrable domain of the requesting frame, so sub-origins share it) gets a token bucket: a burst
 * of READ_BURST reads, refilled at READ_RATE_PER_SECOND. Over the limit a read is refused with
 * -32005 at once, before any node is asked. Pure: time injected.
 * @module
 */

export const READ_BURST = 120;
export const READ_RATE_PER_SECOND = 20;
/** Buckets kept at most (the oldest are dropped; a dropped bucket starts full again). */
const MAX_SITES = 500;

export class ReadLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /** Takes one read for `site`; false when the site is over its limit. */
  take(site: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(site) ?? { tokens: READ_BURST, at: now };
    const tokens = Math.min(READ_BURST, bucket.tokens + ((now - bucket.at) / 1000) * READ_RATE_PER_SECOND);
    this.buckets.delete(site);
    if (this.buckets.size >= MAX_SITES) this.buckets.delete(this.buckets.keys().next().value!);
    if (tokens < 1) {
      this.buckets.set(site, { tokens, at: now });
      return false;
    }
    this.buckets.set(site, { tokens: tokens - 1, at: now });
    return true;
  }
}
