/**
 * A typed JSON-RPC client for one node: single requests and batches, per-request deadlines,
 * retries with jittered backoff for transient failures only, and schema validation of every
 * result (see schema/methods.ts). It reports each outcome (latency, failure kind) to an observer so
 * the node pool can score health without wrapping every call.
 *
 * What the client guarantees to callers: a resolved value has passed its method's schema; every
 * failure is an `RpcError` subclass with `retryable` and `fault`.
 * @module
 */
import { RpcAbortedError, RpcError, RpcInvalidResultError, RpcNodeError } from './errors.js';
import { parseBatchResponse, parseSingleResponse, RequestIds, type JsonRpcOutcome, type JsonRpcRequest } from './jsonrpc.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, type RetryPolicy } from './retry.js';
import { sleep, systemClock, type Clock } from './clock.js';
import { rpcMethods, type RpcMethodName, type RpcParams, type RpcResult } from './schema/methods.js';
import { ResultSchemaError } from './schema/validators.js';
import type { RpcTransport } from './transport/types.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface RequestOutcome {
  endpoint: string;
  /** Method, or `batch(n)`. */
  method: string;
  ok: boolean;
  latencyMs: number;
  error?: RpcError;
}

export interface RpcClientOptions {
  transport: RpcTransport;
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
  /** Uniform [0, 1) source for backoff jitter. */
  random?: () => number;
  /** Called once per attempt (so retries count as separate outcomes). */
  onOutcome?: (outcome: RequestOutcome) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

/** One entry of a batch, typed by method. */
export type BatchCall = { [M in RpcMethodName]: { method: M; params: RpcParams<M> } }[RpcMethodName];
export type BatchOutcome<M extends RpcMethodName> = { ok: true; value: RpcResult<M> } | { ok: false; error: RpcError };
export type BatchOutcomes<C extends readonly BatchCall[]> = { [K in keyof C]: BatchOutcome<C[K]['method']> };

export class RpcClient {
  readonly transport: RpcTransport;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly onOutcome: ((outcome: RequestOutcome) => void) | undefined;
  private readonly ids = new RequestIds();

  constructor(options: RpcClientOptions) {
    this.transport = options.transport;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.onOutcome = options.onOutcome;
  }

  get endpoint(): string {
    return this.transport.endpoint;
  }

  /**
   * Sends one request and returns its validated result.
   * @throws {RpcError} network/timeout/HTTP (after retries), malformed answer, node error object
   * @example await client.request('cfx_getBalance', [address, '0x1a4'])
   */
  async request<M extends RpcMethodName>(method: M, params: RpcParams<M>, options: CallOptions = {}): Promise<RpcResult<M>> {
    const outcome = await this.exchange(method, params, options);
    return this.resultOf(method, outcome);
  }

  /**
   * Like {@link request}, but resolves to the answer exactly as the node sent it (after it passed
   * the same schema). For consumers that hash or forward the JSON itself (light client, dApps);
   * parameters are not typed here because such callers hold them as plain JSON.
   */
  async requestVerbatim(method: RpcMethodName, params: readonly unknown[], options: CallOptions = {}): Promise<unknown> {
    const outcome = await this.exchange(method, params, options);
    this.resultOf(method, outcome);
    return outcome.ok ? outcome.result : undefined;
  }

  /**
   * Sends several requests in one JSON-RPC batch. Transport failures reject the whole batch;
   * per-entry node errors and schema violations are returned per entry.
   * @example const [balance, nonce] = await client.batch([{ method: 'cfx_getBalance', params: [a, e] }, { method: 'cfx_getNextNonce', params: [a, e] }] as const)
   */
  async batch<const C extends readonly BatchCall[]>(calls: C, options: CallOptions = {}): Promise<BatchOutcomes<C>> {
    // An empty batch is invalid JSON-RPC; answer it locally.
    if (calls.length === 0) return [] as BatchOutcomes<C>;
    const label = `batch(${calls.length})`;
    const outcomes = await this.withRetries(label, options, async (timeoutMs) => {
      const requests: JsonRpcRequest[] = calls.map((call) => ({ jsonrpc: '2.0', id: this.ids.take(), method: call.method, params: call.params }));
      const body = await this.transport.send(requests, { timeoutMs, label, ...(options.signal ? { signal: options.signal } : {}) });
      return parseBatchResponse(body, requests, this.endpoint);
    });
    const results: BatchOutcome<RpcMethodName>[] = calls.map((call, i) => {
      try {
        return { ok: true as const, value: this.resultOf(call.method, outcomes[i]!) };
      } catch (error) {
        if (error instanceof RpcError) return { ok: false as const, error };
        throw error;
      }
    });
    return results as BatchOutcomes<C>;
  }

  private exchange(method: RpcMethodName, params: readonly unknown[], options: CallOptions): Promise<JsonRpcOutcome> {
    return this.withRetries(method, options, async (timeoutMs) => {
      const request: JsonRpcRequest = { jsonrpc: '2.0', id: this.ids.take(), method, params };
      const body = await this.transport.send(request, { timeoutMs, label: method, ...(options.signal ? { signal: options.signal } : {}) });
      return parseSingleResponse(body, request, this.endpoint);
    });
  }

  private resultOf<M extends RpcMethodName>(method: M, outcome: JsonRpcOutcome): RpcResult<M> {
    const context = { endpoint: this.endpoint, method };
    if (!outcome.ok) throw new RpcNodeError(outcome.error.code, outcome.error.message, outcome.error.data, context);
    const spec = rpcMethods[method];
    try {
      return spec.result.parse(outcome.result, 'result') as RpcResult<M>;
    } catch (error) {
      if (error instanceof ResultSchemaError) {
        const invalid = new RpcInvalidResultError(error.path, error.problem, { ...context, cause: error });
        this.report(method, false, 0, invalid);
        throw invalid;
      }
      throw error;
    }
  }

  private async withRetries<T>(label: string, options: CallOptions, attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
    const policy = options.retry ?? this.retry;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    for (let n = 1; ; n++) {
      const started = this.clock.now();
      try {
        const value = await attempt(timeoutMs);
        this.report(label, true, this.clock.now() - started);
        return value;
      } catch (error) {
        const typed = error instanceof RpcError ? error : undefined;
        this.report(label, false, this.clock.now() - started, typed);
        if (n >= policy.maxAttempts || !isRetryable(error) || options.signal?.aborted) throw error;
        try {
          await sleep(this.clock, backoffDelay(policy, n, this.random), options.signal);
        } catch (cause) {
          throw new RpcAbortedError({ endpoint: this.endpoint, method: label, cause });
        }
      }
    }
  }

  private report(method: string, ok: boolean, latencyMs: number, error?: RpcError): void {
    if (!this.onOutcome) return;
    this.onOutcome(error ? { endpoint: this.endpoint, method, ok, latencyMs, error } : { endpoint: this.endpoint, method, ok, latencyMs });
  }
}
