/**
 * Human time phrases for "last known, 5 min ago" labels and durations ("lock after 15 minutes"),
 * in the language shown. `now` is passed in so callers (and tests) control the clock.
 * @module
 */
import { t } from '../i18n/i18n.js';
export { formatDateTime } from '../i18n/format.js';

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(timestampMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - timestampMs) / 1000));
  if (seconds < 5) return t('time.justNow');
  if (seconds < 60) return t('time.secondsAgo', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('time.minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.hoursAgo', { count: hours });
  return t('time.daysAgo', { count: Math.floor(hours / 24) });
}

/** "30 seconds", "1 minute", "15 minutes", "1 hour", "2 hours 30 minutes". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return t('time.seconds', { count: totalSeconds });
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 60) return t('time.minutes', { count: totalMinutes });
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const hoursText = t('time.hours', { count: hours });
  return minutes === 0 ? hoursText : t('time.hoursMinutes', { hours: hoursText, minutes: t('time.minutes', { count: minutes }) });
}
