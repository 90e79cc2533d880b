/**
 * What the locked and unlocked vault share: injected dependencies, the serial queue, reading the
 * current record, and the throttled password attempt.
 * @module
 */
import { NoVaultError, UnlockThrottledError, VaultUnreadableError, WrongPasswordError } from './errors.js';
import { randomId, type VaultCrypto } from './crypto.js';
import { nextAttemptAt, reanchor, recordFailure } from './throttle.js';
import { decodeAnyRecord, type AnyVaultRecord } from './records.js';
import { SerialQueue } from './serial.js';
import type { VaultStorage } from './storage.js';

export interface VaultContext {
  readonly storage: VaultStorage;
  readonly crypto: VaultCrypto;
  readonly now: () => number;
  /** Every operation that reads-then-writes, or tries a password, runs through this queue. */
  readonly queue: SerialQueue;
}

export function newId(context: VaultContext): string {
  return randomId(context.crypto);
}

/** The current record, parsed. Undefined when there is none; {@link VaultUnreadableError} when it cannot be parsed. */
export async function readCurrentRecord(context: VaultContext): Promise<{ text: string; record: AnyVaultRecord } | undefined> {
  const stored = await context.storage.readCurrent();
  if (stored === undefined) return undefined;
  try {
    return { text: stored.text, record: decodeAnyRecord(stored.text) };
  } catch (cause) {
    throw new VaultUnreadableError({ cause });
  }
}

export async function requireCurrentRecord(context: VaultContext): Promise<{ text: string; record: AnyVaultRecord }> {
  const current = await readCurrentRecord(context);
  if (current === undefined) throw new NoVaultError();
  return current;
}

/** Wrong passwords in a row so far, and when the next attempt is allowed (ms since epoch; 0: now). */
export interface PasswordThrottleView {
  readonly failedAttempts: number;
  readonly retryAt: number;
}

/** The throttle as it stands. Re-anchors a throttle left in the future by a clock change. */
export async function passwordThrottle(context: VaultContext): Promise<PasswordThrottleView> {
  let state = await context.storage.readThrottle();
  if (state === undefined) return { failedAttempts: 0, retryAt: 0 };
  const now = context.now();
  const anchored = reanchor(state, now);
  if (anchored !== state) {
    await context.storage.writeThrottle(anchored);
    state = anchored;
  }
  return { failedAttempts: state.failures, retryAt: nextAttemptAt(state, now) };
}

/**
 * Runs one password attempt under the persisted throttle: refuses early with
 * {@link UnlockThrottledError} (the attempt does not count), counts a {@link WrongPasswordError},
 * and clears the counter on success. Call inside the queue.
 */
export async function attemptPassword<T>(context: VaultContext, attempt: () => Promise<T>): Promise<T> {
  const { retryAt } = await passwordThrottle(context);
  if (retryAt > 0) throw new UnlockThrottledError(retryAt);
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (error instanceof WrongPasswordError) {
      await context.storage.writeThrottle(recordFailure(await context.storage.readThrottle(), context.now()));
    }
    throw error;
  }
  if ((await context.storage.readThrottle()) !== undefined) await context.storage.writeThrottle(undefined);
  return result;
}
