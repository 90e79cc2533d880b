import { expect, test } from 'vitest';
import { formatDuration, timeAgo } from './time.js';

test('timeAgo', () => {
  const now = 1_700_000_000_000;
  expect(timeAgo(now, now)).toBe('just now');
  expect(timeAgo(now + 5000, now)).toBe('just now'); // clock skew never shows negative time
  expect(timeAgo(now - 42_000, now)).toBe('42 s ago');
  expect(timeAgo(now - 5 * 60_000, now)).toBe('5 min ago');
  expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
  expect(timeAgo(now - 3 * 86_400_000, now)).toBe('3 days ago');
});

test('formatDuration', () => {
  expect(formatDuration(1000)).toBe('1 second');
  expect(formatDuration(30_000)).toBe('30 seconds');
  expect(formatDuration(60_000)).toBe('1 minute');
  expect(formatDuration(15 * 60_000)).toBe('15 minutes');
  expect(formatDuration(3_600_000)).toBe('1 hour');
  expect(formatDuration(150 * 60_000)).toBe('2 hours 30 minutes');
});
