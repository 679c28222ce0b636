// Serves the app (packages/app, written separately) at /app/ through Vite in middleware mode, so the
// sandbox stays one process on one port: /app/* is mapped to /packages/app/*, and Vite's own paths
// (/@vite/client, /packages/*, /node_modules/*, …) fall through to it. Until packages/app exists, a
// placeholder launch page shows which query parameters arrived (names only, never values).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, sendHtml } from './http-util.mjs';
import { layout } from './page-layout.mjs';
import { appDir, repoRoot } from './paths.mjs';

function placeholder(res, url) {
  const names = [...new Set(url.searchParams.keys())];
  const body = `<h1>PRO-appen er ikke bygget endnu</h1>
<div class="panel" data-testid="app-placeholder">
<p><code>packages/app</code> findes ikke endnu. Denne side står i stedet for <code>/app/launch.html</code>.</p>
<p>Modtagne parametre (kun navne): <span data-testid="param-names">${names.map((n) => `<code>${escapeHtml(n)}</code>`).join(', ') || 'ingen'}</span></p>
</div>`;
  sendHtml(res, 200, layout({ title: 'PRO (pladsholder)', body }));
}

/**
 * @param {{ httpServer: import('node:http').Server, quiet: boolean }} options
 */
export function createAppPages({ httpServer, quiet }) {
  /** @type {Promise<import('vite').ViteDevServer> | undefined} */
  let vite;

  const appExists = () => existsSync(join(appDir, 'launch.html')) || existsSync(join(appDir, 'index.html'));

  /** Started on first use (and only once packages/app exists): Vite costs a second and some memory. */
  function getVite() {
    vite ??= import('vite').then(({ createServer }) =>
      createServer({
        root: repoRoot,
        configFile: join(repoRoot, 'vite.config.ts'),
        appType: 'mpa',
        // Its own optimizer cache: other Vite servers in the repo (npm start of the examples, Storybook)
        // optimise other dependency sets into node_modules/.vite and would swap files under our feet.
        cacheDir: join(repoRoot, 'node_modules', '.vite-kpro-sandbox'),
        clearScreen: false,
        logLevel: quiet ? 'error' : 'info',
        server: {
          middlewareMode: true,
          // HMR's WebSocket shares the sandbox's HTTP server: still one port.
          hmr: { server: httpServer },
          watch: { ignored: ['**/storybook-static/**', '**/bench-results/**', '**/dist/**', '**/.cache/**', '**/.sandbox-data/**'] },
        },
        // Find the app's dependencies up front, so the first launch is not interrupted by a re-optimise reload.
        optimizeDeps: { entries: ['packages/app/**/*.html'] },
      }),
    );
    return vite;
  }

  return {
    /**
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {URL} url
     * @returns {Promise<boolean>} false when nothing here serves the path
     */
    async handle(req, res, url) {
      const isApp = url.pathname === '/app' || url.pathname.startsWith('/app/');
      // Never let Vite serve the repo's dot-folders (the sandbox's data and signing key live in
      // .sandbox-data); Vite's own optimised deps under /node_modules/.vite-* are fine.
      if (/^\/\.|\/\.sandbox-data(\/|$)/.test(decodeURIComponent(url.pathname))) return false;
      if (!appExists()) {
        if (isApp && (url.pathname === '/app/launch.html' || url.pathname === '/app/' || url.pathname === '/app/index.html')) {
          placeholder(res, url);
          return true;
        }
        return false;
      }
      if (url.pathname === '/app') {
        res.writeHead(301, { location: `/app/${url.search}` }).end();
        return true;
      }
      const server = await getVite();
      if (isApp) req.url = `/packages${req.url}`;
      return new Promise((resolve, reject) => {
        server.middlewares(req, res, (err) => (err ? reject(err) : resolve(false)));
        res.on('finish', () => resolve(true));
      });
    },
    async close() {
      if (vite) await (await vite).close();
    },
  };
}
