// `npm run sandbox:reset`: back to the seed. Resets a running sandbox in place (so it does not
// overwrite the fresh data with its memory on the next save); otherwise rewrites the data file.
// The signing key in the data folder is kept: tokens and cached JWKS elsewhere stay valid.
import './websocket-shim.mjs';
import { initDefinitions } from './fhir-definitions.mjs';
import { createDurableStore, deleteSavedData, fhirDataFile } from './fhir-persistence.mjs';
import { SandboxRepository } from './fhir-repository.mjs';
import { defaultDataDir } from './paths.mjs';
import { seedRepository } from './seed.mjs';

const port = Number(process.env.PORT || 8080);
const dataDir = process.env.SANDBOX_DATA_DIR || defaultDataDir;

let resetRunning = false;
try {
  const origin = `http://127.0.0.1:${port}`;
  const res = await fetch(`${origin}/__sandbox/reset`, { method: 'POST', headers: { origin }, signal: AbortSignal.timeout(5000) });
  resetRunning = res.ok;
} catch {
  // not running
}
if (resetRunning) {
  process.stdout.write(`Reset the running sandbox on port ${port} to the seed.\n`);
} else {
  deleteSavedData(dataDir);
  initDefinitions();
  const repo = new SandboxRepository();
  const store = createDurableStore(repo, dataDir);
  store.open();
  const summary = await store.replaceAll(() => seedRepository(repo));
  await store.close();
  process.stdout.write(`Deleted the sandbox data and wrote a fresh seed to ${fhirDataFile(dataDir)} (${summary.citizens.length} citizens).\n`);
}
