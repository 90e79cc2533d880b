import { afterEach, expect, test, vi } from 'vitest';

/** A working in-memory Storage, installed as the page's localStorage. */
function installStorage(entries: Record<string, string>): Map<string, string> {
  const map = new Map(Object.entries(entries));
  const storage = {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, String(v)),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
  vi.stubGlobal('localStorage', storage);
  return map;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

test('the choice stored under its earlier name is kept, moved to its own name, and forgets remembered values', async () => {
  const stored = installStorage({ 'wayfarer.privacyMode': 'on', 'wayfarer.lastKnown.balance': '{"value":1,"at":1}' });
  const { setAmountsHidden } = await import('./hidden-amounts.js');
  expect(Object.fromEntries(stored)).toEqual({ 'wayfarer.hideAmounts': 'on' });
  setAmountsHidden(false);
  expect(Object.fromEntries(stored)).toEqual({});
  setAmountsHidden(true);
  expect(Object.fromEntries(stored)).toEqual({ 'wayfarer.hideAmounts': 'on' });
});

test('amounts are shown unless the user chose to hide them', async () => {
  const stored = installStorage({ 'wayfarer.privacyMode': 'off', 'wayfarer.lastKnown.balance': '{"value":1,"at":1}' });
  await import('./hidden-amounts.js');
  expect(Object.fromEntries(stored)).toEqual({ 'wayfarer.lastKnown.balance': '{"value":1,"at":1}' });
});
