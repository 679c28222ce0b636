// FUT's automated processing, in the sandbox: a stored response is triaged with @kpro/core and gets its
// TriagingResult ClinicalImpression and Task in the same write (one journal record; nothing when the
// write fails), by the same rules as the answer view; an overdue occurrence gets one missing-answer task,
// however many times it is checked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { arrivalTaskIdentifier, missingTaskIdentifier, responseSaysSomething, taskCategoryOf, taskColourOf, taskResponsibleOf, TASK_URL } from '@kpro/core';
// The triage engine's worked examples (a table kept with the engine's tests, not exported by @kpro/core).
import { WORKED_EXAMPLES, workedExampleResponse } from '../../core/src/triage/worked-examples.ts';
import { questionnaireDir } from '../src/paths.mjs';
import { ehrLaunchToken, fhir, INGE, MADS, POUL, startTestSandbox } from './helpers.mjs';

const NOW = '2026-12-07T10:00:00+01:00';
const NORD = { reference: 'CareTeam/hjerterehabilitering-nord', display: 'Hjerterehabilitering Nord' };
const questionnaire = (name) => JSON.parse(readFileSync(join(questionnaireDir, `${name}.json`), 'utf8'));
const PRIORITY = { red: 'asap', yellow: 'urgent', green: 'routine', grey: 'routine', none: 'routine' };

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
/** Mads with Inge in context (a citizen launch: patient/ scopes). */
let token;
before(async () => {
  sandbox = await startTestSandbox({ now: NOW });
  token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE })).access_token;
});
after(async () => {
  await sandbox?.stop();
});

const counts = async () => (await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json())).resources;
const byIdentifier = (identifier, t = token) => fhir(sandbox, t, `Task?identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`);

/** The task (and its ClinicalImpression) the arrival of a response made. */
async function arrivalOf(responseId) {
  const found = await byIdentifier(arrivalTaskIdentifier(responseId));
  assert.equal(found.status, 200);
  assert.equal(found.body.total, 1, `one task for ${responseId}`);
  const task = found.body.entry[0].resource;
  const ci = await fhir(sandbox, token, task.focus.reference);
  assert.equal(ci.status, 200);
  return { task, ci: ci.body };
}

