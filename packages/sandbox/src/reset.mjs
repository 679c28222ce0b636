// `npm run sandbox:reset`: back to the seed. Resets a running sandbox in place (so it does not
// overwrite the fresh data with its memory on the next save); otherwise rewrites the data file.
// The signing key in the data folder is kept: tokens and cached JWKS elsewhere stay valid.
// `-- --citizens 2000 --tasks 5000` seeds a large municipality (2,000 citizens, 5,000 open tasks).
import './websocket-shim.mjs';
import { initDefinitions } from './fhir-definitions.mjs';
import { createDurableStore, deleteSavedData, fhirDataFile } from './fhir-persistence.mjs';
import { SandboxRepository } from './fhir-repository.mjs';
import { defaultDataDir } from './paths.mjs';
import { seedRepository } from './seed.mjs';
import { seedOptionsFromArgs } from './seed-options.mjs';

const port = Number(process.env.PORT || 8080);
const dataDir = process.env.SANDBOX_DATA_DIR || defaultDataDir;
let options;
try {
  options = seedOptionsFromArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`sandbox:reset: ${err.message}\n`);
  process.exit(2);
}
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

let resetRunning = false;
try {
  const origin = `http://127.0.0.1:${port}`;
  const res = await fetch(`${origin}/__sandbox/reset`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ citizens: options.citizens, tasks: options.openTasks }),
    signal: AbortSignal.timeout(120_000),
  });
  resetRunning = res.ok;
  if (res.ok) {
    const body = await res.json();
    process.stdout.write(`Reset the running sandbox on port ${port} to the seed in ${seconds()} s (${body.citizens} citizens, ${body.openTasks} open tasks from their answers).\n`);
  }
} catch {
  // not running
}
if (!resetRunning) {
  deleteSavedData(dataDir);
  initDefinitions();
  const repo = new SandboxRepository();
  const store = createDurableStore(repo, dataDir);
  store.open();
  const summary = await store.replaceAll(() => seedRepository(repo, options));
  await store.close();
  process.stdout.write(`Deleted the sandbox data and wrote a fresh seed to ${fhirDataFile(dataDir)} in ${seconds()} s (${summary.total} citizens, ${summary.openTasks} open tasks from their answers).\n`);
}
