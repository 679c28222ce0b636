// The FHIR server audits as FUT does, and MinLog counts look-ups as the citizen would: every request that
// touches a citizen's data leaves an AuditEvent per citizen (no client has to write one), with the citizen
// as role-1 entity, the user from the token as requestor and the launch's correlation id as trace id; one
// launch is one look-up however many reads and reloads; clients may read AuditEvents but never write them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditedPatientOf, correlationIdOf } from '@kpro/core';
import { initDefinitions } from '../src/fhir-definitions.mjs';
import { createServerAudit } from '../src/fhir-audit.mjs';
import { SandboxRepository } from '../src/fhir-repository.mjs';
import { authorize, CPR_SYSTEM, ehrLaunchToken, fhir, HANNE, INGE, MADS, pkcePair, POUL, startTestSandbox, tokenRequest } from './helpers.mjs';

const KAREN = 'karen-test-hansen';
const JENS = 'jens-test-pedersen';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(async () => {
  await sandbox?.stop();
});

const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
/** The citizen's MinLog as the sandbox shows it (not itself a FHIR request, so not audited). */
const minlog = (patient) => fetch(`${sandbox.url}/__sandbox/minlog/${patient}`).then((r) => r.json());

/** What a launched app does with its token: the citizen, the responses, the plan, the conditions, the questionnaires. */
async function appReads(token, patient) {
  for (const path of [`Patient/${patient}`, `QuestionnaireResponse?subject=Patient/${patient}`, `CarePlan?subject=Patient/${patient}`, `Condition?subject=Patient/${patient}`, 'Questionnaire?_count=5']) {
    assert.equal((await fhir(sandbox, token, path)).status, 200, path);
  }
}

describe('the FHIR server audits every request that touches a citizen', () => {
  it('audits reads made without the client writing anything: role-1 citizen, requestor from the token, trace id from the token, no CPR', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    const before = (await minlog(INGE)).auditEvents;
    await appReads(token.access_token, INGE);
    const found = await fhir(sandbox, token.access_token, 'Patient/_search', { method: 'POST', body: new URLSearchParams({ identifier: `${CPR_SYSTEM}|${token.fhirContext[0].identifier.value}` }) });
    assert.equal(found.body.total, 1);
    const view = await minlog(INGE);
    assert.equal(view.auditEvents - before, 5, 'Patient read, three searches with results and the CPR search; the questionnaires are no citizen data');
    const events = (await fhir(sandbox, token.access_token, `AuditEvent?patient=Patient/${INGE}&_count=1000`)).body.entry.map((e) => e.resource);
    const correlation = decode(token.access_token).kpro_correlation;
    assert.ok(correlation, 'the access token carries the launch correlation id');
    const mine = events.filter((e) => correlationIdOf(e) === correlation);
    assert.ok(mine.length >= 5);
    for (const e of mine) {
      assert.equal(auditedPatientOf(e), INGE);
      const requestors = e.agent.filter((a) => a.requestor);
      assert.equal(requestors.length, 1);
      assert.equal(requestors[0].who.reference, `Practitioner/${MADS}`);
      assert.ok(['R', 'C', 'U', 'D', 'E'].includes(e.action));
      assert.equal(e.entity.find((x) => x.role?.code === '21').what.identifier.value, correlation);
    }
    const cpr = token.fhirContext[0].identifier.value;
    assert.ok(!JSON.stringify(events).includes(cpr), 'never the CPR');
    assert.deepEqual(new Set(mine.map((e) => e.action)), new Set(['R']));
    assert.ok(mine.some((e) => e.outcomeDesc === 'CarePlan'));
  });

  it('writes one AuditEvent per citizen in a search result, and none for definitions or the log-in', async () => {
    const before = (await minlog(INGE)).auditEvents;
    const token = await ehrLaunchToken(sandbox, { practitioner: HANNE, patient: INGE });
    assert.equal((await minlog(INGE)).auditEvents, before, 'log-in (authorize, token) is no look-up');
    for (const path of ['Questionnaire', 'PlanDefinition', 'ActivityDefinition', 'Basic', `Practitioner/${MADS}`, 'CareTeam']) {
      assert.equal((await fhir(sandbox, token.access_token, path)).status, 200, path);
    }
    assert.equal((await minlog(INGE)).auditEvents, before, 'definitions are no look-up');
    const search = await fhir(sandbox, token.access_token, `QuestionnaireResponse?subject=Patient/${INGE}&_include=QuestionnaireResponse:based-on`);
    assert.ok(search.body.entry.length >= 4);
    assert.equal((await minlog(INGE)).auditEvents, before + 1, 'one AuditEvent for one citizen, however many of her resources came back');
  });

  it('audits writes with their action, as part of the same look-up', async () => {
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE });
    const created = await fhir(sandbox, token.access_token, 'QuestionnaireResponse', {
      method: 'POST',
      body: { resourceType: 'QuestionnaireResponse', status: 'in-progress', subject: { reference: `Patient/${INGE}` }, questionnaire: 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0' },
    });
    assert.equal(created.status, 201);
    const events = (await fhir(sandbox, token.access_token, `AuditEvent?patient=Patient/${INGE}&_count=1000`)).body.entry.map((e) => e.resource);
    const create = events.filter((e) => correlationIdOf(e) === decode(token.access_token).kpro_correlation && e.action === 'C');
    assert.equal(create.length, 1);
    assert.equal(create[0].outcomeDesc, 'QuestionnaireResponse');
  });
});

