/**
 * Values remembered from the last visit, so the popup paints at once — on a slow connection, or
 * while the service worker is waking up — with each value labelled "last known, <time>".
 *
 * Stored in the extension origin's localStorage: synchronous (read before the first render) and
 * private to the extension. Only what the background already returned to the UI is stored, never
 * secrets; hiding amounts turns remembering off and wipes what is stored. Balances are not kept here:
 * the background's store is their one last-known cache (`chain.lastKnownBalances`).
 */

const PREFIX = 'wayfarer.lastKnown.';

export interface Remembered<T> {
  value: T;
  /** When the value was fetched (ms since epoch). */
  at: number;
}

let enabled = true;

/** Turns remembering on or off; off also forgets everything stored. */
export function setRemembering(on: boolean): void {
  enabled = on;
  if (!on) forgetAll();
}

export function remember(key: string, value: unknown, at = Date.now()): void {
  if (!enabled) return;
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ value, at }));
  } catch {
    // Storage full or unavailable: remembering is an optimisation, the live value is still shown.
  }
}

/**
 * The remembered value for `key`. The caller states the type: values are stored only from
 * background results of that same method, and a malformed entry is dropped, never half-used.
 */
export function recall<T>(key: string): Remembered<T> | undefined {
  if (!enabled) return undefined;
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('at' in parsed) || !('value' in parsed) || typeof parsed.at !== 'number') {
      localStorage.removeItem(PREFIX + key);
      return undefined;
    }
    return { value: parsed.value as T, at: parsed.at };
  } catch {
    return undefined;
  }
}

export function forgetAll(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // nothing stored
  }
}
