/**
 * The auto-lock rule: the wallet locks at an absolute deadline, `autoLockMs` after it was last used.
 *
 * The deadline is a wall-clock time stored with the session, not a timer: timers die with the
 * service worker, so the worker checks the deadline whenever it wakes or is asked anything, and an
 * alarm wakes it at the deadline in case nobody asks. 0 means "only when the browser closes"
 * (session storage is cleared with the browser).
 * @module
 */
import { InvalidInputError } from '../../../core/errors.js';

const MINUTE = 60_000;
export const DEFAULT_AUTO_LOCK_MS = 15 * MINUTE;
export const MAX_AUTO_LOCK_MS = 24 * 60 * MINUTE;
export const AUTO_LOCK_CHOICES_MS: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 4 * 60 * MINUTE, 0];
export const AUTO_LOCK_ALARM = 'wayfarer.vault.autolock';

/** 0, or a whole number of minutes up to a day. */
export function assertAutoLockMs(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_AUTO_LOCK_MS || value % MINUTE !== 0) {
    throw new InvalidInputError('autoLockMs: expected 0 or a whole number of minutes up to 24 hours');
  }
  return value;
}

/** The deadline after a use at `now`; null when the wallet only locks with the browser. */
export function lockDeadline(now: number, autoLockMs: number): number | null {
  return autoLockMs === 0 ? null : now + autoLockMs;
}

export function isPastDeadline(lockAt: number | null, now: number): boolean {
  return lockAt !== null && now >= lockAt;
}
