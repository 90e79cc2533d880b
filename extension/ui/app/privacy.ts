/**
 * Privacy mode: amounts are masked on screen (for travellers using the wallet in public), and
 * nothing is remembered between visits. The preference itself lives in this page's storage.
 */
import { useSyncExternalStore } from 'react';
import { setRemembering } from '../lib/last-known.js';

const KEY = 'wayfarer.privacyMode';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

let current = read();
setRemembering(!current);

export function setPrivacyMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the mode still applies to this page
  }
  current = on;
  setRemembering(!on);
  for (const listener of listeners) listener();
}

export function usePrivacy(): { hidden: boolean } {
  const hidden = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
  return { hidden };
}
