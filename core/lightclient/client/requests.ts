/**
 * Thin wrappers that perform one transport call, attach the call to any verification failure it
 * causes (so the node pool knows which answer to blame), and turn transport rejections into a
 * typed `missing` failure that names the call.
 * @module
 */
import { LightClientError, type FailedRequest } from '../errors.js';
import type { LightClientMethod, LightClientTransport } from '../transport.js';

/** Calls `method` on the transport and runs `check` over the answer; failures name the call. */
export async function request<T>(
  transport: LightClientTransport,
  method: LightClientMethod,
  params: readonly unknown[],
  call: (t: LightClientTransport) => Promise<unknown>,
  check: (answer: unknown) => T,
): Promise<T> {
  const failed: FailedRequest = { method, params };
  let answer: unknown;
  try {
    answer = await call(transport);
  } catch (cause) {
    throw new LightClientError('missing', `${method} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, request: failed });
  }
  try {
    return check(answer);
  } catch (error) {
    if (error instanceof LightClientError) throw error.withRequest(failed);
    throw error;
  }
}

/** Runs `tasks` with at most `limit` in flight, keeping result order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}