describe('MinLog: one launch is one look-up', () => {
  it('counts exactly N look-ups for N launches by two users of two citizens, however many reads and reloads', async () => {
    const launches = [
      [MADS, KAREN],
      [MADS, KAREN],
      [HANNE, KAREN],
      [MADS, JENS],
      [HANNE, JENS],
      [HANNE, JENS],
    ];
    const correlations = { [KAREN]: new Set(), [JENS]: new Set() };
    for (const [practitioner, patient] of launches) {
      const token = await ehrLaunchToken(sandbox, { practitioner, patient });
      correlations[patient].add(decode(token.access_token).kpro_correlation);
      await appReads(token.access_token, patient);
      // A reload: the app reads again with the same token, and later with a refreshed one.
      await appReads(token.access_token, patient);
      const refreshed = await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: 'kpro-app' });
      assert.equal(refreshed.status, 200);
      assert.equal(decode(refreshed.body.access_token).kpro_correlation, decode(token.access_token).kpro_correlation, 'a refreshed token keeps the launch');
      await appReads(refreshed.body.access_token, patient);
    }
    const karen = await minlog(KAREN);
    const jens = await minlog(JENS);
    assert.equal(karen.lookUps.length + jens.lookUps.length, launches.length, 'N launches, N look-ups');
    assert.equal(karen.lookUps.length, 3);
    assert.equal(jens.lookUps.length, 3);
    assert.deepEqual(new Set(karen.lookUps.map((l) => l.correlationId)), correlations[KAREN]);
    assert.deepEqual(new Set(jens.lookUps.map((l) => l.correlationId)), correlations[JENS]);
    assert.deepEqual(karen.lookUps.map((l) => l.whoReference).sort(), [`Practitioner/${HANNE}`, `Practitioner/${MADS}`, `Practitioner/${MADS}`]);
    assert.ok(karen.lookUps.some((l) => /Hanne Holm/.test(l.who)), 'who, by name');
    assert.ok(karen.lookUps.every((l) => l.system === 'kpro (PRO i EOJ)' && l.count >= 12 && l.first <= l.last));
    // The same count straight from the AuditEvents: distinct correlation ids with Karen as role-1 entity.
    const token = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: KAREN });
    const events = (await fhir(sandbox, token.access_token, `AuditEvent?patient=Patient/${KAREN}&_count=1000`)).body.entry.map((e) => e.resource);
    const distinct = new Set(events.filter((e) => auditedPatientOf(e) === KAREN).map(correlationIdOf));
    assert.equal(distinct.size, 3, 'the three launches (the event of this search itself is written after it searched)');
    // The EOJ shows the same view.
    const page = await fetch(`${sandbox.url}/eoj/minlog/${JENS}`).then((r) => r.text());
    assert.match(page, /data-testid="minlog" data-count="3"/);
  });
});

