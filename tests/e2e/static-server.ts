/**
 * The built site as a plain static host would serve it, under any folder (e.g. /tools/roster/), with
 * a home page of its own at /, and two switches the offline tests need: `down` (every request is dropped, as if the machine were off
 * the network) and `rewrite` (serve changed bytes for one file, as a new deployment would).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');

/** The host's own home page, outside the site's folder. */
const HOME = '<!doctype html><title>Another site</title><link rel="icon" href="data:,"><p>Another site</p>';

export interface StaticSite {
  /** The site's URL, ending in its folder: http://127.0.0.1:PORT/tools/roster/ */
  url: string;
  origin: string;
  /** Drop every request (the connection is closed without an answer). */
  down: boolean;
  /** path inside the site → function of the file's text giving what to serve instead. */
  rewrite: Map<string, (text: string) => string>;
  /** Paths requested, inside the site. */
  served: string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, folder: string): Promise<StaticSite> {
  const dir = resolve(root);
  const prefix = `/${folder.replace(/^\/+|\/+$/g, '')}/`;
  const site: StaticSite = {
    url: '',
    origin: '',
    down: false,
    rewrite: new Map(),
    served: [],
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server: Server = createServer((req, res) => {
    if (site.down) return req.socket.destroy();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') return res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(HOME);
    if (!path.startsWith(prefix)) return notFound(res);
    let inside = normalize(path.slice(prefix.length));
    if (inside === '.' || inside.endsWith('/')) inside = join(inside, 'index.html');
    const file = join(dir, inside);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
    site.served.push(inside);
    const change = site.rewrite.get(inside);
    const body = change ? change(readFileSync(file, 'utf8')) : readFileSync(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  site.url = `${site.origin}${prefix}`;
  return site;
}