/** A response of Inge's with a worked example's answers, to her mid-course request (her plan's team: Nord). */
function workedResponse(example, extra = {}) {
  const { id: _id, ...qr } = workedExampleResponse(example, questionnaire(example.questionnaire));
  return { ...qr, subject: { reference: `Patient/${INGE}` }, basedOn: [{ reference: `ServiceRequest/${INGE}-mid` }], authored: '2026-12-07T09:00:00+01:00', ...extra };
}
const example = (id) => WORKED_EXAMPLES.find((e) => e.id === id);
/** The journal record that wrote a resource (the request's AuditEvents are a record of their own). */
const journalRecordOf = (type, id) =>
  readFileSync(join(sandbox.dataDir, 'fhir-journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((record) => record.ops.some((op) => op.put?.resourceType === type && op.put.id === id));

describe('missing answers', () => {
  it('gives an overdue occurrence one task, however many checks run', async () => {
    // The seed's WHO-5 follow-ups of Inge and Poul closed in August; the check at start found them.
    const inge = await byIdentifier(missingTaskIdentifier(`${INGE}-opfoelgning#0`));
    assert.equal(inge.body.total, 1);
    const task = inge.body.entry[0].resource;
    assert.equal(taskCategoryOf(task), 'MissingMeasurementResolving');
    assert.deepEqual({ status: task.status, priority: task.priority, description: task.description, focus: task.focus.reference, for: task.for.reference }, {
      status: 'requested',
      priority: 'routine',
      description: 'Manglende besvarelse',
      focus: `ServiceRequest/${INGE}-opfoelgning`,
      for: `Patient/${INGE}`,
    });
    assert.deepEqual(taskResponsibleOf(task), [NORD], 'no plan: the team of her episode of care');
    const before = (await counts()).Task;
    assert.equal(await sandbox.checkMissingAnswers(), 0);
    assert.equal(await sandbox.checkMissingAnswers(), 0);
    assert.equal((await counts()).Task, before, 'two more checks, no more tasks');
    assert.equal((await byIdentifier(missingTaskIdentifier(`${INGE}-opfoelgning#0`))).body.total, 1);
  });

  it('finds a newly overdue request at the next check, once; the answer closes the task', async () => {
    const request = {
      resourceType: 'ServiceRequest',
      status: 'active',
      intent: 'order',
      code: { text: 'Ekstra WHO-5' },
      extension: [{ url: 'https://kpro.example.dk/fhir/StructureDefinition/questionnaire', valueCanonical: 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0' }],
      subject: { reference: `Patient/${INGE}` },
      occurrenceTiming: { repeat: { boundsPeriod: { start: '2026-11-02T08:00:00+01:00', end: '2026-11-16T08:00:00+01:00' }, count: 1 } },
    };
    const sr = (await fhir(sandbox, token, 'ServiceRequest', { method: 'POST', body: request })).body;
    assert.equal(await sandbox.checkMissingAnswers(), 1);
    assert.equal(await sandbox.checkMissingAnswers(), 0);
    const [missing] = (await byIdentifier(missingTaskIdentifier(`${sr.id}#0`))).body.entry.map((e) => e.resource);
    assert.equal(missing.focus.display, 'Ekstra WHO-5');
    assert.equal(missing.input[0].valueReference.display, 'WHO-5 Trivselsindeks');

    const answer = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: workedResponse(example('who5-52'), { basedOn: [{ reference: `ServiceRequest/${sr.id}` }] }) });
    assert.equal(answer.status, 201);
    const closed = (await fhir(sandbox, token, `Task/${missing.id}`)).body;
    assert.equal(closed.status, 'completed', 'the answer came: the missing-answer task is closed');
    assert.match(closed.note.at(-1).text, /lukket automatisk/);
    assert.equal(await sandbox.checkMissingAnswers(), 0);
  });
});

describe('triage on arrival', () => {
  it('writes the ClinicalImpression and the Task with the response, as one journal record', async () => {
    const created = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: workedResponse(example('who5-32')) });
    assert.equal(created.status, 201);
    const record = journalRecordOf('QuestionnaireResponse', created.body.id);
    assert.deepEqual(record.ops.map((op) => op.put?.resourceType), ['QuestionnaireResponse', 'ClinicalImpression', 'Task'], 'one record: response, verdict, task');

    const { task, ci } = await arrivalOf(created.body.id);
    assert.equal(ci.code.coding[0].code, 'TriagingResult');
    assert.equal(ci.finding[0].itemCodeableConcept.coding[0].code, 'red');
    assert.equal(ci.investigation[0].item[0].reference, `QuestionnaireResponse/${created.body.id}`);
    assert.ok(ci.extension.some((e) => e.url.endsWith('ehealth-questionnaireresponse-finding-basis')), 'one finding basis per scored answer');
    assert.deepEqual(
      { status: task.status, intent: task.intent, priority: task.priority, description: task.description, for: task.for.reference, focus: task.focus.reference },
      { status: 'requested', intent: 'plan', priority: 'asap', description: 'Spørgeskemabesvarelse til evaluering', for: `Patient/${INGE}`, focus: `ClinicalImpression/${ci.id}` },
    );
    assert.equal(taskCategoryOf(task), 'MeasurementForAssessment');
    assert.deepEqual(taskResponsibleOf(task), [NORD], 'the team on the plan the request is based on');
    assert.deepEqual(task.basedOn, [{ reference: `ServiceRequest/${INGE}-mid`, display: 'Midtvejssamtale (uge 6)' }]);
    assert.deepEqual(task.input.map((i) => [i.type.text, i.valueReference.reference, i.valueReference.display]), [
      ['Questionnaire', 'Questionnaire/who-5', 'WHO-5 Trivselsindeks'],
      ['QuestionnaireResponse', `QuestionnaireResponse/${created.body.id}`, undefined],
    ]);
    assert.ok(task.authoredOn.startsWith('2026-12-07'), `arrival time on the sandbox clock: ${task.authoredOn}`);
    assert.ok(task.meta.tag.some((t) => t.system === TASK_URL.origin && t.code === 'kpro'));
    assert.equal(task.extension.find((e) => e.url === TASK_URL.episodeOfCare).valueReference.reference, `EpisodeOfCare/${INGE}-forloeb`);
  });

  it('colours every worked example as @kpro/core triage does (priority, category, colour), in one transaction', async () => {
    // A response that says nothing is refused as completed (and makes no task): those examples are left out.
    const examples = WORKED_EXAMPLES.filter((e) => responseSaysSomething(workedResponse(e)));
    assert.ok(examples.length >= 30);
    const entries = examples.map((e) => ({ resource: workedResponse(e), request: { method: 'POST', url: 'QuestionnaireResponse' } }));
    const answer = await fhir(sandbox, token, '', { method: 'POST', body: { resourceType: 'Bundle', type: 'transaction', entry: entries } });
    assert.equal(answer.status, 200);
    const ids = answer.body.entry.map((e) => e.response.location.split('/')[1]);
    for (const [i, e] of examples.entries()) {
      const { task, ci } = await arrivalOf(ids[i]);
      const overall = e.expect.overall;
      assert.equal(task.priority, PRIORITY[overall], `${e.id}: priority for ${overall}`);
      assert.equal(taskColourOf(task), overall, `${e.id}: the colour the list shows`);
      assert.equal(taskCategoryOf(task), overall === 'none' ? 'MeasurementForAssessmentNotTriaged' : 'MeasurementForAssessment', e.id);
      const finding = ci.finding[0].itemCodeableConcept.coding[0].code;
      assert.equal({ 'data-absent': 'grey', 'no-effective-answer-significance': 'none', 'no-answer-significance-defined': 'none' }[finding] ?? finding, overall, `${e.id}: ClinicalImpression finding`);
      assert.deepEqual(taskResponsibleOf(task), [NORD]);
    }
  });

  it('writes nothing when the write fails: no task, no verdict', async () => {
    const before = await counts();
    const bad = { resourceType: 'CarePlan', status: 'not-a-status', intent: 'plan', subject: { reference: `Patient/${INGE}` } };
    const transaction = await fhir(sandbox, token, '', {
      method: 'POST',
      body: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: workedResponse(example('who5-32')), request: { method: 'POST', url: 'QuestionnaireResponse' } }, { resource: bad, request: { method: 'POST', url: 'CarePlan' } }] },
    });
    assert.equal(transaction.status, 400);
    const blank = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: { ...workedResponse(example('who5-32')), item: undefined } });
    assert.equal(blank.status, 400);
    const other = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: workedResponse(example('who5-32'), { subject: { reference: `Patient/${POUL}` } }) });
    assert.equal(other.status, 403);
    const now = await counts();
    for (const type of ['QuestionnaireResponse', 'ClinicalImpression', 'Task']) assert.equal(now[type], before[type], type);
  });

  it('makes the task in a batch and on a conditional create, once', async () => {
    const batch = await fhir(sandbox, token, '', { method: 'POST', body: { resourceType: 'Bundle', type: 'batch', entry: [{ resource: workedResponse(example('who5-48')), request: { method: 'POST', url: 'QuestionnaireResponse' } }] } });
    assert.equal(batch.status, 200);
    assert.equal((await arrivalOf(batch.body.entry[0].response.location.split('/')[1])).task.priority, 'urgent');

    const submission = workedResponse(example('who5-52'), { identifier: { system: 'https://kpro.example.dk/fhir/NamingSystem/submission', value: 'sub-1' } });
    const headers = { 'if-none-exist': 'identifier=https://kpro.example.dk/fhir/NamingSystem/submission|sub-1' };
    const first = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: submission, headers });
    const before = await counts();
    const again = await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: submission, headers });
    assert.deepEqual([first.status, again.status, again.body.id], [201, 200, first.body.id]);
    assert.equal((await counts()).Task, before.Task, 'a retried submit makes no second task');
    assert.equal((await arrivalOf(first.body.id)).task.priority, 'routine');
  });

  it('triages an amended response again: the finished task opens with the new colour; the same answers change nothing', async () => {
    const created = (await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: workedResponse(example('who5-32')) })).body;
    const { task } = await arrivalOf(created.id);
    const handled = await fhir(sandbox, token, `Task/${task.id}`, { method: 'PUT', body: { ...task, status: 'completed', note: [{ text: 'Vurderet' }] }, headers: { 'if-match': `W/"${task.meta.versionId}"` } });
    assert.equal(handled.status, 200);

    const amended = await fhir(sandbox, token, `QuestionnaireResponse/${created.id}`, { method: 'PUT', body: { ...created, status: 'amended', item: workedResponse(example('who5-52')).item } });
    assert.equal(amended.status, 200);
    const after = await arrivalOf(created.id);
    assert.equal(after.task.id, task.id, 'the same task');
    assert.deepEqual([after.task.status, after.task.priority, taskColourOf(after.task)], ['requested', 'routine', 'green']);
    assert.deepEqual(after.task.note.map((n) => n.text), ['Vurderet', 'Besvarelsen er ændret efter vurderingen; vurdér den igen.']);
    assert.equal(after.ci.finding[0].itemCodeableConcept.coding[0].code, 'green');

    await fhir(sandbox, token, `QuestionnaireResponse/${created.id}`, { method: 'PUT', body: { ...amended.body } });
    const same = await arrivalOf(created.id);
    assert.equal(same.ci.meta.versionId, after.ci.meta.versionId, 'the same answers: no new verdict');
    assert.equal(same.task.meta.versionId, after.task.meta.versionId);
  });

  it('cancels the open task of a response marked entered-in-error', async () => {
    const created = (await fhir(sandbox, token, 'QuestionnaireResponse', { method: 'POST', body: workedResponse(example('who5-36')) })).body;
    await fhir(sandbox, token, `QuestionnaireResponse/${created.id}`, { method: 'PUT', body: { ...created, status: 'entered-in-error' } });
    assert.equal((await arrivalOf(created.id)).task.status, 'cancelled');
  });
});
