// kpro sandbox: one process, one port, loopback only.
//   /            simulated EOJ (municipal EHR) that launches the app with SMART
//   /fhir        FHIR R4 (Medplum's engine in memory, persisted to <dataDir>/fhir.json)
//   /oidc        SMART App Launch authorization server (oidc-provider)
//   /app/        the app (packages/app) through Vite
//   /__sandbox/  request log, stats and reset, for tests
// Run: npm run sandbox (or `node --experimental-websocket packages/sandbox/src/main.mjs`). PORT overrides 8080.
import './websocket-shim.mjs';
import { createServer } from 'node:http';
import { auditedPatientOf, clockStartingAt, lookUpsOf, setClock } from '@kpro/core';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppPages } from './app-pages.mjs';
import { createEojPages } from './eoj-page.mjs';
import { markTestTime } from './page-layout.mjs';
import { initDefinitions } from './fhir-definitions.mjs';
import { createDurableStore, fhirDataFile } from './fhir-persistence.mjs';
import { SandboxRepository } from './fhir-repository.mjs';
import { createServerAudit } from './fhir-audit.mjs';
import { createFhirServer } from './fhir-server.mjs';
import { DEFAULT_MAX_BODY_BYTES, readBody, sendJson } from './http-util.mjs';
import { createLaunchStore } from './launches.mjs';
import { defaultDataDir, repoRoot } from './paths.mjs';
import { createRequestLog, loggablePath } from './request-log.mjs';
import { seedRepository } from './seed.mjs';
import { seedOptions } from './seed-options.mjs';
import { createArrivalProcessing } from './task-arrival.mjs';
import { createMissingAnswerWatch } from './missing-answers.mjs';
import { APP_CLIENT_ID, CITIZEN_CLIENT_ID, CLIENT_NAMES, createSmartAuth } from './smart-auth.mjs';

const HOST = '127.0.0.1';
const DEFAULT_TOKEN_TTL = 3600;

/** @param {string} text */
const print = (text) => process.stdout.write(`${text}\n`);

/**
 * Starts the sandbox.
 * @param {{ port?: number, dataDir?: string, quiet?: boolean, tokenTtl?: number, now?: string, maxBodyBytes?: number, log?: (line: string) => void, listReadsInternalOnly?: boolean }} [options]
 *   port 0 picks a free port; tokenTtl is the access-token lifetime in seconds (env SANDBOX_TOKEN_TTL);
 *   now is a start time for tests (env SANDBOX_NOW, an ISO date-time): the sandbox's clock reads it at
 *   start and runs on from there. Tokens keep the machine's clock. maxBodyBytes: FHIR request bodies larger
 *   than this get 413 (env SANDBOX_MAX_BODY_BYTES; 1 MiB by default). log: where the request log's console
 *   lines go (stdout; tests collect them even when quiet). listReadsInternalOnly: the municipality's MinLog
 *   policy for list reads without a citizen in context (env SANDBOX_LIST_READS_INTERNAL_ONLY=0 turns it off;
 *   on by default): their AuditEvents are marked INTERNAL_AUDIT_ONLY.
 * @returns {Promise<{ url: string, port: number, fhirBase: string, dataDir: string, checkMissingAnswers(): Promise<number>, close(): Promise<void> }>}
 */
