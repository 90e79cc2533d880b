/**
 * JSON-RPC 2.0 envelopes: building requests and checking that answers are well-formed and belong
 * to the requests that were sent.
 *
 * A hostile node can reorder batch answers, repeat or drop ids, or answer a different request
 * than asked. Every answer is therefore matched by id, each id must occur exactly once, and an
 * answer carries exactly one of `result`/`error`. Anything else is a typed envelope error.
 * @module
 */
import { RpcBadEnvelopeError, RpcBatchMismatchError } from './errors.js';

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: number;
  method: string;
  params: readonly unknown[];
}

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export type JsonRpcOutcome = { ok: true; result: unknown } | { ok: false; error: JsonRpcErrorObject };

interface Context {
  endpoint: string;
  method: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one response object and returns its id and outcome. */
function parseEnvelope(value: unknown, context: Context): { id: unknown; outcome: JsonRpcOutcome } {
  if (!isObject(value)) throw new RpcBadEnvelopeError('response is not an object', context);
  if (value.jsonrpc !== '2.0') throw new RpcBadEnvelopeError('jsonrpc is not "2.0"', context);
  const hasResult = Object.hasOwn(value, 'result');
  const hasError = Object.hasOwn(value, 'error') && value.error !== null;
  if (hasResult === hasError) throw new RpcBadEnvelopeError('expected exactly one of result and error', context);
  if (hasResult) return { id: value.id, outcome: { ok: true, result: value.result } };
  const error = value.error;
  if (!isObject(error) || typeof error.code !== 'number' || !Number.isInteger(error.code) || typeof error.message !== 'string') {
    throw new RpcBadEnvelopeError('error object lacks an integer code or a message', context);
  }
  const errorObject: JsonRpcErrorObject = { code: error.code, message: error.message };
  if (Object.hasOwn(error, 'data')) errorObject.data = error.data;
  return { id: value.id, outcome: { ok: false, error: errorObject } };
}

/** Checks the answer to a single request (its id must be the request's id). */
export function parseSingleResponse(body: unknown, request: JsonRpcRequest, endpoint: string): JsonRpcOutcome {
  const context = { endpoint, method: request.method };
  if (Array.isArray(body)) throw new RpcBatchMismatchError('got a batch answer to a single request', context);
  const { id, outcome } = parseEnvelope(body, context);
  // A node that cannot parse the request answers with id null; that is still an answer to us.
  if (id !== request.id && !(id === null && !outcome.ok)) throw new RpcBatchMismatchError(`answer id ${JSON.stringify(id)} is not request id ${request.id}`, context);
  return outcome;
}

/**
 * Checks a batch answer: an array with exactly one answer per request id, in any order.
 * Returns outcomes in request order.
 */
export function parseBatchResponse(body: unknown, requests: readonly JsonRpcRequest[], endpoint: string): JsonRpcOutcome[] {
  const context = { endpoint, method: `batch(${requests.length})` };
  if (!Array.isArray(body)) {
    // A whole-batch failure (e.g. the node refuses batches) arrives as one error object.
    if (isObject(body)) {
      const { outcome } = parseEnvelope(body, context);
      if (!outcome.ok) return requests.map(() => outcome);
    }
    throw new RpcBatchMismatchError('batch answer is not an array', context);
  }
  if (body.length !== requests.length) throw new RpcBatchMismatchError(`${body.length} answers for ${requests.length} requests`, context);
  const indexById = new Map<unknown, number>(requests.map((r, i) => [r.id, i]));
  const outcomes: (JsonRpcOutcome | undefined)[] = new Array<JsonRpcOutcome | undefined>(requests.length).fill(undefined);
  for (const entry of body) {
    const { id, outcome } = parseEnvelope(entry, context);
    const index = indexById.get(id);
    if (index === undefined) throw new RpcBatchMismatchError(`answer id ${JSON.stringify(id)} matches no request`, context);
    if (outcomes[index] !== undefined) throw new RpcBatchMismatchError(`two answers for id ${JSON.stringify(id)}`, context);
    outcomes[index] = outcome;
  }
  return outcomes.map((o) => {
    if (o === undefined) throw new RpcBatchMismatchError('an answer is missing', context);
    return o;
  });
}

/** Hands out request ids; unique per transport so late answers can never be mistaken. */
export class RequestIds {
  private next = 1;
  take(): number {
    const id = this.next;
    this.next = this.next >= Number.MAX_SAFE_INTEGER ? 1 : this.next + 1;
    return id;
  }
}
