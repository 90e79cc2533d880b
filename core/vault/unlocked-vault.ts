/**
 * The unlocked vault: keyring operations for a session that holds the master key.
 *
 * Threat model: this object lives in the background worker only. It holds the master key as a
 * non-extractable CryptoKey and nothing else secret: every operation re-reads the stored record,
 * checks it is still the vault this session unlocked, and decrypts it (~1 ms), so there is one
 * source of truth and no plaintext keyring lingers between calls. Secrets leave only through the
 * password-gated reveal methods and inside {@link UnlockedVault.withPrivateKey}, whose key is wiped
 * when the callback settles.
 *
 * Writes are verify-then-apply: the change runs on the decrypted keyring (and may reject it), the
 * result is encrypted with a fresh salt and IV, and storage swaps it in only if the record is still
 * the one that was read; otherwise the whole step repeats on the newer record. A record that fails
 * to decrypt or parse is never written over.
 * @module
 */
import type { Hex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { InvalidKeyringChangeError, VaultLockedError, VaultReplacedError, VaultWriteConflictError, WrongPasswordError } from './errors.js';
import { encodeBase64, wipe } from './crypto.js';
import { importMasterKey } from './cipher.js';
import { deriveMasterKey, freshKdfParams } from './kdf.js';
import { encodeRecord, type VaultRecord } from './format.js';
import { keyMatches, openWithKnownKey, sealRecord } from './records.js';
import { encodeBackup } from './backup.js';
import { assertNewPassword } from './password.js';
import { attemptPassword, newId, requireCurrentRecord, type VaultContext } from './context.js';
import { addHdAccount, defaultAccountName, findWallet, normalizeName, removeWallet, renameAccount, renameWallet, reorderAccounts, setAccountHidden, findAccount, type Keyring } from './keyring.js';
import { hdAccountAddresses, withAccountKey } from './derive.js';
import { addResolvedWallet, resolveNewWallet, type NewWalletInput } from './wallet-input.js';
import { keyringView, type KeyringView } from './views.js';
import type { PrivateKey } from '../keys/private-key.js';

/** Identifies which stored vault and key generation a session key belongs to. */
export interface SessionBinding {
  readonly vaultId: string;
  /** Base64 KDF salt of the record the key was derived for; changes with every password change. */
  readonly kdfSalt: string;
}

/** What a session must keep to resume without the password: the raw master key and its binding. */
export interface SessionKey {
  readonly masterKey: Uint8Array;
  readonly binding: SessionBinding;
}

/** How many times a write re-reads and retries when another writer got in first. */
const MAX_WRITE_ATTEMPTS = 8;

export function bindingOf(record: VaultRecord): SessionBinding {
  return { vaultId: record.id, kdfSalt: encodeBase64(record.kdf.salt) };
}

export class UnlockedVault {
  readonly #context: VaultContext;
  #key: CryptoKey | undefined;
  #binding: SessionBinding;

  /** Built by {@link Vault}; not meant to be constructed directly. */
  constructor(context: VaultContext, key: CryptoKey, binding: SessionBinding) {
    this.#context = context;
    this.#key = key;
    this.#binding = binding;
  }

  get binding(): SessionBinding {
    return this.#binding;
  }

  get isLocked(): boolean {
    return this.#key === undefined;
  }

  /** Drops the key. Every later call throws {@link VaultLockedError}. */
  lock(): void {
    this.#key = undefined;
  }

  /** Wallets and accounts for display, with Core addresses for `networkId`. */
  async view(networkId: number): Promise<KeyringView> {
    const { keyring } = await this.#readVerified();
    return keyringView(keyring, networkId);
  }

  /** Creates or imports a wallet with its first account. Throws DuplicateImportError for a wallet already present. */
  async addWallet(input: NewWalletInput): Promise<{ walletId: string; accountId: string }> {
    if (this.#key === undefined) this.#locked();
    const resolved = await resolveNewWallet(input);
    return this.#mutate((keyring) => {
      const ids = { walletId: newId(this.#context), accountId: newId(this.#context) };
      return { keyring: addResolvedWallet(keyring, resolved, ids, this.#context.now()), result: ids };
    });
  }

  /** Derives the next account of an HD wallet. */
  async addAccount(walletId: string, name?: string): Promise<{ accountId: string }> {
    const clean = name === undefined ? undefined : normalizeName(name, 'account name');
    return this.#mutate(async (keyring) => {
      const wallet = findWallet(keyring, walletId);
      if (wallet.kind !== 'hd') throw new InvalidKeyringChangeError('Only recovery-phrase wallets can derive more accounts.');
      const addresses = await hdAccountAddresses(wallet.mnemonic, wallet.passphrase, wallet.nextIndex);
      const accountId = newId(this.#context);
      const account = { id: accountId, walletId, index: wallet.nextIndex, name: clean ?? defaultAccountName(keyring), hidden: false, ...addresses };
      return { keyring: addHdAccount(keyring, account), result: { accountId } };
    });
  }

  async renameAccount(accountId: string, name: string): Promise<void> {
    await this.#mutate((keyring) => ({ keyring: renameAccount(keyring, accountId, name), result: undefined }));
  }

  async renameWallet(walletId: string, name: string): Promise<void> {
    await this.#mutate((keyring) => ({ keyring: renameWallet(keyring, walletId, name), result: undefined }));
  }

  async setAccountHidden(accountId: string, hidden: boolean): Promise<void> {
    await this.#mutate((keyring) => ({ keyring: setAccountHidden(keyring, accountId, hidden), result: undefined }));
  }

  async reorderAccounts(orderedIds: readonly string[]): Promise<void> {
    await this.#mutate((keyring) => ({ keyring: reorderAccounts(keyring, orderedIds), result: undefined }));
  }

  /** Removes a wallet and its accounts after checking the password. */
  async removeWallet(walletId: string, password: string): Promise<void> {
    await this.#context.queue.run(async () => {
      await this.#verifyPassword(password);
      await this.#mutateQueued((keyring) => ({ keyring: removeWallet(keyring, walletId), result: undefined }));
    });
  }

  /** The mnemonic of an HD wallet, after checking the password. */
  async revealMnemonic(walletId: string, password: string): Promise<string> {
    const keyring = await this.#context.queue.run(async () => this.#verifyPassword(password));
    const wallet = findWallet(keyring, walletId);
    if (wallet.kind !== 'hd') throw new InvalidKeyringChangeError('This wallet is an imported key and has no recovery phrase.');
    return wallet.mnemonic;
  }

  /** The private key of an account in one space (HD accounts have one per space), after checking the password. */
  async revealPrivateKey(accountId: string, space: Space, password: string): Promise<Hex> {
    const keyring = await this.#context.queue.run(async () => this.#verifyPassword(password));
    return withAccountKey(keyring, accountId, space, (key) => {
      const bytes = key.exportBytes();
      try {
        return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}` as const;
      } finally {
        wipe(bytes);
      }
    });
  }

  /**
   * Re-encrypts the vault under a new password (fresh KDF salt, current KDF policy) in one atomic
   * write. Returns the new session key; the old one no longer opens the vault.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<SessionKey> {
    assertNewPassword(newPassword);
    return this.#context.queue.run(async () => {
      await this.#verifyPassword(currentPassword);
      const kdf = freshKdfParams(this.#context.crypto);
      const raw = await deriveMasterKey(this.#context.crypto, newPassword, kdf);
      const newKey = await importMasterKey(this.#context.crypto, raw);
      try {
        for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
          const current = await this.#readVerified();
          const record = await sealRecord(this.#context.crypto, newKey, { id: current.record.id, revision: current.record.revision + 1, kdf }, current.keyring);
          if (await this.#context.storage.commit(current.text, encodeRecord(record), this.#context.now())) {
            this.#key = newKey;
            this.#binding = bindingOf(record);
            return { masterKey: raw, binding: this.#binding };
          }
        }
        throw new VaultWriteConflictError();
      } catch (error) {
        wipe(raw);
        throw error;
      }
    });
  }

  /** An encrypted backup file of the vault (same password), after checking the password. */
  async exportBackup(password: string): Promise<string> {
    return this.#context.queue.run(async () => {
      await this.#verifyPassword(password);
      const current = await this.#readVerified();
      // Re-sealed so the file gets its own fresh salt and IV; header and password are unchanged.
      const record = await sealRecord(this.#context.crypto, this.#key ?? this.#locked(), current.record, current.keyring);
      return encodeBackup(record, this.#context.now());
    });
  }

  /**
   * Runs `fn` with an account's private key for `space` (for signing). The key is wiped when `fn`
   * settles; `fn` must not keep it.
   */
  async withPrivateKey<T>(accountId: string, space: Space, fn: (key: PrivateKey) => T | Promise<T>): Promise<T> {
    const { keyring } = await this.#readVerified();
    findAccount(keyring, accountId);
    return withAccountKey(keyring, accountId, space, fn);
  }

  /** Reads, authenticates and parses the current record, and checks it is this session's vault. */
  async #readVerified(): Promise<{ text: string; record: VaultRecord; keyring: Keyring }> {
    const key = this.#key ?? this.#locked();
    const current = await requireCurrentRecord(this.#context);
    const record = current.record;
    if (record.version !== 2 || record.id !== this.#binding.vaultId || encodeBase64(record.kdf.salt) !== this.#binding.kdfSalt) {
      throw new VaultReplacedError();
    }
    // This key opened this record generation before, so a failure now means the data changed.
    return { text: current.text, record, keyring: await openWithKnownKey(this.#context.crypto, key, record) };
  }

  /** Checks a password against the stored vault under the throttle; returns the keyring. Call inside the queue. */
  async #verifyPassword(password: string): Promise<Keyring> {
    const current = await this.#readVerified();
    await attemptPassword(this.#context, async () => {
      const raw = await deriveMasterKey(this.#context.crypto, password, current.record.kdf);
      try {
        if (!(await keyMatches(this.#context.crypto, await importMasterKey(this.#context.crypto, raw), current.record))) throw new WrongPasswordError();
      } finally {
        wipe(raw);
      }
    });
    return current.keyring;
  }

  async #mutate<T>(change: (keyring: Keyring) => { keyring: Keyring; result: T } | Promise<{ keyring: Keyring; result: T }>): Promise<T> {
    return this.#context.queue.run(async () => this.#mutateQueued(change));
  }

  /** Read, change, seal, compare-and-swap; repeats on a newer record. Call inside the queue. */
  async #mutateQueued<T>(change: (keyring: Keyring) => { keyring: Keyring; result: T } | Promise<{ keyring: Keyring; result: T }>): Promise<T> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.#readVerified();
      const { keyring, result } = await change(current.keyring);
      const header = { id: current.record.id, revision: current.record.revision + 1, kdf: current.record.kdf };
      const record = await sealRecord(this.#context.crypto, this.#key ?? this.#locked(), header, keyring);
      if (await this.#context.storage.commit(current.text, encodeRecord(record), this.#context.now())) return result;
    }
    throw new VaultWriteConflictError();
  }

  #locked(): never {
    throw new VaultLockedError();
  }
}
