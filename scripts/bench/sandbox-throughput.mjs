// `npm run bench` (last part): the sandbox's FHIR throughput with journaling and server-side audit on.
// The sandbox runs in its own process on a fresh data folder (as `npm start` runs it); this process
// launches one clinician with one citizen in context and reads that citizen's responses
// (`QuestionnaireResponse?subject=Patient/<id>`) 2,000 times, 20 at a time. Target: above 400 requests/s
// on the 2-core reference machine. Options: --requests 2000 --concurrency 20 --rounds 3.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ehrLaunchToken, INGE, MADS } from '../../packages/sandbox/test/helpers.mjs';
import { spawnSandbox } from '../../packages/sandbox/test/child-sandbox.mjs';

const { values: opts } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
  },
});
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
const ROUNDS = Number(opts.rounds);
const TARGET = 400;

const dataDir = mkdtempSync(join(tmpdir(), 'kpro-bench-sandbox-'));
const sandbox = await spawnSandbox({ dataDir });
const results = [];
try {
  const token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE })).access_token;
  const path = `${sandbox.fhirBase}/QuestionnaireResponse?subject=Patient/${INGE}`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/fhir+json' };
  const one = async () => {
    const res = await fetch(path, { headers });
    const body = await res.json();
    if (res.status !== 200 || !(body.total >= 3)) throw new Error(`unexpected answer ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  };
  for (let i = 0; i < 50; i++) await one(); // warm-up: JIT, the type's definitions, keep-alive sockets
  for (let round = 0; round < ROUNDS; round++) {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next++;
          await one();
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    results.push(Math.round(REQUESTS / seconds));
  }
  const stats = await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json());
  const audits = stats.resources?.AuditEvent ?? 0;
  const best = Math.max(...results);
  const median = [...results].sort((a, b) => a - b)[results.length >> 1];
  console.log(
    `\nSandbox throughput: ${REQUESTS} reads of a citizen's responses at concurrency ${CONCURRENCY}, ${ROUNDS} rounds: ` +
      `${results.join(' / ')} requests/s (median ${median}; target > ${TARGET} ${median > TARGET ? '✔' : '✘'}); ` +
      `${audits} AuditEvents written by the server; load average ${loadavg()[0].toFixed(1)}`,
  );
  mkdirSync('bench-results', { recursive: true });
  const file = 'bench-results/bench.json';
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...previous, sandboxThroughput: { requests: REQUESTS, concurrency: CONCURRENCY, perSecond: results, median, best, auditEvents: audits } }, null, 2));
} finally {
  await sandbox.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
