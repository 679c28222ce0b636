// A plain static file server on loopback (any free port): what a vendor's web server does with the
// bundle and a page. No transforms, no SPA fallback, no directory listings; dot-folders are never served.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` at http://127.0.0.1:<port>/. `mounts` serves other folders at URL prefixes
 * (e.g. { '/packages/elements/dist/': snapshotDir }).
 * @param {string} root
 * @param {{ mounts?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, requests: string[], close: () => Promise<void> }>}
 */
export async function serveStatic(root, { mounts = {} } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let base = resolve(root);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    if (mount) {
      base = resolve(mounts[mount]);
      path = `/${path.slice(mount.length)}`;
    }
    let file = resolve(join(base, path));
    if ((file !== base && !file.startsWith(base + sep)) || /(^|[\\/])\./.test(file.slice(base.length))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
