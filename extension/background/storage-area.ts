/**
 * The background's key-value storage areas, defined once: `chrome.storage.local` (durable) and
 * `chrome.storage.session` (survives worker restarts, cleared with the browser, unreachable from
 * content scripts), in two shapes — the area itself ({@link StorageArea}, several keys per call, as
 * the provider's stores use it) and a one-key view ({@link KeyValueArea}, as the other services use
 * it) — with one in-memory implementation so the logic is tested in Node against a real map.
 *
 * Threat model: values go through JSON in memory as `chrome.storage` does, so a value the browser
 * would not keep as is (a bigint, a class instance) fails or changes in tests too. The session area
 * is restricted to trusted contexts: web pages' content scripts must never read the session key.
 * @module
 */

/** A storage area, as `chrome.storage.local` and `chrome.storage.session` are. */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A one-key view of a {@link StorageArea}. */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A StorageArea in memory, with chrome.storage's copy semantics (values are JSON-cloned). */
export class MemoryStorageArea implements StorageArea {
  readonly data = new Map<string, string>();

  get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const text = this.data.get(key);
      if (text !== undefined) out[key] = JSON.parse(text) as unknown;
    }
    return Promise.resolve(out);
  }

  set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
    return Promise.resolve();
  }
}

/** The one-key view of an area. */
export function keyValueArea(area: StorageArea): KeyValueArea {
  return {
    get: async (key) => (await area.get(key))[key],
    set: async (key, value) => area.set({ [key]: value }),
    remove: async (key) => area.remove(key),
  };
}

/** A one-key view of a `chrome.storage` area. */
export const chromeArea = (area: chrome.storage.StorageArea): KeyValueArea => keyValueArea(area);

/** A one-key view of a fresh in-memory area. */
export const memoryArea = (): KeyValueArea => keyValueArea(new MemoryStorageArea());

/**
 * `chrome.storage.session`, restricted to trusted contexts (the worker and extension pages): content
 * scripts, which run inside web pages, must never be able to read the session key. That is
 * Chrome's default; setting it explicitly keeps it true even if a default ever changes.
 */
export async function trustedSessionArea(): Promise<KeyValueArea> {
  await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return chromeArea(chrome.storage.session);
}
