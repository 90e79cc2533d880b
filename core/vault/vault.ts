/**
 * The vault: the user's keyring encrypted under their password, stored durably, never lost.
 *
 * Threat model:
 * - Offline guessing against a copied profile or backup: PBKDF2-SHA256 at 600,000 iterations
 *   (kdf.ts), parameters stored per record and raised on the next unlock.
 * - Tampering with stored data or backups: AES-256-GCM with the whole header as AAD (format.ts,
 *   cipher.ts); tampered data never decrypts, and a vault that stops decrypting is never overwritten.
 * - Crashes, killed workers, racing writers, failing storage: every change is one compare-and-swap
 *   IndexedDB transaction (storage.ts); the old record is kept as `previous`; a replaced vault goes to
 *   the archive, which only the user empties.
 * - Online guessing through the UI: a persisted, growing delay after wrong passwords (throttle.ts).
 *
 * This class covers the locked side: status, create, unlock (with upgrade of old formats and KDF
 * parameters), resume from a session key, restore from a backup, the previous record or the
 * archive. Keyring operations live on the {@link UnlockedVault} these return.
 * @module
 * @example
 * const vault = new Vault({ storage: await IdbVaultStorage.open() });
 * const { vault: unlocked, sessionKey } = await vault.create('a long password', { kind: 'generate', words: 12 });
 */
import { WayfarerError } from '../errors.js';
import { NoVaultError, VaultExistsError, VaultReplacedError, VaultTamperedError, VaultUnreadableError, VaultWriteConflictError } from './errors.js';
import { platformCrypto, wipe, type VaultCrypto } from './crypto.js';
import { importMasterKey } from './cipher.js';
import { deriveMasterKey, freshKdfParams, kdfNeedsUpgrade, type KdfParams } from './kdf.js';
import { encodeRecord } from './format.js';
import { decodeAnyRecord, keyMatches, openWithKnownKey, openWithPassword, sealRecord, type AnyVaultRecord } from './records.js';
import { decodeBackup } from './backup.js';
import { assertNewPassword } from './password.js';
import { emptyKeyring, type Keyring } from './keyring.js';
import { addResolvedWallet, resolveNewWallet, type NewWalletInput } from './wallet-input.js';
import { attemptPassword, newId, passwordThrottle, readCurrentRecord, requireCurrentRecord, type PasswordThrottleView, type VaultContext } from './context.js';
import { bindingOf, UnlockedVault, type SessionKey } from './unlocked-vault.js';
import { SerialQueue } from './serial.js';
import type { ArchiveReason, VaultStorage } from './storage.js';

export interface VaultOptions {
  readonly storage: VaultStorage;
  /** WebCrypto; the platform's by default. */
  readonly crypto?: VaultCrypto;
  /** Wall clock in ms (for throttling and timestamps); `Date.now` by default. */
  readonly now?: () => number;
}

export type VaultStatus =
  | { readonly state: 'empty' }
  | { readonly state: 'locked'; readonly vaultId: string | undefined; readonly formatVersion: 1 | 2; readonly upgradePending: boolean }
  | { readonly state: 'unreadable'; readonly reason: { readonly code: string; readonly message: string }; readonly previousAvailable: boolean };

/** An unlocked vault and the session key to persist for resuming it (the caller wipes the key bytes). */
export interface UnlockResult {
  readonly vault: UnlockedVault;
  readonly sessionKey: SessionKey;
}

export interface ArchiveEntryView {
  readonly archiveId: number;
  readonly reason: ArchiveReason;
  readonly archivedAt: number;
  readonly savedAt: number;
  /** Format version if the record parses, otherwise undefined (damaged). */
  readonly formatVersion: 1 | 2 | undefined;
}

const MAX_WRITE_ATTEMPTS = 8;

export class Vault {
  readonly #context: VaultContext;

  constructor(options: VaultOptions) {
    if (typeof options?.storage !== 'object' || options.storage === null) throw new TypeError('"storage" expected a VaultStorage');
    this.#context = { storage: options.storage, crypto: options.crypto ?? platformCrypto(), now: options.now ?? Date.now, queue: new SerialQueue() };
  }

