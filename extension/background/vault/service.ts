/**
 * The vault service: the one owner of the unlocked session in the background worker.
 *
 * Threat model: keys never leave the worker. Pages and the UI get addresses and signatures; the
 * only secrets that go out are the explicit, password-gated reveals and backup export. The unlocked
 * state is the core vault's non-extractable key in worker memory plus the session record in
 * `chrome.storage.session` (session-store.ts explains what is stored and why), so a worker restart
 * does not ask for the password. Locking drops both. The wallet locks at an absolute deadline after
 * last use (auto-lock.ts); the deadline is checked on start, on every request and by an alarm, so
 * it holds even when the alarm was missed while the browser slept.
 *
 * Lifecycle: {@link VaultService.start} (async factory) resumes or discards a stored session; the
 * composition root routes UI calls and alarms here. Lock-state transitions run one at a time.
 * @module
 */
import { generateMnemonic } from '../../../core/keys/mnemonic.js';
import type { PrivateKey } from '../../../core/keys/private-key.js';
import type { Space } from '../../../core/space.js';
import { SerialQueue } from '../../../core/vault/serial.js';
import { VaultLockedError, VaultReplacedError, VaultTamperedError, VaultUnreadableError, type ArchiveEntryView, type KeyringView, type NewWalletInput, type UnlockedVault, type UnlockResult, type Vault } from '../../../core/vault/index.js';
import { AUTO_LOCK_ALARM, AUTO_LOCK_CHOICES_MS, assertAutoLockMs, isPastDeadline, lockDeadline } from './auto-lock.js';
import type { AlarmScheduler } from './platform.js';
import type { SessionStore } from './session-store.js';
import type { AutoLockSettingStore } from './settings-store.js';
import type { AutoLockSetting, VaultStatusView } from '../../shared/ui-api/vault.js';

export interface VaultServiceEvents {
  /** Lock state, throttle or deadline changed. */
  statusChanged(status: VaultStatusView): void;
  /** The keyring's wallets or accounts changed. */
  accountsChanged(): void;
}

export interface VaultServiceDeps {
  readonly vault: Vault;
  readonly session: SessionStore;
  readonly settings: AutoLockSettingStore;
  readonly alarms: AlarmScheduler;
  readonly now: () => number;
  readonly events: VaultServiceEvents;
}

export class VaultService {
  readonly #deps: VaultServiceDeps;
  /** Lock-state transitions (unlock, lock, create, restore, password change) never interleave. */
  readonly #transitions = new SerialQueue();
  #unlocked: UnlockedVault | undefined;
  #lockAt: number | null = null;

  private constructor(deps: VaultServiceDeps) {
    this.#deps = deps;
  }

  /** Starts the service: resumes a stored session if its deadline has not passed, else discards it. */
  static async start(deps: VaultServiceDeps): Promise<VaultService> {
    const service = new VaultService(deps);
    await service.#resume();
    return service;
  }

  get isUnlocked(): boolean {
    return this.#unlocked !== undefined && !isPastDeadline(this.#lockAt, this.#deps.now());
  }

