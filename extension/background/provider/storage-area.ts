/**
 * The key-value storage the provider persists to: `chrome.storage.local` (permissions, durable) and
 * `chrome.storage.session` (pending requests and approval windows: survive service-worker restarts,
 * cleared with the browser, unreachable from content scripts at the default access level).
 * An interface so the logic is tested in Node against a real in-memory map.
 * @module
 */

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
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
