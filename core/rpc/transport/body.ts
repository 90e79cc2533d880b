/**
 * Reads an HTTP response body with a hard byte cap.
 *
 * A node (or anything between us and it) can send an endless body. The cap is checked against
 * `Content-Length` first, then enforced while streaming, and reading stops — and the stream is
 * cancelled — the moment it is exceeded, so the wallet never holds more than the cap in memory.
 * Invalid UTF-8 is a malformed answer, not replacement characters.
 * @module
 */
import { RpcMalformedJsonError, RpcNetworkError, RpcResponseTooLargeError } from '../errors.js';

interface Context {
  endpoint: string;
  method: string;
}

/** Reads at most `maxBytes` and decodes UTF-8 strictly. */
export async function readCappedBody(response: Response, maxBytes: number, context: Context): Promise<{ text: string; bytes: number }> {
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new RpcResponseTooLargeError(maxBytes, context);
  }
  const body = response.body;
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body !== null) {
    const reader = body.getReader();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (cause) {
        throw new RpcNetworkError({ ...context, cause });
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new RpcResponseTooLargeError(maxBytes, context);
      }
      chunks.push(step.value);
    }
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(joined), bytes: total };
  } catch (cause) {
    throw new RpcMalformedJsonError({ ...context, cause, details: 'body is not UTF-8' });
  }
}

/** JSON.parse with the failure typed. */
export function parseJsonBody(text: string, context: Context): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new RpcMalformedJsonError({ ...context, cause });
  }
}
