// The task overview's server side at scale, by hand: `node --import tsx --conditions=development
// --experimental-websocket scripts/bench/worklist-server.mjs [--citizens 2000] [--tasks 5000]`.
// Seeds a large municipality with `npm run sandbox:reset`'s code (timed), starts the sandbox in its own
// process on that data (timed), launches Mads's task overview (intent tasks) and times the worklist
// queries from another process: medians of 15 after 5 warm-up requests. Target: the team's first page
// with its citizens (`Task?responsible=…&status=requested,in-progress&_sort=priority&_count=50&_include=Task:patient`)
// at 2,000 citizens and 5,000 open tasks in well under 1 s (aim: 200 ms).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initDefinitions } from '../../packages/sandbox/src/fhir-definitions.mjs';
import { createDurableStore, fhirDataFile } from '../../packages/sandbox/src/fhir-persistence.mjs';
import { SandboxRepository } from '../../packages/sandbox/src/fhir-repository.mjs';
import { seedRepository } from '../../packages/sandbox/src/seed.mjs';
import { spawnSandbox } from '../../packages/sandbox/test/child-sandbox.mjs';
import { MADS, tasksLaunchToken } from '../../packages/sandbox/test/helpers.mjs';

const { values: opts } = parseArgs({ options: { citizens: { type: 'string', default: '2000' }, tasks: { type: 'string', default: '5000' } } });
const dataDir = mkdtempSync(join(tmpdir(), 'kpro-worklist-'));
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
try {
  let t0 = performance.now();
  initDefinitions();
  const repo = new SandboxRepository();
  const store = createDurableStore(repo, dataDir);
  store.open();
  const summary = await store.replaceAll(() => seedRepository(repo, { citizens: Number(opts.citizens), openTasks: Number(opts.tasks) }));
  await store.close();
  const seedSeconds = (performance.now() - t0) / 1000;
  const megabytes = statSync(fhirDataFile(dataDir)).size / 2 ** 20;
  t0 = performance.now();
  const sandbox = await spawnSandbox({ dataDir, env: { SANDBOX_NOW: '2026-12-07T10:00:00+01:00' } });
  const startSeconds = (performance.now() - t0) / 1000;
  try {
    const token = (await tasksLaunchToken(sandbox, MADS)).access_token;
    const headers = { authorization: `Bearer ${token}`, accept: 'application/fhir+json' };
    const queries = {
      'team page': 'Task?responsible=CareTeam/hjerterehabilitering-nord&status=requested,in-progress&_sort=priority&_count=50&_include=Task:patient',
      'my teams, red only': 'Task?status=requested,in-progress&priority=asap&_sort=priority&_count=50&_include=Task:patient',
      'counts per colour': 'Task?status=requested,in-progress&priority=urgent&_summary=count',
      'name search (chained)': 'Task?patient.name=Jensen&status=requested,in-progress&_count=50',
    };
    console.log(`seed: ${summary.total} citizens, ${summary.openTasks} open tasks in ${seedSeconds.toFixed(1)} s (snapshot ${megabytes.toFixed(0)} MB); sandbox start ${startSeconds.toFixed(1)} s`);
    for (const [name, query] of Object.entries(queries)) {
      const times = [];
      let body;
      for (let i = 0; i < 20; i++) {
        const s = performance.now();
        const res = await fetch(`${sandbox.fhirBase}/${query}`, { headers });
        body = await res.json();
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        if (i >= 5) times.push(performance.now() - s);
      }
      console.log(`${name}: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), total ${body.total}`);
    }
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await sandbox.kill('SIGTERM');
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
