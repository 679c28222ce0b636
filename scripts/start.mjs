// `npm start`: Vite's dev server for examples/ (components from source, reloaded on change).
// Until packages/sandbox exists; then this is where the sandbox (FHIR base, SMART, EOJ simulator) starts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, version } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 8080);
const host = '127.0.0.1';

/** "/" opens the examples: the dev server's root is the repository, so pages can load packages/ and test/. */
const examplesHome = {
  name: 'kpro:examples-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url === '/' || req.url === '/index.html') {
        res.writeHead(302, { location: '/examples/' }).end();
      } else next();
    });
  },
};

const server = await createServer({
  configFile: join(root, 'vite.config.ts'),
  appType: 'mpa', // no SPA fallback: a wrong path is a 404, not the wrong page
  plugins: [examplesHome],
  server: {
    host,
    port,
    strictPort: true, // fail loudly instead of silently moving to another port
    watch: { ignored: ['**/storybook-static/**', '**/bench-results/**', '**/dist/**', '**/.cache/**'] },
  },
  // Scan only the example pages for dependencies to pre-bundle (not storybook-static/ or bench pages).
  optimizeDeps: { entries: ['examples/**/*.html'] },
});
await server.listen();

const base = `http://${host}:${port}`;
console.log(`\nkpro dev server (Vite ${version})`);
console.log(`  Examples:       ${base}/examples/`);
console.log(`  Questionnaire:  ${base}/examples/renderer/index.html`);
console.log('  Stop with Ctrl+C.\n');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
