/**
 * Retry policy: which failures are worth another attempt on the same node, and how long to wait.
 *
 * Only transient failures retry (network drop, timeout, HTTP 429/502/503/504 — see
 * `RpcError.retryable`). A node that answered with garbage or a lie is not asked again; the pool
 * moves to another node instead. Delays use "full jitter" (uniform in [0, min(cap, base·2^n)]) so
 * many wallets recovering from the same outage do not retry in lockstep.
 * @module
 */
import { RpcError } from './errors.js';

export interface RetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 };
export const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/** True when another attempt at the same node may succeed. */
export function isRetryable(error: unknown): boolean {
  return error instanceof RpcError && error.retryable;
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1), full jitter.
 * @param random uniform in [0, 1); injected for tests
 * @example backoffDelay(DEFAULT_RETRY_POLICY, 1, () => 0.5) // 125
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
