/**
 * UI methods of the vault: wallet setup, lock and unlock, accounts, password-gated reveals,
 * backups and the auto-lock setting.
 *
 * Secrets cross this boundary only where the user asked for them with their password (reveal,
 * backup export) or to write one down before it exists in the vault (`vault.generateMnemonic`).
 * Every other answer carries names, flags and addresses only. Errors come back with the core
 * vault's codes (`vault.wrong_password`, `vault.throttled`, `vault.unreadable`, …).
 */
import { SPACES } from '../../../core/space.js';
import type { AccountView, ArchiveEntryView, KeyringView } from '../../../core/vault/index.js';
import { boolean, literal, none, number, object, oneOf, optional, string, union } from '../schema.js';
import { uiMethod } from './define.js';

export type { AccountView, ArchiveEntryView, KeyringView };

/** What the UI needs to pick its screen and show lock state. */
export interface VaultStatusView {
  /** `empty`: no wallet yet; `unreadable`: the stored vault is damaged (restore a backup). */
  state: 'empty' | 'locked' | 'unlocked' | 'unreadable';
  /** Wrong passwords in a row; `retryAt` (ms since epoch) when the next attempt is allowed, 0 if now. */
  failedAttempts: number;
  retryAt: number;
  /** When the wallet locks itself unless used (ms since epoch); null when locked or no deadline. */
  lockAt: number | null;
  /** The auto-lock setting: idle time before locking, 0 = only when the browser closes. */
  autoLockMs: number;
  /** Set when `state` is `unreadable`: why, and whether the copy from before the last write can be restored. */
  unreadable: { code: string; message: string; previousAvailable: boolean } | null;
}

export interface AutoLockSetting {
  autoLockMs: number;
  /** Suggested choices for the settings screen (any whole minute up to a day is accepted, or 0). */
  choicesMs: number[];
}

const MAX_PASSWORD = 1024;
const id = string({ pattern: /^[0-9a-f]{32}$/ });
const password = string({ min: 1, max: MAX_PASSWORD });
const name = string({ min: 1, max: 200 });

/** A wallet to create or import. */
export const newWalletSchema = union(
  object({ kind: literal('generate'), words: oneOf([12, 24]), name: optional(name) }),
  object({ kind: literal('mnemonic'), mnemonic: string({ min: 1, max: 1024 }), passphrase: optional(string({ max: 1000 })), name: optional(name) }),
  object({ kind: literal('private-key'), privateKey: string({ min: 1, max: 200 }), name: optional(name) }),
);

export const vaultMethods = {
  'vault.status': uiMethod<VaultStatusView>()(none()),
  /** Sets up the vault with its first wallet and unlocks it. `replaceExisting` archives the current vault. */
  'vault.create': uiMethod<{ walletId: string; accountId: string }>()(object({ password, wallet: newWalletSchema, replaceExisting: optional(boolean()) })),
  'vault.unlock': uiMethod<VaultStatusView>()(object({ password })),
  'vault.lock': uiMethod<void>()(none()),
  /** The user is active in the wallet UI: moves the auto-lock deadline (reads such as `vault.accounts` do not). */
  'vault.touch': uiMethod<VaultStatusView>()(none()),
  /** Wallets and accounts (hidden ones flagged), Core addresses for `networkId`. */
  'vault.accounts': uiMethod<KeyringView>()(object({ networkId: number({ integer: true, min: 0, max: 0xffff_ffff }) })),
  'vault.addWallet': uiMethod<{ walletId: string; accountId: string }>()(object({ wallet: newWalletSchema })),
  'vault.addAccount': uiMethod<{ accountId: string }>()(object({ walletId: id, name: optional(name) })),
  'vault.renameAccount': uiMethod<void>()(object({ accountId: id, name })),
  'vault.revealMnemonic': uiMethod<{ mnemonic: string }>()(object({ walletId: id, password })),
  'vault.revealPrivateKey': uiMethod<{ privateKey: string }>()(object({ accountId: id, space: oneOf(SPACES), password })),
  'vault.changePassword': uiMethod<void>()(object({ currentPassword: password, newPassword: password })),
  /** The encrypted backup file (same password as the vault). */
  'vault.exportBackup': uiMethod<{ fileName: string; text: string }>()(object({ password })),
  /** Restores a backup file; the vault it replaces is archived. Unlocks the restored vault. */
  'vault.restoreBackup': uiMethod<{ archivedIds: number[] }>()(object({ text: string({ min: 1, max: 4 * 1024 * 1024 }), password })),
  /** Restores the copy kept from before the last write (when the current one is unreadable). */
  'vault.restorePrevious': uiMethod<{ archivedIds: number[] }>()(object({ password })),
  'vault.listArchive': uiMethod<ArchiveEntryView[]>()(none()),
  'vault.restoreArchived': uiMethod<{ archivedIds: number[] }>()(object({ archiveId: number({ integer: true, min: 1 }), password })),
  'vault.getAutoLock': uiMethod<AutoLockSetting>()(none()),
  'vault.setAutoLock': uiMethod<AutoLockSetting>()(object({ autoLockMs: number({ integer: true, min: 0, max: 24 * 60 * 60 * 1000 }) })),
} as const;

declare module './events.js' {
  interface UiEvents {
    /** Lock state, throttle or auto-lock deadline changed. */
    'vault.changed': VaultStatusView;
    /** Wallets or accounts were added, removed, renamed, hidden or reordered. */
    'vault.accountsChanged': Record<string, never>;
  }
}
