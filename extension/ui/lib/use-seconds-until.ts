/**
 * A countdown for password back-off: whole seconds until a moment, ticking while it is ahead.
 */
import { useEffect, useState } from 'react';

/** Whole seconds until `until` (ms since epoch), re-rendering while positive; 0 when past or unset. */
export function useSecondsUntil(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const waiting = until !== undefined && until > now;
  useEffect(() => {
    setNow(Date.now());
  }, [until]);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [waiting]);
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
