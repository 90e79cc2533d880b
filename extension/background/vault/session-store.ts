/**
 * The unlocked session as persisted in `chrome.storage.session`, so a restarted service worker
 * resumes without asking for the password again.
 *
 * What is stored, and why: the vault's master key (the 32-byte PBKDF2 output, base64), which vault
 * record and key generation it belongs to, and the lock deadline. Not the password: it would open
 * every past and future backup and could not be rotated. Not the decrypted keyring: the keyring's
 * one source of truth stays the encrypted record in IndexedDB (a second plaintext copy could go
 * stale against another window's write), and plaintext mnemonics never sit in session storage. The
 * master key is as powerful as the decrypted keyring while the record exists, so the protection is
 * the same as Chrome gives this area: memory only, cleared when the browser closes, readable by the
 * extension's own worker and pages but not by content scripts (platform.ts). Locking removes it.
 * @module
 */
import { base64 } from '@scure/base';
import type { SessionKey } from '../../../core/vault/index.js';
import type { KeyValueArea } from '../storage-area.js';

const SESSION_KEY = 'wayfarer.vault.session';
const ID = /^[0-9a-f]{32}$/;

export interface StoredSession {
  readonly sessionKey: SessionKey;
  readonly lockAt: number | null;
}

interface SessionJson {
  version: 1;
  masterKey: string;
  vaultId: string;
  kdfSalt: string;
  lockAt: number | null;
}

export class SessionStore {
  readonly #area: KeyValueArea;

  constructor(area: KeyValueArea) {
    this.#area = area;
  }

  async save(session: StoredSession): Promise<void> {
    const value: SessionJson = {
      version: 1,
      masterKey: base64.encode(session.sessionKey.masterKey),
      vaultId: session.sessionKey.binding.vaultId,
      kdfSalt: session.sessionKey.binding.kdfSalt,
      lockAt: session.lockAt,
    };
    await this.#area.set(SESSION_KEY, value);
  }

  async saveDeadline(lockAt: number | null): Promise<void> {
    const raw = await this.#area.get(SESSION_KEY);
    if (!isSessionJson(raw)) return;
    await this.#area.set(SESSION_KEY, { ...raw, lockAt });
  }

  /**
   * The stored session, or undefined. Anything malformed counts as no session (the wallet is
   * locked, the safe direction) and is removed.
   */
  async load(): Promise<StoredSession | undefined> {
    const raw = await this.#area.get(SESSION_KEY);
    if (raw === undefined) return undefined;
    if (!isSessionJson(raw)) {
      await this.clear();
      return undefined;
    }
    let masterKey: Uint8Array;
    try {
      masterKey = base64.decode(raw.masterKey);
    } catch {
      await this.clear();
      return undefined;
    }
    if (masterKey.length !== 32) {
      await this.clear();
      return undefined;
    }
    return { sessionKey: { masterKey, binding: { vaultId: raw.vaultId, kdfSalt: raw.kdfSalt } }, lockAt: raw.lockAt };
  }

  async clear(): Promise<void> {
    await this.#area.remove(SESSION_KEY);
  }
}

function isSessionJson(value: unknown): value is SessionJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    typeof v.masterKey === 'string' &&
    typeof v.vaultId === 'string' &&
    ID.test(v.vaultId) &&
    typeof v.kdfSalt === 'string' &&
    (v.lockAt === null || (typeof v.lockAt === 'number' && Number.isFinite(v.lockAt)))
  );
}
