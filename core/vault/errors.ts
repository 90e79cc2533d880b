/**
 * Typed failures of the vault: one class (and one literal code) per thing that can go wrong, so the
 * UI can react precisely ("wrong password" vs "vault damaged, restore a backup") without parsing
 * messages. No error ever carries a password, key, mnemonic or plaintext.
 * @module
 */
import { WayfarerError } from '../errors.js';

type ErrorOptions = { cause?: unknown; details?: string };

/** The password did not decrypt the vault (or a backup). */
export class WrongPasswordError extends WayfarerError {
  declare readonly code: 'vault.wrong_password';
  constructor(options: ErrorOptions = {}) {
    super('vault.wrong_password', 'The password is not correct.', options);
  }
}

/**
 * Too many wrong passwords in a row: the next attempt is allowed at `retryAt` (ms since epoch).
 * The attempt was not tried, so it did not count.
 */
export class UnlockThrottledError extends WayfarerError {
  declare readonly code: 'vault.throttled';
  readonly retryAt: number;
  constructor(retryAt: number) {
    super('vault.throttled', 'Too many wrong passwords. Wait before trying again.', { details: `retry at ${new Date(retryAt).toISOString()}` });
    this.retryAt = retryAt;
  }
}

/**
 * The stored record (or a backup file) is not a vault this code can read: not JSON, truncated,
 * missing or ill-typed fields, or values out of range. Nothing was changed.
 */
export class VaultFormatError extends WayfarerError {
  declare readonly code: 'vault.malformed';
  constructor(message: string, options: ErrorOptions = {}) {
    super('vault.malformed', message, options);
  }
}

/** The record names a format version newer (or other) than this code knows. Nothing was changed. */
export class UnsupportedVaultVersionError extends WayfarerError {
  declare readonly code: 'vault.unsupported_version';
  readonly version: unknown;
  constructor(version: unknown) {
    super('vault.unsupported_version', 'This vault was written by a format version this wallet does not know.', { details: `version ${JSON.stringify(version)}` });
    this.version = version;
  }
}

/** The record names a key-derivation or cipher algorithm this code does not implement. */
export class UnsupportedAlgorithmError extends WayfarerError {
  declare readonly code: 'vault.unsupported_algorithm';
  constructor(what: string, name: unknown) {
    super('vault.unsupported_algorithm', `Unsupported ${what} algorithm.`, { details: `${what} ${JSON.stringify(name)}` });
  }
}

/**
 * AES-GCM authentication failed: wrong key, or altered ciphertext, IV, salt or header. Which of the
 * two it means depends on where the key came from, so callers turn it into
 * {@link WrongPasswordError} or {@link VaultTamperedError}.
 */
export class AuthenticationFailedError extends WayfarerError {
  declare readonly code: 'vault.authentication_failed';
  constructor(options: ErrorOptions = {}) {
    super('vault.authentication_failed', 'Decryption failed: wrong key or altered data.', options);
  }
}

/**
 * The key that should open the vault failed authentication although it is known to be right
 * (a session key, or a password that opened it before): the ciphertext or its header was altered.
 */
export class VaultTamperedError extends WayfarerError {
  declare readonly code: 'vault.tampered';
  constructor(options: ErrorOptions = {}) {
    super('vault.tampered', 'The vault failed its integrity check: it was damaged or altered.', options);
  }
}

/**
 * The stored vault cannot be read (damaged, unknown version, or failing its integrity check). It is
 * never overwritten; the user can restore a backup, which keeps the damaged record archived.
 */
export class VaultUnreadableError extends WayfarerError {
  declare readonly code: 'vault.unreadable';
  constructor(options: ErrorOptions = {}) {
    super('vault.unreadable', 'The stored vault cannot be read. Restore it from a backup; the damaged copy is kept.', options);
  }
}

/** An operation needs a vault but none has been created. */
export class NoVaultError extends WayfarerError {
  declare readonly code: 'vault.missing';
  constructor() {
    super('vault.missing', 'No wallet has been set up yet.');
  }
}

