/** "last known, 5 min ago" under a value shown from the cache while a fresh one is fetched. */
import { useEffect, useState, type ReactElement } from 'react';
import { Trans } from 'react-i18next';
import { timeAgo } from '../format/time.js';

export function LastKnown({ at }: { at: number }): ReactElement {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span className="last-known" data-testid="last-known">
      <Trans i18nKey="common.lastKnown" values={{ time: timeAgo(at, now) }} components={{ time: <span data-volatile /> }} />
    </span>
  );
}
