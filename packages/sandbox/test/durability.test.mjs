// "201 means on disk": the sandbox runs as its own process, a write is acknowledged, the process is
// killed at once with SIGKILL (no shutdown hook runs), and after a restart on the same data folder the
// write is there. Several single trials, a burst of concurrent writes and a transaction; 0 acknowledged
// writes may be lost. The journal is folded into a snapshot every 50 kB here (8 MB normally), so the
// kills also land just before, during and after compactions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnSandbox } from './child-sandbox.mjs';
import { APP_SCOPES, ehrLaunchToken, fhir, INGE, MADS, questionnaireResponse } from './helpers.mjs';

const TRIALS = 5;
const BURST = 25;
const COMPACT_OFTEN = { SANDBOX_COMPACT_AFTER_BYTES: '50000' };

/** @type {string} */
let dataDir;
/** @type {Awaited<ReturnType<typeof spawnSandbox>> | undefined} */
let sandbox;
let port;
let token;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kpro-crash-test-'));
  sandbox = await spawnSandbox({ dataDir, env: COMPACT_OFTEN });
  port = sandbox.port;
  // One token for every trial: same origin and signing key after each restart, so it stays valid.
  token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: `${APP_SCOPES} patient/QuestionnaireResponse.cruds` })).access_token;
});

after(async () => {
  await sandbox?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Kills the sandbox with SIGKILL and starts it again on the same port and data folder. */
async function crashAndRestart() {
  await sandbox.kill('SIGKILL');
  sandbox = await spawnSandbox({ dataDir, port, env: COMPACT_OFTEN });
}

const marker = (value) => ({ system: 'https://kpro.example.dk/fhir/crash-test', value });

describe('durability: killed right after the acknowledgement', { timeout: 180_000 }, () => {
  it(`keeps each of ${TRIALS} single acknowledged writes (create, update, delete)`, async () => {
    const lost = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const created = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { identifier: marker(`single-${trial}`) }) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await crashAndRestart();
      const read = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`);
      if (read.status !== 200) lost.push(`create ${trial}`);
      else assert.equal(read.body.meta.versionId, created.body.meta.versionId);
    }
    // An update and a delete, each acknowledged and then killed.
    const created = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { status: 'in-progress' }) });
    await crashAndRestart();
    const updated = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`, { method: 'PUT', body: { ...created.body, status: 'completed' } });
    assert.ok([200, 201].includes(updated.status), `update: ${updated.status}`);
    await crashAndRestart();
    const afterUpdate = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`);
    if (afterUpdate.body?.status !== 'completed') lost.push('update');
    const deleted = await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`, { method: 'DELETE' });
    if (deleted.status === 200) {
      await crashAndRestart();
      if ((await fhir(sandbox, token, `QuestionnaireResponse/${created.body.id}`)).status !== 404) lost.push('delete');
    } else lost.push(`delete (${deleted.status}: nothing left to delete)`);
    assert.deepEqual(lost, [], `${lost.length} of ${TRIALS + 2} acknowledged writes lost after SIGKILL: ${lost.join(', ')}`);
  });

  it(`keeps all of a burst of ${BURST} concurrent acknowledged writes and a transaction`, async () => {
    const writes = await Promise.all(
      Array.from({ length: BURST }, (_, i) => fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE, { identifier: marker(`burst-${i}`) }) })),
    );
    const entry = (i) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource: questionnaireResponse(INGE, { identifier: marker(`tx-${i}`) }), request: { method: 'POST', url: 'QuestionnaireResponse' } });
    const tx = await fhir(sandbox, token, '', { method: 'POST', body: { resourceType: 'Bundle', type: 'transaction', entry: [entry(1), entry(2), entry(3)] } });
    // Reads meanwhile: their AuditEvents are journaled too, and push the journal past a compaction.
    await Promise.all(Array.from({ length: 40 }, () => fhir(sandbox, token, `QuestionnaireResponse?subject=Patient/${INGE}&_count=1`)));
    const acknowledged = writes.filter((w) => w.status === 201).map((w) => w.body.id);
    assert.equal(acknowledged.length, BURST);
    assert.equal(tx.status, 200, JSON.stringify(tx.body));
    await crashAndRestart();
    const lost = [];
    for (const id of acknowledged) if ((await fhir(sandbox, token, `QuestionnaireResponse/${id}`)).status !== 200) lost.push(id);
    const txFound = await fhir(sandbox, token, `QuestionnaireResponse?identifier=${marker('').system}|tx-1,${marker('').system}|tx-2,${marker('').system}|tx-3`);
    assert.deepEqual(lost, [], `${lost.length} of ${BURST} acknowledged writes lost after SIGKILL`);
    assert.equal(txFound.body.total, 3, 'the whole transaction is there');
  });
});
