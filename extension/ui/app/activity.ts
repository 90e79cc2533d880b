/**
 * Tells the background the user is active in the wallet (taps, keys), so the auto-lock timer
 * counts from the last real use — not from the last time a screen polled for data. At most one
 * notice per interval: the worker need not wake for every keystroke.
 */
import { useEffect, useRef } from 'react';

export const TOUCH_INTERVAL_MS = 30_000;

export function useUserActivity(onActive: () => void, intervalMs = TOUCH_INTERVAL_MS): void {
  const last = useRef(0);
  const callback = useRef(onActive);
  callback.current = onActive;
  useEffect(() => {
    const handler = () => {
      const now = Date.now();
      if (now - last.current < intervalMs) return;
      last.current = now;
      callback.current();
    };
    window.addEventListener('pointerdown', handler, { passive: true });
    window.addEventListener('keydown', handler);
    return () => {
      window.removeEventListener('pointerdown', handler);
      window.removeEventListener('keydown', handler);
    };
  }, [intervalMs]);
}
