/**
 * The user's auto-lock setting, kept in `chrome.storage.local` (it must outlive the browser session).
 * @module
 */
import { assertAutoLockMs, DEFAULT_AUTO_LOCK_MS } from './auto-lock.js';
import type { KeyValueArea } from '../storage-area.js';

const AUTO_LOCK_KEY = 'wayfarer.vault.autoLockMs';

export class AutoLockSettingStore {
  readonly #area: KeyValueArea;

  constructor(area: KeyValueArea) {
    this.#area = area;
  }

  /**
   * The setting; the default (15 minutes) when unset. A stored value that is not a valid setting
   * (only this code writes it, so: damaged storage) also reads as the default, never as "do not
   * lock".
   */
  async get(): Promise<number> {
    const value = await this.#area.get(AUTO_LOCK_KEY);
    if (value === undefined) return DEFAULT_AUTO_LOCK_MS;
    try {
      return assertAutoLockMs(value);
    } catch {
      return DEFAULT_AUTO_LOCK_MS;
    }
  }

  async set(autoLockMs: number): Promise<void> {
    await this.#area.set(AUTO_LOCK_KEY, assertAutoLockMs(autoLockMs));
  }
}
