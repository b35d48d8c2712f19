/**
 * The benchmark's web server: `dist-web` exactly as `scripts/serve-web.mjs` serves it (same CSP and
 * headers), plus the benchmark's own pages under `/__bench/` on the same origin (so they share the
 * app's IndexedDB) and the blank React page under `/__blank/`. Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy } from '../../../src/shared/contentSecurityPolicy';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.loopdesk': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The CSP of scripts/serve-web.mjs, which is the desktop app's. */
export const benchCsp = contentSecurityPolicy;

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/** Mounts: URL prefix → folder. `/` must be the app (dist-web). */
export async function benchServerStart(mounts: Record<string, string>, port = 0): Promise<BenchServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const prefix = prefixes.find((p) => pathname.startsWith(p))!;
    const root = mounts[prefix]!;
    const rest = pathname.slice(prefix.length);
    const rel = normalize(rest === '' || rest === '/' ? 'index.html' : rest).replace(/^([/\\])+/, '');
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Security-Policy': benchCsp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
