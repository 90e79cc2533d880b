/**
 * Builds the demo dApp (test/dapp) into a directory with vite, and serves a directory over HTTP on
 * 127.0.0.1. Plain JavaScript so both the end-to-end tests and `npm start` can use it.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const here = import.meta.dirname;

export async function buildDapp(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: here,
    // js-conflux-sdk's UMD bundle triggers size and eval notices that say nothing about this page.
    logLevel: 'error',
    base: './',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * Serves `dir` (GET only, no directory listing, no path escape). Extra routes map a path to an
 * HTML string (hostile test pages). Returns the base URL and a close function.
 */
export async function serveDir(dir, { port = 0, host = '127.0.0.1', routes = {} } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (Object.hasOwn(routes, url.pathname)) {
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        res.end(routes[url.pathname]);
        return;
      }
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      // `root + sep`: a sibling whose name merely starts with root's (`/tmp/dapp-ab` vs `/tmp/dapp-abc`) is outside.
      if (path !== root && !path.startsWith(root + sep)) throw new Error('outside');
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
