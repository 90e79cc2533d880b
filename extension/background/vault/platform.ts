/**
 * The few browser facilities the vault service uses, as small interfaces, with their `chrome.*`
 * implementations. The service is written against the interfaces so its logic runs in unit tests;
 * the browser tests run it against the real ones.
 * @module
 */

/** A key/value storage area (`chrome.storage.session` or `chrome.storage.local`). */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** One-shot named alarms that survive worker restarts (`chrome.alarms`). */
export interface AlarmScheduler {
  schedule(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export function chromeArea(area: chrome.storage.StorageArea): KeyValueArea {
  return {
    get: async (key) => (await area.get(key))[key],
    set: async (key, value) => area.set({ [key]: value }),
    remove: async (key) => area.remove(key),
  };
}

/**
 * `chrome.storage.session`, restricted to trusted contexts (the worker and extension pages): content
 * scripts, which run inside web pages, must never be able to read the session key. That is
 * Chrome's default; setting it explicitly keeps it true even if a default ever changes.
 */
export async function trustedSessionArea(): Promise<KeyValueArea> {
  await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return chromeArea(chrome.storage.session);
}

export const chromeAlarms: AlarmScheduler = {
  schedule: async (name, when) => chrome.alarms.create(name, { when }),
  clear: async (name) => {
    await chrome.alarms.clear(name);
  },
};

/**
 * An in-memory area with the storage areas' value rules: values go through JSON, so one that
 * `chrome.storage` would not keep as is (a bigint, a class instance) fails or changes here too.
 */
export function memoryArea(): KeyValueArea {
  const values = new Map<string, string>();
  return {
    get: async (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    set: async (key, value) => {
      values.set(key, JSON.stringify(value));
    },
    remove: async (key) => {
      values.delete(key);
    },
  };
}
