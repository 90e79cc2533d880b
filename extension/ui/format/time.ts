/**
 * Human time phrases for "last known, 5 min ago" labels and durations ("lock after 15 minutes").
 * `now` is passed in so callers (and tests) control the clock.
 * @module
 */

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(timestampMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - timestampMs) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** "30 seconds", "1 minute", "15 minutes", "1 hour", "2 hours 30 minutes". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return plural(totalSeconds, 'second');
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 60) return plural(totalMinutes, 'minute');
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}

/** A wall-clock date and time in the user's locale, e.g. for transaction details. */
export function formatDateTime(timestampMs: number): string {
  return new Date(timestampMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
