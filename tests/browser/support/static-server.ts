// Serves the fixture pages from loopback, as the tests may reach nothing else. Each test file gets its
// own server on a free port; a route table lets a test add generated pages or response headers (CSP).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Route {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  origin: string;
  /** Adds or replaces a generated page at `path` (e.g. '/generated/big.html'). */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startStaticServer({ host = '127.0.0.1' } = {}): Promise<StaticServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const route = routes.get(path);
    if (route) {
      response.writeHead(200, { 'content-type': route.type ?? TYPES['.html']!, ...route.headers });
      response.end(route.body);
      return;
    }
    const file = normalize(join(FIXTURES_DIR, path));
    if (!file.startsWith(FIXTURES_DIR)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://${host}:${address.port}`,
    route: (path, route) => void routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