  /** What is stored: nothing, a vault (locked), or a record that cannot be read. */
  async status(): Promise<VaultStatus> {
    try {
      const current = await readCurrentRecord(this.#context);
      if (current === undefined) return { state: 'empty' };
      const record = current.record;
      if (record.version === 1) return { state: 'locked', vaultId: undefined, formatVersion: 1, upgradePending: true };
      return { state: 'locked', vaultId: record.id, formatVersion: 2, upgradePending: kdfNeedsUpgrade(record.kdf) };
    } catch (error) {
      if (!(error instanceof VaultUnreadableError)) throw error;
      const cause = error.cause instanceof WayfarerError ? error.cause : error;
      const previous = await this.#context.storage.readPrevious();
      return { state: 'unreadable', reason: { code: cause.code, message: cause.message }, previousAvailable: previous !== undefined && parses(previous.text) };
    }
  }

  /** When the next password attempt is allowed (ms since epoch), 0 if now. */
  async passwordRetryAt(): Promise<number> {
    return (await this.passwordThrottle()).retryAt;
  }

  /** Wrong passwords in a row and when the next attempt is allowed. */
  async passwordThrottle(): Promise<PasswordThrottleView> {
    return this.#context.queue.run(async () => passwordThrottle(this.#context));
  }

  /**
   * Creates the vault with its first wallet. Refuses when a vault exists, unless `replaceExisting`,
   * which moves the existing vault (readable or not) to the archive in the same write.
   */
  async create(password: string, wallet: NewWalletInput, options: { replaceExisting?: boolean } = {}): Promise<UnlockResult & { walletId: string; accountId: string; archivedIds: number[] }> {
    assertNewPassword(password);
    const resolved = await resolveNewWallet(wallet);
    return this.#context.queue.run(async () => {
      const ids = { walletId: newId(this.#context), accountId: newId(this.#context) };
      const keyring = addResolvedWallet(emptyKeyring(), resolved, ids, this.#context.now());
      const stored = await this.#context.storage.readCurrent();
      if (stored !== undefined && options.replaceExisting !== true) throw new VaultExistsError();
      const { result, archivedIds } = await this.#replaceWith(keyring, password, { id: newId(this.#context), revision: 1 }, stored === undefined ? 'create' : 'replace');
      return { ...result, ...ids, archivedIds };
    });
  }

  /**
   * Unlocks with the password (throttled). Old formats and KDF parameters below policy are
   * re-encrypted under current ones in the same step, keeping the old record as `previous`.
   */
  async unlock(password: string): Promise<UnlockResult> {
    if (typeof password !== 'string') throw new TypeError('"password" expected a string');
    return this.#context.queue.run(async () => {
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        const current = await requireCurrentRecord(this.#context);
        const record = current.record;
        const opened = await attemptPassword(this.#context, async () => openWithPassword(this.#context.crypto, record, password, () => newId(this.#context), this.#context.now()));
        if (record.version === 2 && opened.masterKey !== undefined && !kdfNeedsUpgrade(record.kdf)) {
          const key = await importMasterKey(this.#context.crypto, opened.masterKey);
          const binding = bindingOf(record);
          return { vault: new UnlockedVault(this.#context, key, binding), sessionKey: { masterKey: opened.masterKey, binding } };
        }
        if (opened.masterKey !== undefined) wipe(opened.masterKey);
        const upgraded = await this.#sealFresh(opened.keyring, password, record.version === 2 ? { id: record.id, revision: record.revision + 1 } : { id: newId(this.#context), revision: 1 });
        if (await this.#context.storage.commit(current.text, upgraded.text, this.#context.now())) return upgraded.result;
        wipe(upgraded.result.sessionKey.masterKey);
      }
      throw new VaultWriteConflictError();
    });
  }

  /**
   * Resumes a session from a persisted session key (after a worker restart), without the password.
   * Throws {@link VaultReplacedError} when the stored vault is no longer the one the key belongs to
   * (password changed or vault restored meanwhile), {@link VaultTamperedError} when it no longer
   * authenticates under the key.
   */
  async resume(sessionKey: SessionKey): Promise<UnlockedVault> {
    const current = await requireCurrentRecord(this.#context);
    const record = current.record;
    const { binding } = sessionKey;
    if (record.version !== 2 || record.id !== binding.vaultId || bindingOf(record).kdfSalt !== binding.kdfSalt) throw new VaultReplacedError();
    const key = await importMasterKey(this.#context.crypto, sessionKey.masterKey);
    // The binding matched, so this is the key generation of the record: any failure is damage.
    if (!(await keyMatches(this.#context.crypto, key, record))) throw new VaultTamperedError();
    await openWithKnownKey(this.#context.crypto, key, record);
    return new UnlockedVault(this.#context, key, bindingOf(record));
  }

  /**
   * Restores a backup file. The password must open the backup before anything changes; the vault on
   * the device (if any, readable or not) moves to the archive in the same atomic write, where it
   * stays until the user discards it. The restored vault is re-encrypted (fresh salt and IV); a
   * record with an old format or KDF parameters below policy also gets fresh KDF parameters.
   */
  async restoreBackup(backupText: string, password: string): Promise<UnlockResult & { archivedIds: number[] }> {
    if (typeof backupText !== 'string') throw new TypeError('"backup" expected a string');
    const { record } = decodeBackup(backupText);
    return this.#context.queue.run(async () => this.#restoreRecord(record, password, false));
  }

  /** Restores the record kept from before the last write (e.g. when the current one is damaged). Throttled. */
  async restorePrevious(password: string): Promise<UnlockResult & { archivedIds: number[] }> {
    return this.#context.queue.run(async () => {
      const previous = await this.#context.storage.readPrevious();
      if (previous === undefined) throw new NoVaultError();
      return this.#restoreRecord(decodeOrUnreadable(previous.text), password, true);
    });
  }

  /** Makes an archived vault current again (the current one is archived in turn). Throttled. */
  async restoreArchived(archiveId: number, password: string): Promise<UnlockResult & { archivedIds: number[] }> {
    return this.#context.queue.run(async () => {
      const entry = await this.#context.storage.readArchived(archiveId);
      if (entry === undefined) throw new NoVaultError();
      return this.#restoreRecord(decodeOrUnreadable(entry.text), password, true);
    });
  }

  async listArchive(): Promise<ArchiveEntryView[]> {
    const entries = await this.#context.storage.listArchive();
    return entries.map((e) => ({ archiveId: e.archiveId, reason: e.reason, archivedAt: e.archivedAt, savedAt: e.savedAt, formatVersion: versionOf(e.text) }));
  }

  /** Deletes an archived vault for good (the user's explicit decision). */
  async discardArchived(archiveId: number): Promise<void> {
    await this.#context.queue.run(async () => this.#context.storage.deleteArchived(archiveId));
  }

  async #restoreRecord(record: AnyVaultRecord, password: string, throttled: boolean): Promise<UnlockResult & { archivedIds: number[] }> {
    const openIt = async () => openWithPassword(this.#context.crypto, record, password, () => newId(this.#context), this.#context.now());
    const opened = throttled ? await attemptPassword(this.#context, openIt) : await openIt();
    if (record.version === 2 && opened.masterKey !== undefined && !kdfNeedsUpgrade(record.kdf)) {
      // Parameters are current: keep the derived key (one KDF run instead of two); the write still
      // gets a fresh salt and IV.
      const sealed = await this.#sealWithKey(opened.keyring, opened.masterKey, record.kdf, { id: record.id, revision: record.revision + 1 });
      const archivedIds = await this.#store(sealed, 'replace');
      return { ...sealed.result, archivedIds };
    }
    if (opened.masterKey !== undefined) wipe(opened.masterKey);
    const header = record.version === 2 ? { id: record.id, revision: record.revision + 1 } : { id: newId(this.#context), revision: 1 };
    const { result, archivedIds } = await this.#replaceWith(opened.keyring, password, header, 'replace');
    return { ...result, archivedIds };
  }

  /** Seals `keyring` under `password` with fresh KDF parameters and stores it as the new current vault. */
  async #replaceWith(keyring: Keyring, password: string, header: { id: string; revision: number }, mode: 'create' | 'replace'): Promise<{ result: UnlockResult; archivedIds: number[] }> {
    const sealed = await this.#sealFresh(keyring, password, header);
    return { result: sealed.result, archivedIds: await this.#store(sealed, mode) };
  }

  /** Stores a sealed record as the new current vault (archiving any existing one in 'replace' mode). */
  async #store(sealed: { text: string; result: UnlockResult }, mode: 'create' | 'replace'): Promise<number[]> {
    try {
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        const stored = await this.#context.storage.readCurrent();
        // A new vault (or a proven backup) starts with a clean slate of password attempts.
        const options = { clearThrottle: true };
        if (mode === 'create') {
          if (stored !== undefined || !(await this.#context.storage.commit(undefined, sealed.text, this.#context.now(), options))) throw new VaultExistsError();
          return [];
        }
        const archivedIds = await this.#context.storage.replace(stored?.text, sealed.text, this.#context.now(), options);
        if (archivedIds !== false) return archivedIds;
      }
      throw new VaultWriteConflictError();
    } catch (error) {
      wipe(sealed.result.sessionKey.masterKey);
      throw error;
    }
  }

  async #sealFresh(keyring: Keyring, password: string, header: { id: string; revision: number }): Promise<{ text: string; result: UnlockResult }> {
    const kdf = freshKdfParams(this.#context.crypto);
    return this.#sealWithKey(keyring, await deriveMasterKey(this.#context.crypto, password, kdf), kdf, header);
  }

  /** Seals under an existing raw master key; the key bytes end up in the result's session key (wiped on failure). */
  async #sealWithKey(keyring: Keyring, raw: Uint8Array, kdf: KdfParams, header: { id: string; revision: number }): Promise<{ text: string; result: UnlockResult }> {
    try {
      const key = await importMasterKey(this.#context.crypto, raw);
      const record = await sealRecord(this.#context.crypto, key, { ...header, kdf }, keyring);
      const binding = bindingOf(record);
      return { text: encodeRecord(record), result: { vault: new UnlockedVault(this.#context, key, binding), sessionKey: { masterKey: raw, binding } } };
    } catch (error) {
      wipe(raw);
      throw error;
    }
  }
}

function parses(text: string): boolean {
  return versionOf(text) !== undefined;
}

function versionOf(text: string): 1 | 2 | undefined {
  try {
    return decodeAnyRecord(text).version;
  } catch {
    return undefined;
  }
}

function decodeOrUnreadable(text: string): AnyVaultRecord {
  try {
    return decodeAnyRecord(text);
  } catch (cause) {
    throw new VaultUnreadableError({ cause });
  }
}