export async function startSandbox({ port = 8080, dataDir = defaultDataDir, quiet = false, tokenTtl, now = process.env.SANDBOX_NOW, maxBodyBytes, log: logLine, listReadsInternalOnly = process.env.SANDBOX_LIST_READS_INTERNAL_ONLY !== '0' } = {}) {
  const started = performance.now();
  // A test start time is only ever set on purpose; it is shouted at start and on the EOJ page.
  setClock(now ? clockStartingAt(now) : undefined);
  markTestTime(now);
  const ttl = Number(tokenTtl ?? process.env.SANDBOX_TOKEN_TTL ?? DEFAULT_TOKEN_TTL);
  if (!Number.isInteger(ttl) || ttl < 1) throw new Error(`token lifetime must be a whole number of seconds >= 1, got ${tokenTtl}`);
  const bodyLimit = Number(maxBodyBytes ?? process.env.SANDBOX_MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new Error(`the body limit must be a whole number of bytes >= 1024, got ${maxBodyBytes}`);

  initDefinitions();
  const repo = new SandboxRepository();
  const store = createDurableStore(repo, dataDir, {
    onError: (err) => process.stderr.write(`sandbox: ${err.message}\n`),
    // For the crash test: fold the journal into a snapshot often, so kills land around compactions too.
    compactAfterBytes: Number(process.env.SANDBOX_COMPACT_AFTER_BYTES) || undefined,
  });
  let seeded = false;
  if (!store.open()) {
    await store.replaceAll(() => seedRepository(repo));
    seeded = true;
  }
  // FUT's automated processing: responses are triaged on arrival, missing answers become tasks.
  repo.onResponseStored = createArrivalProcessing(repo);
  const missingAnswers = createMissingAnswerWatch({ repo, store, onError: (err) => process.stderr.write(`sandbox: missing-answer check: ${err.message}\n`) });
  await missingAnswers.start();

  /** @type {string[]} */
  let origins = [];
  const launches = createLaunchStore();
  const log = createRequestLog({ quiet: quiet && !logLine, write: logLine });
  const server = createServer();
  const auth = createSmartAuth({ dataDir, repo, launches, origins: () => origins, tokenTtl: ttl });
  const audit = createServerAudit({ repo, clientNames: CLIENT_NAMES, listReadsInternalOnly });
  const fhir = createFhirServer({ repo, store, audit, verifyToken: auth.verifyToken, smartConfiguration: auth.smartConfiguration, maxBodyBytes: bodyLimit });
  const eoj = createEojPages({ repo, launches });
  const app = createAppPages({ httpServer: server, quiet });

  async function sandboxRoutes(req, res, path) {
    // Test hooks change state: refuse them to pages from other origins (a cross-site form post).
    const from = req.headers.origin;
    if (req.method !== 'GET' && from && !origins.includes(String(from))) return sendJson(res, 403, { error: 'cross-origin request refused' });
    if (path === '/__sandbox/requests' && req.method === 'GET') return sendJson(res, 200, log.list());
    if (path === '/__sandbox/requests' && req.method === 'DELETE') {
      log.clear();
      return sendJson(res, 200, { cleared: true });
    }
    const minlog = /^\/__sandbox\/minlog\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
    if (minlog && req.method === 'GET') {
      // The citizen's MinLog as the FHIR server's own AuditEvents give it (who, when, which system, how many requests).
      const events = repo.current('AuditEvent');
      return sendJson(res, 200, { patient: minlog[1], lookUps: lookUpsOf(minlog[1], events), auditEvents: events.filter((e) => auditedPatientOf(e) === minlog[1]).length });
    }
    if (path === '/__sandbox/stats' && req.method === 'GET') {
      const memory = process.memoryUsage();
      return sendJson(res, 200, {
        ...log.stats(),
        resources: repo.counts(),
        uptimeSeconds: Math.round(process.uptime()),
        memoryMiB: { rss: Math.round(memory.rss / 2 ** 20), heapUsed: Math.round(memory.heapUsed / 2 ** 20) },
      });
    }
    if (path === '/__sandbox/reset' && req.method === 'POST') {
      // Wiping every citizen's data takes a same-origin Origin header: a page elsewhere cannot send one,
      // and a bare request (curl, a script) must say where it comes from (npm run sandbox:reset does).
      if (!from) return sendJson(res, 403, { error: 'reset needs an Origin header of this sandbox' });
      let options;
      try {
        options = seedOptions(JSON.parse((await readBody(req, 1024)) || '{}'));
      } catch (err) {
        return sendJson(res, 400, { error: String(err.message) });
      }
      const summary = await store.replaceAll(async () => {
        repo.clear();
        return seedRepository(repo, options);
      });
      await missingAnswers.check();
      return sendJson(res, 200, { reset: true, citizens: summary.total, openTasks: summary.openTasks, resources: repo.counts() });
    }
    return sendJson(res, 404, { error: 'not found' });
  }

  server.on('request', async (req, res) => {
    const entry = log.start(req);
    res.on('finish', () => log.finish(entry, res.statusCode));
    // Loopback only, and only under the names we issue tokens for (guards against DNS rebinding).
    const origin = `http://${req.headers.host}`;
    if (!origins.includes(origin)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`Use ${origins[1]}/ or ${origins[0]}/\n`);
      return;
    }
    try {
      const url = new URL(req.url ?? '/', origin);
      const path = url.pathname;
      if (path === '/fhir' || path.startsWith('/fhir/')) return await fhir.handle(req, res, { base: `${origin}/fhir`, info: entry });
      if (path.startsWith('/oidc/')) return await auth.handle(req, res, origin);
      if (path.startsWith('/__sandbox/')) return await sandboxRoutes(req, res, path);
      // Browsers ask for it on every page; an empty answer keeps their consoles free of 404 errors.
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      if (await eoj.handle(req, res, origin)) return;
      if (await app.handle(req, res, url)) return;
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    } catch (err) {
      process.stderr.write(`sandbox: ${req.method} ${loggablePath(new URL(req.url ?? '/', origin).pathname)}: ${err?.stack ?? err}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', message: String(err?.message ?? err) });
      else res.end();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  origins = [`http://${HOST}:${actualPort}`, `http://localhost:${actualPort}`];
  const url = origins[0];

  if (!quiet) {
    const human = origins[1];
    // From process start when run as a command (module loading is most of it), else from the call.
    const seconds = (isMain ? process.uptime() : (performance.now() - started) / 1000).toFixed(1);
    const counts = repo.counts();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const dataFile = relative(repoRoot, fhirDataFile(dataDir));
    print(`\nkpro sandbox ready in ${seconds} s: ${total} FHIR resources (${seeded ? 'seeded into' : 'loaded from'} ${dataFile.startsWith('..') ? fhirDataFile(dataDir) : dataFile})`);
    print(`  EOJ simulator   ${human}/`);
    print(`  FHIR base       ${human}/fhir`);
    print(`  SMART config    ${human}/fhir/.well-known/smart-configuration`);
    print(`  App             ${human}/app/launch.html (packages/app through Vite)`);
    print(`  Request log     ${human}/__sandbox/requests`);
    print(`  Citizen login   ${human}/app/citizen.html?iss=${encodeURIComponent(`${human}/fhir`)}`);
    print(`  Clients         ${APP_CLIENT_ID} (EHR launch), ${CITIZEN_CLIENT_ID} (standalone); redirect ${human}/app/`);
    print(`  (${url} works too; loopback only. Stop with Ctrl+C.)\n`);
    if (now) print(`  TEST TIME: the sandbox's clock started at ${now} (SANDBOX_NOW), not at the real time.\n`);
  }

  let closing;
  return {
    url,
    port: actualPort,
    fhirBase: `${url}/fhir`,
    dataDir,
    /** Runs the missing-answer check now (tests); resolves to the number of tasks it made. */
    checkMissingAnswers: () => missingAnswers.check(),
    close() {
      missingAnswers.stop();
      closing ??= (async () => {
        await new Promise((resolve) => {
          server.close(() => resolve(undefined));
          server.closeAllConnections();
        });
        await app.close();
        await store.close();
      })();
      return closing;
    },
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const sandbox = await startSandbox({
    port: Number(process.env.PORT || 8080),
    dataDir: process.env.SANDBOX_DATA_DIR || defaultDataDir,
    quiet: process.env.SANDBOX_QUIET === '1',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      await sandbox.close();
      process.exit(0);
    });
  }
}
