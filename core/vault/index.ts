/**
 * Public API of the vault: encrypted keyring storage, sessions, backups and password rules.
 * @module
 */
export * from './errors.js';
export { platformCrypto, type VaultCrypto } from './crypto.js';
export { CURRENT_KDF, PBKDF2_MIN_ITERATIONS, PBKDF2_MAX_ITERATIONS, type KdfParams, type Pbkdf2Params } from './kdf.js';
export { CURRENT_VAULT_VERSION, VAULT_FORMAT } from './format.js';
export { BACKUP_FORMAT, BACKUP_VERSION } from './backup.js';
export { type VaultStorage, type StoredRecord, type ArchivedRecord, type ArchiveReason, type ThrottleState } from './storage.js';
export { delayAfterFailures, FREE_ATTEMPTS, MAX_DELAY_MS } from './throttle.js';
export { assertNewPassword, estimatePasswordStrength, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type PasswordScore, type PasswordStrength } from './password.js';
export { MAX_NAME_LENGTH, MAX_ACCOUNTS, type WalletKind } from './keyring.js';
export type { NewWalletInput } from './wallet-input.js';
export type { AccountView, WalletView, KeyringView } from './views.js';
export { UnlockedVault, type SessionBinding, type SessionKey } from './unlocked-vault.js';
export type { PasswordThrottleView } from './context.js';
export { Vault, type VaultOptions, type VaultStatus, type UnlockResult, type ArchiveEntryView } from './vault.js';