/** Creating a vault where one already exists (replacing one goes through restore, which archives it). */
export class VaultExistsError extends WayfarerError {
  declare readonly code: 'vault.exists';
  constructor() {
    super('vault.exists', 'A wallet already exists on this device.');
  }
}

/**
 * An operation that needs the unlocked wallet ran while it is locked. The one "locked" error of
 * Wayfarer: the vault, the wallet's own sends, cross-space transfers and the dApp provider's
 * signing all report a locked wallet with it (the provider answers dApps 4100 for it).
 */
export class VaultLockedError extends WayfarerError {
  declare readonly code: 'vault.locked';
  constructor() {
    super('vault.locked', 'The wallet is locked. Unlock it first.');
  }
}

/**
 * The stored vault changed under a write more times than the retry budget allows (other writers
 * keep winning). Nothing was written by this call.
 */
export class VaultWriteConflictError extends WayfarerError {
  declare readonly code: 'vault.write_conflict';
  constructor() {
    super('vault.write_conflict', 'The wallet was changed elsewhere at the same time. Try again.');
  }
}

/**
 * The vault now on disk is not the one this session unlocked (it was restored, replaced or had its
 * password changed elsewhere). The session must unlock again.
 */
export class VaultReplacedError extends WayfarerError {
  declare readonly code: 'vault.replaced';
  constructor() {
    super('vault.replaced', 'The wallet was replaced or its password changed. Unlock it again.');
  }
}

/** The storage backend failed (quota, I/O, aborted transaction). Nothing was changed. */
export class VaultStorageError extends WayfarerError {
  declare readonly code: 'vault.storage';
  constructor(message: string, options: ErrorOptions = {}) {
    super('vault.storage', message, options);
  }
}

/** The new password is too short (the only hard rule; strength is a hint). */
export class WeakPasswordError extends WayfarerError {
  declare readonly code: 'vault.password_too_short';
  constructor(minLength: number) {
    super('vault.password_too_short', `The password must have at least ${minLength} characters.`);
  }
}

/** The mnemonic is not a valid BIP39 English phrase (word list or checksum). */
export class InvalidMnemonicError extends WayfarerError {
  declare readonly code: 'vault.invalid_mnemonic';
  constructor(options: ErrorOptions = {}) {
    super('vault.invalid_mnemonic', 'That is not a valid recovery phrase.', options);
  }
}

/** The private key is not a valid secp256k1 secret key. */
export class InvalidPrivateKeyError extends WayfarerError {
  declare readonly code: 'vault.invalid_private_key';
  constructor(options: ErrorOptions = {}) {
    super('vault.invalid_private_key', 'That is not a valid private key.', options);
  }
}

/** A key derived from the keyring does not produce the account's stored address (never signs then). */
export class KeyMismatchError extends WayfarerError {
  declare readonly code: 'vault.key_mismatch';
  constructor() {
    super('vault.key_mismatch', 'The account key does not match its stored address.');
  }
}

/** The wallet or key being imported is already in the keyring. `existingWalletId` names it. */
export class DuplicateImportError extends WayfarerError {
  declare readonly code: 'vault.duplicate';
  readonly existingWalletId: string;
  constructor(existingWalletId: string) {
    super('vault.duplicate', 'This wallet is already in the keyring.', { details: `wallet ${existingWalletId}` });
    this.existingWalletId = existingWalletId;
  }
}

/** No wallet or account with that id. */
export class UnknownEntryError extends WayfarerError {
  declare readonly code: 'vault.unknown_entry';
  constructor(kind: 'wallet' | 'account', id: string) {
    super('vault.unknown_entry', `No ${kind} with that id.`, { details: `${kind} ${id}` });
  }
}

/** A keyring change that would break an invariant (e.g. a reorder that is not a permutation). */
export class InvalidKeyringChangeError extends WayfarerError {
  declare readonly code: 'vault.invalid_change';
  constructor(message: string) {
    super('vault.invalid_change', message);
  }
}

/** The backup file is not a Wayfarer vault backup. */
export class InvalidBackupError extends WayfarerError {
  declare readonly code: 'vault.invalid_backup';
  constructor(message: string, options: ErrorOptions = {}) {
    super('vault.invalid_backup', message, options);
  }
}