  async status(): Promise<VaultStatusView> {
    await this.#enforceDeadline();
    const [stored, throttle, autoLockMs] = await Promise.all([this.#deps.vault.status(), this.#deps.vault.passwordThrottle(), this.#deps.settings.get()]);
    if (stored.state !== 'locked' && this.#unlocked !== undefined) await this.lock();
    const state = stored.state === 'locked' && this.#unlocked !== undefined ? 'unlocked' : stored.state;
    return {
      state,
      failedAttempts: throttle.failedAttempts,
      retryAt: throttle.retryAt,
      lockAt: state === 'unlocked' ? this.#lockAt : null,
      autoLockMs,
      unreadable: stored.state === 'unreadable' ? { ...stored.reason, previousAvailable: stored.previousAvailable } : null,
    };
  }

  /** A new random recovery phrase for the user to write down; nothing is stored. */
  generateMnemonic(words: 12 | 24): { mnemonic: string } {
    return { mnemonic: generateMnemonic(words) };
  }

  async create(password: string, wallet: NewWalletInput, replaceExisting: boolean): Promise<{ walletId: string; accountId: string }> {
    const { walletId, accountId } = await this.#transition(async () => {
      const result = await this.#deps.vault.create(password, wallet, { replaceExisting });
      await this.#startSession(result);
      return result;
    });
    this.#deps.events.accountsChanged();
    return { walletId, accountId };
  }

  async unlock(password: string): Promise<VaultStatusView> {
    try {
      await this.#transition(async () => this.#startSession(await this.#deps.vault.unlock(password)));
    } finally {
      // Wrong passwords change the throttle, which the UI shows.
      this.#deps.events.statusChanged(await this.status());
    }
    this.#deps.events.accountsChanged();
    return this.status();
  }

  /** Drops the key from memory and session storage, and the auto-lock alarm. */
  async lock(): Promise<void> {
    await this.#transitions.run(async () => this.#endSession());
    this.#deps.events.statusChanged(await this.status());
  }

  /**
   * Wallets and accounts. Reading is not "use": a page or screen that polls must not keep the
   * wallet unlocked forever, so this leaves the deadline alone (see {@link touch}).
   */
  async accounts(networkId: number): Promise<KeyringView> {
    return this.#read(async (v) => v.view(networkId));
  }

  /** The user is active in the wallet's UI: moves the auto-lock deadline. */
  async touch(): Promise<VaultStatusView> {
    await this.#use(async () => undefined);
    return this.status();
  }

  async addWallet(wallet: NewWalletInput): Promise<{ walletId: string; accountId: string }> {
    return this.#change(async (v) => v.addWallet(wallet));
  }

  async addAccount(walletId: string, name: string | undefined): Promise<{ accountId: string }> {
    return this.#change(async (v) => v.addAccount(walletId, ...(name === undefined ? [] : [name])));
  }

  async renameAccount(accountId: string, name: string): Promise<void> {
    await this.#change(async (v) => v.renameAccount(accountId, name));
  }

  async renameWallet(walletId: string, name: string): Promise<void> {
    await this.#change(async (v) => v.renameWallet(walletId, name));
  }

  async setAccountHidden(accountId: string, hidden: boolean): Promise<void> {
    await this.#change(async (v) => v.setAccountHidden(accountId, hidden));
  }

  async reorderAccounts(accountIds: readonly string[]): Promise<void> {
    await this.#change(async (v) => v.reorderAccounts(accountIds));
  }

  async removeWallet(walletId: string, password: string): Promise<void> {
    await this.#change(async (v) => v.removeWallet(walletId, password));
  }

  async revealMnemonic(walletId: string, password: string): Promise<{ mnemonic: string }> {
    return this.#use(async (v) => ({ mnemonic: await v.revealMnemonic(walletId, password) }));
  }

  async revealPrivateKey(accountId: string, space: Space, password: string): Promise<{ privateKey: string }> {
    return this.#use(async (v) => ({ privateKey: await v.revealPrivateKey(accountId, space, password) }));
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.#transition(async () => {
      const v = this.#current();
      const sessionKey = await v.changePassword(currentPassword, newPassword);
      try {
        await this.#deps.session.save({ sessionKey, lockAt: this.#lockAt });
      } finally {
        sessionKey.masterKey.fill(0);
      }
    });
  }

  async exportBackup(password: string): Promise<{ fileName: string; text: string }> {
    const text = await this.#use(async (v) => v.exportBackup(password));
    const date = new Date(this.#deps.now()).toISOString().slice(0, 10);
    return { fileName: `wayfarer-vault-backup-${date}.json`, text };
  }

  async restoreBackup(text: string, password: string): Promise<{ archivedIds: number[] }> {
    return this.#restore(async () => this.#deps.vault.restoreBackup(text, password));
  }

  async restorePrevious(password: string): Promise<{ archivedIds: number[] }> {
    return this.#restore(async () => this.#deps.vault.restorePrevious(password));
  }

  async restoreArchived(archiveId: number, password: string): Promise<{ archivedIds: number[] }> {
    return this.#restore(async () => this.#deps.vault.restoreArchived(archiveId, password));
  }

  async listArchive(): Promise<ArchiveEntryView[]> {
    return this.#deps.vault.listArchive();
  }

  async discardArchived(archiveId: number): Promise<void> {
    await this.#deps.vault.discardArchived(archiveId);
  }

  async getAutoLock(): Promise<AutoLockSetting> {
    return { autoLockMs: await this.#deps.settings.get(), choicesMs: [...AUTO_LOCK_CHOICES_MS] };
  }

  /** Changes the auto-lock time; an unlocked session gets its deadline recomputed from now. */
  async setAutoLock(autoLockMs: number): Promise<AutoLockSetting> {
    await this.#deps.settings.set(assertAutoLockMs(autoLockMs));
    await this.#transitions.run(async () => {
      if (this.#unlocked !== undefined) await this.#setDeadline(lockDeadline(this.#deps.now(), autoLockMs));
    });
    this.#deps.events.statusChanged(await this.status());
    return this.getAutoLock();
  }

  /** The auto-lock alarm fired: lock if the deadline has passed, otherwise re-arm it. */
  async handleAlarm(name: string): Promise<void> {
    if (name !== AUTO_LOCK_ALARM) return;
    await this.#enforceDeadline();
    if (this.#unlocked !== undefined && this.#lockAt !== null) await this.#deps.alarms.schedule(AUTO_LOCK_ALARM, this.#lockAt);
  }

  /** The accounts a dApp may see: visible ones, in the user's order. Not "use" (dApps poll). */
  async visibleAccounts(): Promise<KeyringView['accounts']> {
    // Any network id works here: callers take the hex forms, which do not depend on it.
    const view = await this.#read(async (v) => v.view(1029));
    return view.accounts.filter((a) => !a.hidden);
  }

  /**
   * Runs `fn` with an account's key (for signing). Counts as use of the wallet (the user approved
   * the signature). The key is wiped when `fn` settles.
   */
  async withPrivateKey<T>(accountId: string, space: Space, fn: (key: PrivateKey) => T | Promise<T>): Promise<T> {
    return this.#use(async (v) => v.withPrivateKey(accountId, space, fn));
  }

  async #resume(): Promise<void> {
    const stored = await this.#deps.session.load();
    if (stored === undefined) return;
    try {
      if (isPastDeadline(stored.lockAt, this.#deps.now())) {
        await this.#deps.session.clear();
        await this.#deps.alarms.clear(AUTO_LOCK_ALARM);
        return;
      }
      this.#unlocked = await this.#deps.vault.resume(stored.sessionKey);
      this.#lockAt = stored.lockAt;
      if (this.#lockAt !== null) await this.#deps.alarms.schedule(AUTO_LOCK_ALARM, this.#lockAt);
    } catch (error) {
      // The vault changed under the session (password changed, restored, damaged): stay locked.
      await this.#endSession();
      if (!(error instanceof VaultReplacedError || error instanceof VaultTamperedError || error instanceof VaultUnreadableError)) throw error;
    } finally {
      stored.sessionKey.masterKey.fill(0);
    }
  }

  async #startSession(result: UnlockResult): Promise<void> {
    const lockAt = lockDeadline(this.#deps.now(), await this.#deps.settings.get());
    try {
      await this.#deps.session.save({ sessionKey: result.sessionKey, lockAt });
    } catch (error) {
      // Without a stored session the next worker restart would silently lock; refuse instead.
      result.vault.lock();
      throw error;
    } finally {
      result.sessionKey.masterKey.fill(0);
    }
    this.#unlocked?.lock();
    this.#unlocked = result.vault;
    this.#lockAt = lockAt;
    if (lockAt === null) await this.#deps.alarms.clear(AUTO_LOCK_ALARM);
    else await this.#deps.alarms.schedule(AUTO_LOCK_ALARM, lockAt);
  }

  async #endSession(): Promise<void> {
    // Memory first: even if storage fails below, this worker holds no key any more.
    this.#unlocked?.lock();
    this.#unlocked = undefined;
    this.#lockAt = null;
    await this.#deps.session.clear();
    await this.#deps.alarms.clear(AUTO_LOCK_ALARM);
  }

  async #enforceDeadline(): Promise<void> {
    if (this.#unlocked === undefined || !isPastDeadline(this.#lockAt, this.#deps.now())) return;
    await this.#transitions.run(async () => {
      if (this.#unlocked !== undefined && isPastDeadline(this.#lockAt, this.#deps.now())) await this.#endSession();
    });
    this.#deps.events.statusChanged(await this.status());
  }

  #current(): UnlockedVault {
    if (this.#unlocked === undefined || isPastDeadline(this.#lockAt, this.#deps.now())) throw new VaultLockedError();
    return this.#unlocked;
  }

  async #setDeadline(lockAt: number | null): Promise<void> {
    this.#lockAt = lockAt;
    await this.#deps.session.saveDeadline(lockAt);
    if (lockAt === null) await this.#deps.alarms.clear(AUTO_LOCK_ALARM);
    else await this.#deps.alarms.schedule(AUTO_LOCK_ALARM, lockAt);
  }

  /** Runs an operation on the unlocked vault and counts it as use (moves the deadline). */
  async #use<T>(fn: (vault: UnlockedVault) => Promise<T>): Promise<T> {
    return this.#read(async (vault) => {
      await this.#transitions.run(async () => {
        if (this.#unlocked === vault) await this.#setDeadline(lockDeadline(this.#deps.now(), await this.#deps.settings.get()));
      });
      return fn(vault);
    });
  }

  /** Runs an operation on the unlocked vault after checking the deadline; locks on a replaced or damaged vault. */
  async #read<T>(fn: (vault: UnlockedVault) => Promise<T>): Promise<T> {
    await this.#enforceDeadline();
    const vault = this.#current();
    try {
      return await fn(vault);
    } catch (error) {
      if (error instanceof VaultReplacedError || error instanceof VaultTamperedError || error instanceof VaultUnreadableError) await this.lock();
      throw error;
    }
  }

  async #change<T>(fn: (vault: UnlockedVault) => Promise<T>): Promise<T> {
    const result = await this.#use(fn);
    this.#deps.events.accountsChanged();
    return result;
  }

  async #transition<T>(fn: () => Promise<T>): Promise<T> {
    const result = await this.#transitions.run(fn);
    this.#deps.events.statusChanged(await this.status());
    return result;
  }

  async #restore(fn: () => Promise<UnlockResult & { archivedIds: number[] }>): Promise<{ archivedIds: number[] }> {
    const { archivedIds } = await this.#transition(async () => {
      const result = await fn();
      await this.#startSession(result);
      return result;
    });
    this.#deps.events.accountsChanged();
    return { archivedIds };
  }
}
