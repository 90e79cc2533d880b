/**
 * Per-origin permissions in the EIP-2255 shape: which origin (invoker) may see which accounts
 * (`cfx_accounts` on Core, `eth_accounts` on eSpace), since when. Stored in chrome.storage.local so
 * connections survive browser restarts, and revocable per origin and space.
 *
 * The record is the only thing that lets a site see addresses or ask for signatures, so it is
 * parsed strictly on load: a damaged record is a typed error (nothing is granted), never silently
 * replaced by an empty or partial one. Writes are serialized, so two grants in flight cannot lose
 * each other. Only the origin string from the browser is ever used as a key.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { SPACES, type Space } from '../../../core/space.js';
import { array, literal, number, object, optional, record, string, type Infer } from '../../shared/schema.js';
import type { StorageArea } from '../storage-area.js';

export const PERMISSIONS_KEY = 'wayfarer.provider.permissions';

export const CAPABILITY: Readonly<Record<Space, 'cfx_accounts' | 'eth_accounts'>> = { core: 'cfx_accounts', espace: 'eth_accounts' };

const exposedAccountSchema = object({
  id: string({ min: 1, max: 200 }),
  coreHex: string({ pattern: /^0x[0-9a-f]{40}$/ }),
  espaceAddress: string({ pattern: /^0x[0-9a-fA-F]{40}$/ }),
});
export type ExposedAccount = Infer<typeof exposedAccountSchema>;

const grantSchema = object({
  id: string({ min: 1, max: 64 }),
  date: number({ integer: true, min: 0 }),
  accounts: array(exposedAccountSchema, { min: 1, max: 100 }),
});
export type AccountsGrant = Infer<typeof grantSchema>;

const siteSchema = object({ core: optional(grantSchema), espace: optional(grantSchema) });
export type SitePermissions = Infer<typeof siteSchema>;

const fileSchema = object({ version: literal(1), sites: record(string({ max: 300 }), siteSchema, { max: 10_000 }) });

export class PermissionsDamagedError extends WayfarerError {
  declare readonly code: 'provider.permissions_damaged';
  constructor(cause: unknown) {
    super('provider.permissions_damaged', 'The record of connected sites is damaged; no site is connected until it is reset', { cause });
  }
}

export class PermissionStore {
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The parsed record as last read or written: every dApp request checks a permission, so the
   * record is parsed once per service-worker life, not per request. Only this store writes it.
   * Never handed out (callers get copies), and replaced only after a write succeeded.
   */
  private cached: Record<string, SitePermissions> | undefined;

  constructor(
    private readonly area: StorageArea,
    private readonly newId: () => string,
    private readonly now: () => number,
  ) {}

  private async read(): Promise<Record<string, SitePermissions>> {
    if (this.cached) return this.cached;
    const stored = (await this.area.get(PERMISSIONS_KEY))[PERMISSIONS_KEY];
    if (stored === undefined) return (this.cached = {});
    try {
      return (this.cached = fileSchema.parse(stored).sites);
    } catch (error) {
      // Not cached: the damage stays visible until reset.
      throw new PermissionsDamagedError(error);
    }
  }

  /** Runs read-modify-write steps one at a time, on a copy that replaces the cache once stored. */
  private update<T>(change: (sites: Record<string, SitePermissions>) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const sites = structuredClone(await this.read());
      const result = change(sites);
      await this.area.set({ [PERMISSIONS_KEY]: { version: 1, sites } });
      this.cached = sites;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async get(origin: string, space: Space): Promise<AccountsGrant | undefined> {
    await this.queue;
    const grant = (await this.read())[origin]?.[space];
    return grant && structuredClone(grant);
  }

  async list(): Promise<Record<string, SitePermissions>> {
    await this.queue;
    return structuredClone(await this.read());
  }

  /** Grants (or replaces) the accounts an origin may see in a space. */
  grant(origin: string, space: Space, accounts: ExposedAccount[]): Promise<AccountsGrant> {
    if (accounts.length === 0) throw new RangeError('grant needs at least one account');
    return this.update((sites) => {
      const grant: AccountsGrant = { id: this.newId(), date: this.now(), accounts: accounts.map((a) => ({ ...a })) };
      sites[origin] = { ...sites[origin], [space]: grant };
      return grant;
    });
  }

  /** Revokes one space (or both); returns whether anything was removed. */
  revoke(origin: string, space?: Space): Promise<boolean> {
    return this.update((sites) => {
      const site = sites[origin];
      if (!site) return false;
      if (space === undefined) {
        delete sites[origin];
        return true;
      }
      if (!site[space]) return false;
      const rest: SitePermissions = { ...site };
      delete rest[space];
      if (rest.core || rest.espace) sites[origin] = rest;
      else delete sites[origin];
      return true;
    });
  }

  /** Forgets an account everywhere (it was removed from the wallet). Returns affected origins. */
  forgetAccount(accountId: string): Promise<string[]> {
    return this.forgetAccountsWhere((id) => id === accountId);
  }

  /**
   * Forgets every account not in `visible` (removed or hidden in the wallet): a site must be
   * connected again to see it once it is shown again. Returns affected origins.
   */
  retainAccounts(visible: ReadonlySet<string>): Promise<string[]> {
    return this.forgetAccountsWhere((id) => !visible.has(id));
  }

  private forgetAccountsWhere(forget: (accountId: string) => boolean): Promise<string[]> {
    return this.update((sites) => {
      const affected: string[] = [];
      for (const [origin, site] of Object.entries(sites)) {
        const next: SitePermissions = {};
        for (const space of SPACES) {
          const grant = site[space];
          if (!grant) continue;
          const accounts = grant.accounts.filter((a) => !forget(a.id));
          if (accounts.length !== grant.accounts.length) affected.push(origin);
          if (accounts.length > 0) next[space] = { ...grant, accounts };
        }
        if (next.core || next.espace) sites[origin] = next;
        else delete sites[origin];
      }
      return [...new Set(affected)];
    });
  }

  /** Deletes every connection (the way out of a damaged record). */
  async reset(): Promise<void> {
    const run = this.queue.then(async () => {
      await this.area.set({ [PERMISSIONS_KEY]: { version: 1, sites: {} } });
      this.cached = {};
    });
    this.queue = run.catch(() => undefined);
    await run;
  }
}
