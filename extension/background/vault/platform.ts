/**
 * The alarm facility the vault service uses (auto-lock), as a small interface with its `chrome.*`
 * implementation. The service is written against the interface so its logic runs in unit tests;
 * the browser tests run it against the real one. Storage areas are in `../storage-area.ts`.
 * @module
 */

/** One-shot named alarms that survive worker restarts (`chrome.alarms`). */
export interface AlarmScheduler {
  schedule(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export const chromeAlarms: AlarmScheduler = {
  schedule: async (name, when) => chrome.alarms.create(name, { when }),
  clear: async (name) => {
    await chrome.alarms.clear(name);
  },
};
