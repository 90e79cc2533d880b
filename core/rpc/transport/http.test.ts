import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RpcAbortedError, RpcHttpStatusError, RpcMalformedJsonError, RpcNetworkError, RpcResponseTooLargeError, RpcTimeoutError } from '../errors.js';
import { HttpTransport } from './http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server;
let base = '';
const routes = new Map<string, Handler>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => routes.get(req.url ?? '')?.(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const request = { jsonrpc: '2.0' as const, id: 1, method: 'cfx_epochNumber', params: [] };
function transport(path: string, maxResponseBytes = 1024) {
  return new HttpTransport({ url: `${base}${path}`, fetch: (input, init) => fetch(input, init), maxResponseBytes });
}

describe('HttpTransport', () => {
  test('posts JSON and returns the parsed body; counts bytes', async () => {
    routes.set('/ok', (req, res, body) => {
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers.cookie).toBeUndefined();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(body).id, result: '0x1' }));
    });
    const t = transport('/ok');
    expect(await t.send(request, { timeoutMs: 2000, label: 'x' })).toEqual({ jsonrpc: '2.0', id: 1, result: '0x1' });
    expect(t.stats.requests).toBe(1);
    expect(t.stats.bytesReceived).toBeGreaterThan(20);
    expect(t.endpoint).toBe(base);
  });

  test('a slow node times out', async () => {
    routes.set('/slow', (_req, res) => setTimeout(() => res.end('{}'), 1500));
    await expect(transport('/slow').send(request, { timeoutMs: 100, label: 'x' })).rejects.toBeInstanceOf(RpcTimeoutError);
  });

  test('a node that starts answering and then stalls times out too', async () => {
    routes.set('/stall', (_req, res) => {
      res.write('{"jsonrpc":"2.0",');
      setTimeout(() => res.end('"id":1,"result":"0x1"}'), 1500);
    });
    await expect(transport('/stall').send(request, { timeoutMs: 150, label: 'x' })).rejects.toBeInstanceOf(RpcTimeoutError);
  });

  test('a declared oversized body is refused before reading', async () => {
    routes.set('/big-declared', (_req, res) => {
      res.setHeader('content-length', '100000');
      res.end('x'.repeat(100000));
    });
    await expect(transport('/big-declared').send(request, { timeoutMs: 2000, label: 'x' })).rejects.toBeInstanceOf(RpcResponseTooLargeError);
  });

  test('an endless chunked body is cut at the cap', async () => {
    routes.set('/endless', (_req, res) => {
      const timer = setInterval(() => res.write('x'.repeat(512)), 1);
      res.on('close', () => clearInterval(timer));
    });
    await expect(transport('/endless').send(request, { timeoutMs: 5000, label: 'x' })).rejects.toBeInstanceOf(RpcResponseTooLargeError);
  });

  test('truncated JSON, garbage and invalid UTF-8 are malformed', async () => {
    routes.set('/truncated', (_req, res) => res.end('{"jsonrpc":"2.0","id":1,"res'));
    routes.set('/garbage', (_req, res) => res.end('<html>502 Bad Gateway</html>'));
    routes.set('/utf8', (_req, res) => res.end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    for (const path of ['/truncated', '/garbage', '/utf8']) {
      await expect(transport(path).send(request, { timeoutMs: 2000, label: 'x' })).rejects.toBeInstanceOf(RpcMalformedJsonError);
    }
  });

  test('HTTP statuses: 503 is retryable, 404 is not; redirects are refused', async () => {
    routes.set('/503', (_req, res) => {
      res.statusCode = 503;
      res.end('busy');
    });
    routes.set('/404', (_req, res) => {
      res.statusCode = 404;
      res.end('nope');
    });
    routes.set('/redirect', (_req, res) => {
      res.statusCode = 307;
      res.setHeader('location', `${base}/ok`);
      res.end();
    });
    const e503 = await transport('/503').send(request, { timeoutMs: 2000, label: 'x' }).catch((e: unknown) => e);
    expect(e503).toBeInstanceOf(RpcHttpStatusError);
    expect((e503 as RpcHttpStatusError).retryable).toBe(true);
    const e404 = await transport('/404').send(request, { timeoutMs: 2000, label: 'x' }).catch((e: unknown) => e);
    expect((e404 as RpcHttpStatusError).retryable).toBe(false);
    await expect(transport('/redirect').send(request, { timeoutMs: 2000, label: 'x' })).rejects.toBeInstanceOf(RpcNetworkError);
  });

  test('connection refused is a network error; caller abort is an abort', async () => {
    const closed = new HttpTransport({ url: 'http://127.0.0.1:9', fetch: (i, init) => fetch(i, init) });
    await expect(closed.send(request, { timeoutMs: 2000, label: 'x' })).rejects.toBeInstanceOf(RpcNetworkError);
    routes.set('/hang', () => undefined);
    const controller = new AbortController();
    const pending = transport('/hang').send(request, { timeoutMs: 5000, label: 'x', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(RpcAbortedError);
  });

  test('error messages never carry the URL path (API keys live there)', async () => {
    const t = new HttpTransport({ url: `${base}/secret-api-key/503`, fetch: (i, init) => fetch(i, init) });
    routes.set('/secret-api-key/503', (_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    const error = await t.send(request, { timeoutMs: 2000, label: 'x' }).catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toContain('secret-api-key');
  });
});
