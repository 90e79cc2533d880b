/**
 * A poor link between the wallet and a real node, as an HTTP proxy: every request waits a round
 * trip (with seeded jitter), answers are throttled to a bandwidth, and a seeded share of requests
 * is lost (the connection is dropped without an answer, as a timed-out mobile link looks to the
 * wallet). `freezePos()` makes the proxy keep answering the PoS status and the latest committed
 * ledger info it saw last, as a node that stopped finalizing (or withholds finality) does, while
 * everything else stays live.
 *
 * Everything is forwarded unchanged otherwise (method, headers, body, CORS preflights), so the
 * wallet sees the real node's answers, just late, slow, sometimes missing, or frozen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { seeded } from './seeded.js';

export interface LinkProxyOptions {
  upstream: string;
  /** Round trip added to every request (ms). */
  rttMs: number;
  /** Downlink in bytes per second (answers are written in slices at this pace). */
  bytesPerSecond: number;
  /** Share of requests lost (0…1). */
  loss: number;
  /** Seed of the jitter and loss decisions (printed by the test). */
  seed: number;
  /** Also lose every n-th request, from the second on (so a short exchange surely loses some). */
  dropEvery?: number;
}

export interface LinkProxy {
  url: string;
  /** Requests seen, lost, and answered from the frozen PoS answers. */
  readonly counts: { requests: number; lost: number; frozen: number };
  /** From now on, PoS status and latest committed ledger info are the last ones seen. */
  freezePos(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

interface RpcCall {
  id: unknown;
  method: string;
  params?: unknown[];
}

/** The frozen PoS answers are keyed by method (and the block tag for ledger infos). */
function frozenKey(call: RpcCall): string | null {
  if (call.method === 'pos_getStatus') return call.method;
  if (call.method === 'pos_getLedgerInfoByBlockNumber' && call.params?.[0] === 'latest_committed') return `${call.method}/latest_committed`;
  return null;
}

export async function startLinkProxy(options: LinkProxyOptions): Promise<LinkProxy> {
  const random = seeded(options.seed);
  const counts = { requests: 0, lost: 0, frozen: 0 };
  let frozen = false;
  const lastSeen = new Map<string, unknown>();
  let downlinkFreeAt = 0;

  const write = async (res: ServerResponse, status: number, headers: Headers, body: Buffer) => {
    res.statusCode = status;
    for (const [name, value] of headers) if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) res.setHeader(name, value);
    // The downlink is shared: answers queue behind each other at the given pace.
    const slice = Math.max(512, Math.floor(options.bytesPerSecond / 20));
    for (let offset = 0; offset < body.length; offset += slice) {
      const chunk = body.subarray(offset, offset + slice);
      const start = Math.max(performance.now(), downlinkFreeAt);
      downlinkFreeAt = start + (chunk.length / options.bytesPerSecond) * 1000;
      await sleep(downlinkFreeAt - performance.now());
      if (res.destroyed) return;
      res.write(chunk);
    }
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    counts.requests++;
    await sleep(options.rttMs * (0.75 + random() * 0.5));
    const n = counts.requests;
    if (random() < options.loss || (options.dropEvery !== undefined && n % options.dropEvery === 2 % options.dropEvery)) {
      counts.lost++;
      res.socket?.destroy();
      return;
    }
    let calls: RpcCall[] | null = null;
    try {
      const parsed = JSON.parse(body.toString()) as RpcCall | RpcCall[];
      calls = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      calls = null; // a preflight or something else: forwarded as it is
    }
    if (frozen && calls && calls.length > 0 && calls.every((c) => lastSeen.has(frozenKey(c) ?? ''))) {
      counts.frozen++;
      const answers = calls.map((c) => ({ jsonrpc: '2.0', id: c.id, result: lastSeen.get(frozenKey(c)!) }));
      const headers = new Headers({ 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      await write(res, 200, headers, Buffer.from(JSON.stringify(Array.isArray(JSON.parse(body.toString())) ? answers : answers[0])));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
    const upstream = await fetch(options.upstream + (req.url ?? '/'), { method: req.method ?? 'POST', headers, ...(req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? {} : { body: new Uint8Array(body) }) });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (calls && !frozen) {
      try {
        const parsed = JSON.parse(answer.toString()) as { id: unknown; result?: unknown } | { id: unknown; result?: unknown }[];
        for (const a of Array.isArray(parsed) ? parsed : [parsed]) {
          const call = calls.find((c) => c.id === a.id);
          const key = call ? frozenKey(call) : null;
          if (key && a.result !== undefined) lastSeen.set(key, a.result);
        }
      } catch {
        // not JSON: nothing to remember
      }
    }
    await write(res, upstream.status, upstream.headers, answer);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) res.statusCode = 502;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    freezePos: () => {
      frozen = true;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
