/**
 * A simulated network link for benchmarks: wraps a `fetch` so that every exchange costs what it
 * would over a slow, lossy connection — a round trip before the answer starts, the answer's bytes
 * serialized over a shared downlink, one extra round trip per lost packet (retransmission), and a
 * connection set-up (two round trips, TCP and TLS) the first time a host is used. Loss is drawn
 * from a seeded generator, so runs are reproducible. Also counts the bytes downloaded.
 */
import type { FetchFunction } from '../core/rpc/transport/http.js';

export interface LinkOptions {
  /** Round-trip time in ms (0: no delay at all). */
  rttMs: number;
  /** Downlink bandwidth in bits per second (Infinity: no limit). */
  bitsPerSecond: number;
  /** Probability that a packet is lost and must be sent again. */
  loss: number;
  seed?: number;
}

export interface Link {
  fetch: FetchFunction;
  /** Bytes of answers delivered so far. */
  readonly bytes: number;
  readonly requests: number;
  reset(): void;
}

const PACKET_BYTES = 1460;

/** A fetch over `inner` (an in-process fake network) with the link's delays. */
export function simulatedLink(inner: FetchFunction, options: LinkOptions): Link {
  let seed = (options.seed ?? 1) >>> 0;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  let linkFreeAt = 0;
  let bytes = 0;
  let requests = 0;
  const connected = new Set<string>();
  const wait = (ms: number) => (ms <= 0 ? Promise.resolve() : new Promise<void>((r) => setTimeout(r, ms)));
  const fetch: FetchFunction = async (input, init) => {
    const sentAt = performance.now();
    const response = await inner(input, init);
    const body = new Uint8Array(await response.arrayBuffer());
    bytes += body.length;
    requests++;
    if (options.rttMs > 0 || Number.isFinite(options.bitsPerSecond)) {
      const host = new URL(input).host;
      const setup = connected.has(host) ? 0 : 2 * options.rttMs;
      connected.add(host);
      const transfer = Number.isFinite(options.bitsPerSecond) ? (body.length * 8 * 1000) / options.bitsPerSecond : 0;
      const start = Math.max(sentAt + setup + options.rttMs, linkFreeAt);
      linkFreeAt = start + transfer;
      let lost = 0;
      for (let p = 0; p < Math.ceil(body.length / PACKET_BYTES); p++) if (random() < options.loss) lost++;
      await wait(linkFreeAt + lost * options.rttMs - performance.now());
    }
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch,
    get bytes() {
      return bytes;
    },
    get requests() {
      return requests;
    },
    reset() {
      bytes = 0;
      requests = 0;
      linkFreeAt = 0;
      connected.clear();
    },
  };
}
