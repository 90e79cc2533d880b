/**
 * A service start that is shared and retried: every caller before the start settles gets the same
 * promise (one service, never two), a successful start is kept, and a failed one is forgotten so
 * the next caller tries again. The worker lives for minutes at most, so a failure at wake-up (a
 * database blocked for a moment, say) must not leave a service unusable until the browser restarts.
 * @module
 */
export function startOnDemand<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => {
    started ??= start().catch((error: unknown) => {
      started = undefined;
      throw error;
    });
    return started;
  };
}
