/**
 * Node health: how fast and how reliable each node has been, as a score used to order nodes.
 *
 * Latency is an exponentially weighted moving average, so one slow answer does not condemn a node
 * and one fast answer does not redeem it. Consecutive failures multiply the score, and after
 * `UNRESPONSIVE_AFTER` of them the pool bans the node briefly. Pure data, time injected.
 * @module
 */

export interface NodeHealth {
  /** EWMA of successful request latency; undefined until the first success. */
  latencyMs: number | undefined;
  successes: number;
  failures: number;
  consecutiveFailures: number;
  lastSuccessAt: number | undefined;
  lastFailureAt: number | undefined;
  /** Failure code of the last error (e.g. `rpc.timeout`), for the node list. */
  lastErrorCode: string | undefined;
}

/** Weight of the newest sample in the latency average. */
const EWMA_ALPHA = 0.3;
/** Latency assumed for a node that has not answered yet: try it, but after proven fast ones. */
const UNKNOWN_LATENCY_MS = 800;
export const UNRESPONSIVE_AFTER = 3;

export function emptyHealth(): NodeHealth {
  return { latencyMs: undefined, successes: 0, failures: 0, consecutiveFailures: 0, lastSuccessAt: undefined, lastFailureAt: undefined, lastErrorCode: undefined };
}

export function recordSuccess(health: NodeHealth, latencyMs: number, now: number): NodeHealth {
  const latency = health.latencyMs === undefined ? latencyMs : health.latencyMs + EWMA_ALPHA * (latencyMs - health.latencyMs);
  return { ...health, latencyMs: latency, successes: health.successes + 1, consecutiveFailures: 0, lastSuccessAt: now };
}

export function recordFailure(health: NodeHealth, errorCode: string, now: number): NodeHealth {
  return { ...health, failures: health.failures + 1, consecutiveFailures: health.consecutiveFailures + 1, lastFailureAt: now, lastErrorCode: errorCode };
}

/**
 * Lower is better. Expected latency, doubled per consecutive failure and scaled by the long-run
 * failure rate.
 * @example healthScore(emptyHealth()) // 800
 */
export function healthScore(health: NodeHealth): number {
  const latency = health.latencyMs ?? UNKNOWN_LATENCY_MS;
  const total = health.successes + health.failures;
  const failureRate = total === 0 ? 0 : health.failures / total;
  return latency * 2 ** Math.min(health.consecutiveFailures, 10) * (1 + 4 * failureRate);
}
