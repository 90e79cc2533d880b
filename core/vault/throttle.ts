/**
 * Wrong-password throttling: a pure policy over a persisted counter.
 *
 * Threat model: someone with the unlocked-but-unattended device (or a compromised extension page)
 * guessing passwords through the UI. The KDF already costs each guess ~0.1–1 s; after a few free
 * mistakes (typos) each further failure doubles the wait, up to an hour. The state is stored with
 * the vault so restarting the worker or browser does not reset it. Throttling never deletes or
 * locks away data: it only delays the next attempt. (Offline guessing against a copied vault is the
 * KDF's job, not this module's.)
 * @module
 */
import type { ThrottleState } from './storage.js';

/** Failures allowed without any delay. */
export const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60 * 60 * 1_000;

/** Delay imposed after `failures` consecutive wrong passwords. */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  const exponent = Math.min(failures - FREE_ATTEMPTS - 1, 30);
  return Math.min(BASE_DELAY_MS * 2 ** exponent, MAX_DELAY_MS);
}

/** When the next password attempt is allowed (ms since epoch); 0 when it is allowed now. */
export function nextAttemptAt(state: ThrottleState | undefined, now: number): number {
  if (state === undefined) return 0;
  const delay = delayAfterFailures(state.failures);
  const at = state.lastFailureAt + delay;
  return delay > 0 && at > now ? at : 0;
}

/**
 * If the clock went backwards since the last failure, counts the wait from now instead (the caller
 * persists the result). Changing the clock thus neither skips the delay nor stretches it beyond one
 * full delay, which a user whose phone clock jumped back a year would otherwise suffer.
 */
export function reanchor(state: ThrottleState, now: number): ThrottleState {
  return state.lastFailureAt > now ? { ...state, lastFailureAt: now } : state;
}

/** The state after one more wrong password at `now`. */
export function recordFailure(state: ThrottleState | undefined, now: number): ThrottleState {
  return { failures: (state?.failures ?? 0) + 1, lastFailureAt: now };
}
