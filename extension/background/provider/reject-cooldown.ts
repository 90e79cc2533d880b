/**
 * Cool-down after the user rejects a site's request: that site's next approval waits before the
 * approval window is brought up again, doubling with each rejection in a row (up to
 * REJECT_COOLDOWN_MAX_MS) and forgotten when the user approves something of the site.
 *
 * Threat model: a page that re-sends a rejected request at once can re-open the approval window as
 * fast as the user closes it, until the user clicks Approve to make it stop. Pure: time injected.
 * @module
 */

/** Cool-down after the first rejection of a site's request. */
export const REJECT_COOLDOWN_MS = 2_000;
export const REJECT_COOLDOWN_MAX_MS = 60_000;

export class RejectCooldowns {
  private readonly bySite = new Map<string, { until: number; streak: number }>();

  constructor(private readonly now: () => number) {}

  rejected(site: string): void {
    const streak = (this.bySite.get(site)?.streak ?? 0) + 1;
    this.bySite.set(site, { streak, until: this.now() + Math.min(REJECT_COOLDOWN_MS * 2 ** (streak - 1), REJECT_COOLDOWN_MAX_MS) });
  }

  approved(site: string): void {
    this.bySite.delete(site);
  }

  /** Milliseconds until `site` may bring the approval window up again (0: now). */
  left(site: string): number {
    const c = this.bySite.get(site);
    return c === undefined ? 0 : Math.max(0, c.until - this.now());
  }
}
