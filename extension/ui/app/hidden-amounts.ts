/**
 * Hidden amounts: amounts are masked on screen (for travellers using the wallet in public), and
 * nothing is remembered between visits. The preference itself lives in this page's storage.
 * (Not to be confused with privacy, the node pool's setting that spreads accounts over nodes.)
 */
import { useSyncExternalStore } from 'react';
import { setRemembering } from '../lib/last-known.js';

const KEY = 'wayfarer.hideAmounts';
/** Where earlier versions kept the same choice; read once, then moved to {@link KEY}. */
const EARLIER_KEY = 'wayfarer.privacyMode';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    const earlier = localStorage.getItem(EARLIER_KEY);
    if (earlier !== null) {
      localStorage.removeItem(EARLIER_KEY);
      if (earlier === 'on') localStorage.setItem(KEY, 'on');
    }
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

let current = read();
setRemembering(!current);

export function setAmountsHidden(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the choice still applies to this page
  }
  current = on;
  setRemembering(!on);
  for (const listener of listeners) listener();
}

export function useHiddenAmounts(): { hidden: boolean } {
  const hidden = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
  return { hidden };
}
