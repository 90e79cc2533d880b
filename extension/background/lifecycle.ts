/**
 * How every background service starts: as a {@link Service}, a `() => Promise<T>` that starts the
 * service on first use, gives every caller before the start settles the same promise (one service,
 * never two), keeps a successful start and forgets a failed one, so the callers that waited get its
 * typed error and the next call tries again.
 *
 * Failure model: the worker lives for minutes at most and is woken by events, so a failure at
 * wake-up (a database blocked for a moment, storage briefly unavailable) must not leave a service —
 * or anything built on it — unusable until the browser restarts. A service that depends on another
 * takes that one's `Service` (never a promise of it) and calls it inside its own start: while the
 * dependency fails, so does the dependent's start, and once the dependency starts, the dependent's
 * next call does too. A start must therefore leave nothing behind when it fails (no listener still
 * registered, no connection still open) — a retry builds everything again.
 *
 * Each service's callers wait for that service only: nothing here blocks one service on another
 * that it does not use. Listeners the platform requires in the worker's first turn (alarms, ports)
 * are registered by the install files themselves, synchronously, and call the service from there.
 * @module
 */

/** A service as its users see it: resolves with the running service, starting it if need be. */
export type Service<T> = () => Promise<T>;

/** The {@link Service} that `start` starts on first use (see the module comment). */
export function startOnDemand<T>(start: () => Promise<T>): Service<T> {
  let started: Promise<T> | undefined;
  return () => {
    started ??= start().catch((error: unknown) => {
      started = undefined;
      throw error;
    });
    return started;
  };
}

/**
 * Starts `service` now rather than on first use (one that has work of its own to resume). A
 * failure is logged, by error name only (messages may hold details), and left for the next caller
 * to retry.
 */
export function startNow<T>(name: string, service: Service<T>): Service<T> {
  service().catch((error: unknown) => console.error(`${name}: start failed:`, error instanceof Error ? error.name : typeof error));
  return service;
}
