// Data survives a restart: write, close, start again on the same data folder, read. This also guards
// the private-field access in fhir-repository.mjs (pinned @medplum/fhir-router version).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { APP_SCOPES, ehrLaunchToken, fhir, INGE, MADS, questionnaireResponse, startTestSandbox } from './helpers.mjs';

const scope = `${APP_SCOPES} patient/QuestionnaireResponse.cruds`;

it('keeps written data, versions and the signing key across a restart', async () => {
  const first = await startTestSandbox();
  const { dataDir } = first;
  const token = (await ehrLaunchToken(first, { practitioner: MADS, patient: INGE }, { scope })).access_token;
  const created = await fhir(first, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) });
  assert.equal(created.status, 201);
  const updated = await fhir(first, token, `QuestionnaireResponse/${created.body.id}`, { method: 'PUT', body: { ...created.body, status: 'amended' } });
  assert.equal(updated.status, 200);
  const deleted = await fhir(first, token, 'QuestionnaireResponse', { method: 'POST', body: questionnaireResponse(INGE) });
  assert.equal((await fhir(first, token, `QuestionnaireResponse/${deleted.body.id}`, { method: 'DELETE' })).status, 200);
  await first.stop({ keepData: true });
  assert.ok(existsSync(join(dataDir, 'fhir.json')));
  assert.ok(readFileSync(join(dataDir, 'fhir.json'), 'utf8').includes(created.body.id));

  const second = await startTestSandbox({ dataDir, port: first.port });
  try {
    // Same origin and key: a token from before the restart still verifies (JWTs are self-contained).
    const sameOrigin = second.url === first.url;
    const readToken = sameOrigin ? token : (await ehrLaunchToken(second, { practitioner: MADS, patient: INGE })).access_token;
    const read = await fhir(second, readToken, `QuestionnaireResponse/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'amended');
    assert.equal(read.body.meta.versionId, updated.body.meta.versionId);
    const history = await fhir(second, readToken, `QuestionnaireResponse/${created.body.id}/_history`);
    assert.equal(history.body.entry.length, 2);
    assert.equal((await fhir(second, readToken, `QuestionnaireResponse/${deleted.body.id}`)).status, 404);
    const seeded = await fhir(second, readToken, `QuestionnaireResponse?subject=Patient/${INGE}`);
    assert.equal(seeded.body.total, 4, 'three seeded responses and the one written');
  } finally {
    await second.stop();
  }
});

it('journals through the engine method every write ends in (pinned @medplum/fhir-router)', async () => {
  const { MemoryRepository } = await import('@medplum/fhir-router');
  assert.equal(typeof MemoryRepository.prototype.createResourceSync, 'function', 'SandboxRepository.createResourceSync overrides it');
});

it('replays journal records after the snapshot, drops a last line cut short by a crash, refuses damage before it', async () => {
  const { parseJournal } = await import('../src/fhir-persistence.mjs');
  const line = (seq) => JSON.stringify({ seq, ops: [{ del: ['Task', `t${seq}`] }] });
  assert.deepEqual(parseJournal(`${line(1)}\n${line(2)}\n${line(3)}\n`, 1).map((r) => r.seq), [2, 3]);
  assert.deepEqual(parseJournal(`${line(1)}\n${line(2)}\n{"seq":3,"ops":[{"put"`, 0).map((r) => r.seq), [1, 2]);
  assert.throws(() => parseJournal(`${line(1)}\n{"seq":2,\n${line(3)}\n`, 0), /damaged at line 2/);
});