describe("AuditEvents are the server's", () => {
  it('refuses a client POST, PUT, PATCH and DELETE of an AuditEvent (403), even in a transaction, even when asked for the scope', async () => {
    const token = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: 'launch openid fhirUser patient/*.rs patient/AuditEvent.cruds patient/*.cruds' })).access_token;
    const existing = (await fhir(sandbox, token, `AuditEvent?patient=Patient/${INGE}&_count=1`)).body.entry[0].resource;
    const before = (await minlog(INGE)).auditEvents;
    const forged = { ...existing, id: undefined, meta: undefined, recorded: '2020-01-01T00:00:00Z', agent: [{ who: { reference: `Practitioner/${HANNE}` }, requestor: true }] };
    const post = await fhir(sandbox, token, 'AuditEvent', { method: 'POST', body: forged });
    const put = await fhir(sandbox, token, `AuditEvent/${existing.id}`, { method: 'PUT', body: { ...existing, recorded: '2020-01-01T00:00:00Z' } });
    const patch = await fhir(sandbox, token, `AuditEvent/${existing.id}`, { method: 'PATCH', body: [{ op: 'replace', path: '/recorded', value: '2020-01-01T00:00:00Z' }], headers: { 'content-type': 'application/json-patch+json' } });
    const del = await fhir(sandbox, token, `AuditEvent/${existing.id}`, { method: 'DELETE' });
    const tx = await fhir(sandbox, token, '', { method: 'POST', body: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: forged, request: { method: 'POST', url: 'AuditEvent' } }] } });
    assert.deepEqual([post.status, put.status, patch.status, del.status, tx.status], [403, 403, 403, 403, 403]);
    const after = await fhir(sandbox, token, `AuditEvent/${existing.id}`);
    assert.equal(after.body.recorded, existing.recorded, 'unchanged');
    assert.equal((await minlog(INGE)).auditEvents, before + 1, 'only the server wrote: the read just now (refused requests read nothing)');
  });

  it('lets a citizen read her own AuditEvents, not another citizen\'s; her own use is not a look-up', async () => {
    const pkce = pkcePair();
    const redirectUri = `${sandbox.url}/app/?view=citizen`;
    const { code } = await authorize(sandbox, { clientId: 'kpro-citizen', scope: 'launch/patient openid fhirUser patient/*.rs', redirectUri, pkce, interact: () => ({ action: 'confirm', form: { patient: INGE } }) });
    const { body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'kpro-citizen', code_verifier: pkce.verifier });
    const lookUpsBefore = (await minlog(INGE)).lookUps.length;
    const own = await fhir(sandbox, body.access_token, `AuditEvent?patient=Patient/${INGE}&_count=1000`);
    assert.equal(own.status, 200);
    assert.ok(own.body.total > 0);
    assert.ok(own.body.entry.every((e) => auditedPatientOf(e.resource) === INGE));
    const poulEvents = await fhir(sandbox, body.access_token, `AuditEvent?patient=Patient/${POUL}`);
    assert.equal(poulEvents.body.total ?? 0, 0);
    const poulToken = (await ehrLaunchToken(sandbox, { practitioner: MADS, patient: POUL })).access_token;
    await fhir(sandbox, poulToken, `Patient/${POUL}`);
    const poulEvent = (await fhir(sandbox, poulToken, `AuditEvent?patient=Patient/${POUL}&_count=1`)).body.entry[0].resource;
    assert.equal((await fhir(sandbox, body.access_token, `AuditEvent/${poulEvent.id}`)).status, 403);
    assert.equal((await minlog(INGE)).lookUps.length, lookUpsBefore, 'the citizen reading her own data is audited, but is no look-up in her MinLog');
  });
});

describe("a citizen's MinLog search", () => {
  it('finds, newest first, what the unindexed search finds among thousands of AuditEvents', async () => {
    const token = (await ehrLaunchToken(sandbox, { practitioner: HANNE, patient: POUL })).access_token;
    await Promise.all(Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 100; i++) await fhir(sandbox, token, `Patient/${POUL}`);
    }));
    // How quick it is is measured by `npm run bench` (README), not by a timed test: this checks what it finds.
    const indexed = await fhir(sandbox, token, `AuditEvent?patient=Patient/${POUL}&_sort=-date&_count=1000`);
    assert.equal(indexed.status, 200);
    assert.ok(indexed.body.total >= 2000);
    const recorded = indexed.body.entry.map((e) => e.resource.recorded);
    assert.deepEqual(recorded, [...recorded].sort().reverse(), 'newest first');
    // The same set as the engine's own evaluation (two values make it skip the index), also with other filters.
    const plain = await fhir(sandbox, token, `AuditEvent?patient=${POUL},${POUL}&_count=1000&_sort=-date`);
    assert.equal(plain.body.total, indexed.body.total + 1, 'the same events, and the indexed search\'s own');
    const reads = await fhir(sandbox, token, `AuditEvent?patient=${POUL}&action=R&subtype=read&_count=1`);
    assert.ok(reads.body.total >= 2000);
    assert.equal((await fhir(sandbox, token, `AuditEvent?patient=${POUL}&action=D`)).body.total, 0);
  });
});

describe('list reads (no citizen in context)', () => {
  it('are audited per citizen and marked INTERNAL_AUDIT_ONLY when the municipality says so', async () => {
    initDefinitions();
    const grant = { sub: `Practitioner/${MADS}`, clientId: 'kpro-app', correlationId: 'list-1', scopes: [] };
    const touches = [
      { interaction: 'search-type', resource: { resourceType: 'Task', id: 't1', for: { reference: `Patient/${INGE}` } } },
      { interaction: 'search-type', resource: { resourceType: 'Task', id: 't2', for: { reference: `Patient/${POUL}` } } },
    ];
    for (const [policy, marked] of [[true, true], [false, false]]) {
      const repo = new SandboxRepository();
      const audit = createServerAudit({ repo, clientNames: {}, listReadsInternalOnly: policy });
      assert.equal(await audit.record({ grant, interaction: 'search-type', touches }), 2, 'one per citizen in the list');
      const events = repo.current('AuditEvent');
      assert.deepEqual(events.map(auditedPatientOf).sort(), [INGE, POUL].sort());
      assert.ok(events.every((e) => (e.purposeOfEvent?.[0]?.coding?.[0]?.code === 'INTERNAL_AUDIT_ONLY') === marked), `policy ${policy}`);
      // With a citizen in context a search is no list: it reaches MinLog whatever the policy.
      const inContext = new SandboxRepository();
      await createServerAudit({ repo: inContext, clientNames: {}, listReadsInternalOnly: policy }).record({ grant: { ...grant, patient: INGE }, interaction: 'search-type', touches: touches.slice(0, 1) });
      assert.equal(inContext.current('AuditEvent')[0].purposeOfEvent, undefined);
    }
  });
});
