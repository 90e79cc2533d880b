/**
 * The gateway's listeners: JSON-RPC over HTTP (POST) and WebSocket on the same port, with CORS
 * open to any origin (no cookies or credentials are ever used: a browser extension or page may
 * call it, and nothing it returns is trusted by the wallet anyway).
 *
 * Bounds per client: a token bucket per source address (HTTP) or per connection (WebSocket),
 * connections per source address and in total, request body and message size, batch size, calls
 * in flight per connection, and a slow or silent WebSocket is dropped. A client sending garbage
 * gets JSON-RPC errors and, after repeated garbage, its connection closed; others are unaffected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BucketMap, ConnectionCounter, TokenBucket } from './limits.js';
import { handleRpc, parseRpcText, type RpcContext, type RpcResponse } from './rpc.js';

export interface ServerLimits {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly maxBatch: number;
  readonly maxBodyBytes: number;
  readonly maxConnectionsPerAddress: number;
  readonly maxConnections: number;
  readonly maxInFlightPerConnection: number;
  /** Malformed calls (unparsable, not JSON-RPC, unknown method, invalid params) a WebSocket may send before it is closed. */
  readonly maxStrikes: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  ratePerSecond: 20,
  burst: 60,
  maxBatch: 10,
  maxBodyBytes: 64 * 1024,
  maxConnectionsPerAddress: 64,
  maxConnections: 4096,
  maxInFlightPerConnection: 32,
  maxStrikes: 5,
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};
const JSON_HEADERS = { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
/** A WebSocket whose unsent output grows beyond this is dropped (it does not read its answers). */
const MAX_BUFFERED = 4 * 1024 * 1024;
const PING_MS = 30_000;
/** Error codes that mean the client sent something malformed (parse, request, method, params). */
const CLIENT_FAULTS = new Set([-32700, -32600, -32601, -32602]);

export interface ServerStats {
  httpRequests: number;
  wsMessages: number;
  wsOpen: number;
  refused: number;
}

function addressOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function createGatewayServer(context: (takeToken: (cost: number) => boolean) => RpcContext, limits: ServerLimits): { server: Server; stats: ServerStats; close: () => Promise<void> } {
  const stats: ServerStats = { httpRequests: 0, wsMessages: 0, wsOpen: 0, refused: 0 };
  const httpBuckets = new BucketMap(limits.ratePerSecond, limits.burst);
  const connections = new ConnectionCounter(limits.maxConnectionsPerAddress, limits.maxConnections);
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes, perMessageDeflate: false });

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, JSON_HEADERS);
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    stats.httpRequests++;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, ...(req.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {}) });
      res.end();
      return;
    }
    const address = addressOf(req);
    if (req.method === 'GET' && (req.url === '/' || req.url === '/health')) {
      void handleRpc({ jsonrpc: '2.0', id: 0, method: 'clp_status', params: [] }, context(() => true)).then((r) => reply(res, 200, r));
      return;
    }
    if (req.method !== 'POST') return reply(res, 405, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'use POST' } });
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return reply(res, 415, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'content-type must be application/json' } });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBodyBytes) {
      stats.refused++;
      reply(res, 413, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'request too large' } });
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        stats.refused++;
        reply(res, 413, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'request too large' } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const parsed = parseRpcText(Buffer.concat(chunks).toString('utf8'));
      if (!parsed.ok) return reply(res, 200, parsed.response);
      void handleRpc(parsed.message, context((cost) => httpBuckets.take(address, cost))).then((answer) => (answer === null ? reply(res, 204, undefined) : reply(res, 200, answer)));
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = addressOf(req);
    if (!connections.open(address)) {
      stats.refused++;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, address));
  });

  function serveSocket(ws: WebSocket, address: string): void {
    stats.wsOpen++;
    const bucket = new TokenBucket(limits.ratePerSecond, limits.burst);
    const ctx = context((cost) => bucket.take(cost));
    let strikes = 0;
    let inFlight = 0;
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_MS);
    ping.unref();
    ws.on('pong', () => (alive = true));
    ws.on('close', () => {
      clearInterval(ping);
      stats.wsOpen--;
      connections.close(address);
    });
    ws.on('error', () => ws.terminate());
    const send = (answer: unknown) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED) return ws.terminate();
      ws.send(JSON.stringify(answer));
    };
    /** Sends an answer; malformed calls in it count against the connection. */
    const answer = (response: RpcResponse | RpcResponse[]) => {
      send(response);
      strikes += (Array.isArray(response) ? response : [response]).filter((r) => 'error' in r && CLIENT_FAULTS.has(r.error.code)).length;
      if (strikes >= limits.maxStrikes && ws.readyState === ws.OPEN) ws.close(1008, 'too many malformed messages');
    };
    ws.on('message', (data, isBinary) => {
      stats.wsMessages++;
      if (strikes >= limits.maxStrikes) return;
      if (isBinary) return answer({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'binary messages are not JSON-RPC' } });
      const parsed = parseRpcText(data.toString());
      if (!parsed.ok) return answer(parsed.response);
      if (inFlight >= limits.maxInFlightPerConnection) return send({ jsonrpc: '2.0', id: null, error: { code: -32005, message: 'too many calls in flight' } });
      inFlight++;
      void handleRpc(parsed.message, ctx).then((response) => {
        inFlight--;
        if (response !== null) answer(response);
      });
    });
  }

  const close = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return { server, stats, close };
}
