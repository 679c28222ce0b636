// The task overview's launch (intent tasks, no citizen): the tasks of the user's care teams and the names
// of their citizens, nothing else; FUT's Task search parameters; taking, releasing and handling a task with
// If-Match; list reads out of MinLog while opening a citizen from the list is one look-up; care team
// members changing who is in the team.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { careTeamIdOf, taskResponsibleOf, TASK_URL } from '@kpro/core';
import {
  APP_SCOPES,
  authorize,
  createLaunch,
  ehrLaunchToken,
  eojSessionOf,
  fhir,
  HANNE,
  INGE,
  MADS,
  pkcePair,
  startTestSandbox,
  TASK_SCOPES,
  tasksLaunchToken,
  tokenRequest,
} from './helpers.mjs';

const NOW = '2026-12-07T10:00:00+01:00';
const BIRTHE = 'birthe-test-andersen';
const MADS_REF = `Practitioner/${MADS}`;
const OPEN = 'status=requested,in-progress';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
let mads;
before(async () => {
  sandbox = await startTestSandbox({ now: NOW });
  mads = await tasksLaunchToken(sandbox, MADS);
});
after(async () => {
  await sandbox?.stop();
});

const entries = (bundle, type) => (bundle.entry ?? []).map((e) => e.resource).filter((r) => !type || r.resourceType === type);
const teamsOfTask = (task) => taskResponsibleOf(task).map((r) => careTeamIdOf(r.reference));
const minlog = (patient) => fetch(`${sandbox.url}/__sandbox/minlog/${patient}`).then((r) => r.json());
const put = (token, resource, version) => fhir(sandbox, token, `${resource.resourceType}/${resource.id}`, { method: 'PUT', body: resource, headers: version === undefined ? {} : { 'if-match': `W/"${version}"` } });

/** A launch made in the EOJ, authorized and exchanged: its id (for the EOJ) and its token response. */
async function launched(options, scope = TASK_SCOPES) {
  const launch = await createLaunch(sandbox, options);
  const pkce = pkcePair();
  const { code } = await authorize(sandbox, { launch, scope, pkce });
  const { body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: `${sandbox.url}/app/`, client_id: 'kpro-app', code_verifier: pkce.verifier });
  return { launch, token: body };
}

describe('a launch without a citizen (intent tasks)', () => {
  it('has no citizen and gets the worklist scopes instead of patient/ ones; read-only users only read', async () => {
    assert.equal(mads.patient, undefined);
    assert.equal(mads.fhirContext, undefined, 'no CPR in context');
    assert.equal(mads.intent, 'tasks');
    assert.equal(mads.need_patient_banner, false);
    const scopes = mads.scope.split(' ');
    for (const s of ['user/Task.rus', 'user/Patient.rs', 'user/CareTeam.rus', 'user/Practitioner.rs']) assert.ok(scopes.includes(s), s);
    assert.ok(!scopes.some((s) => s.startsWith('patient/')), mads.scope);
    const hanne = await tasksLaunchToken(sandbox, HANNE);
    assert.ok(hanne.scope.split(' ').includes('user/Task.rs') && !/user\/Task\.\w*u/.test(hanne.scope), hanne.scope);
    assert.ok(hanne.scope.split(' ').includes('user/CareTeam.rs'), hanne.scope);
    // A launch with a citizen never gets them, whatever the app asks for.
    const citizen = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: TASK_SCOPES });
    assert.ok(!/user\/(Task|Patient)\./.test(citizen.scope), citizen.scope);
  });

  it('lists only the tasks of the user’s care teams; another team’s task is out of reach', async () => {
    const list = await fhir(sandbox, mads.access_token, `Task?${OPEN}&_count=100`);
    assert.equal(list.status, 200);
    const tasks = entries(list.body);
    assert.ok(tasks.length >= 5);
    for (const t of tasks) assert.ok(teamsOfTask(t).some((id) => ['hjerterehabilitering-nord', 'rehabiliteringsteam'].includes(id)), t.id);
    assert.ok(tasks.some((t) => t.for.reference === `Patient/${INGE}`));
    assert.ok(!tasks.some((t) => t.for.reference === `Patient/${BIRTHE}`), 'Birthe is Diabetesteam Syd’s');
    assert.equal((await fhir(sandbox, mads.access_token, `Task/task-${BIRTHE}-slut-svar`)).status, 403);
    assert.equal((await fhir(sandbox, mads.access_token, 'Task?responsible=CareTeam/diabetesteam-syd')).body.total, 0);
    assert.equal((await fhir(sandbox, mads.access_token, `Task?patient=Patient/${BIRTHE}`)).body.total, 0);

    const hanne = await tasksLaunchToken(sandbox, HANNE);
    const hers = entries((await fhir(sandbox, hanne.access_token, `Task?${OPEN}`)).body);
    assert.ok(hers.some((t) => t.for.reference === `Patient/${BIRTHE}`));
    assert.ok(!hers.some((t) => t.for.reference === `Patient/${INGE}`), 'Inge is Hjerterehabilitering Nord’s');
  });

  it('names the citizens and nothing more; one read on her own adds the CPR; no clinical data at all', async () => {
    const list = await fhir(sandbox, mads.access_token, `Task?${OPEN}&_include=Task:patient&_include=Task:focus`);
    const patients = entries(list.body, 'Patient');
    assert.ok(patients.length >= 5);
    for (const p of patients) assert.deepEqual(Object.keys(p).sort(), ['id', 'meta', 'name', 'resourceType'], `name only: ${p.id}`);
    assert.deepEqual(entries(list.body, 'ClinicalImpression'), [], 'the triage verdict is clinical data: not included');

    const search = entries((await fhir(sandbox, mads.access_token, 'Patient?_count=100')).body);
    assert.ok(search.some((p) => p.id === INGE) && !search.some((p) => p.id === BIRTHE), 'only the citizens of my teams’ tasks');
    for (const p of search) assert.deepEqual(Object.keys(p).sort(), ['id', 'meta', 'name', 'resourceType']);

    const revealed = await fhir(sandbox, mads.access_token, `Patient/${INGE}`);
    assert.equal(revealed.status, 200);
    assert.deepEqual(Object.keys(revealed.body).sort(), ['id', 'identifier', 'meta', 'name', 'resourceType']);
    assert.deepEqual(revealed.body.identifier.map((i) => i.system), ['urn:oid:1.2.208.176.1.2']);
    assert.equal((await fhir(sandbox, mads.access_token, `Patient/${BIRTHE}`)).status, 403);
    assert.equal((await fhir(sandbox, mads.access_token, `Patient/${INGE}/_history`)).status, 403);

    for (const path of [`QuestionnaireResponse?subject=Patient/${INGE}`, `Observation?subject=Patient/${INGE}`, `ClinicalImpression/triage-${INGE}-slut-svar`, `CarePlan?subject=Patient/${INGE}`, `Condition?subject=Patient/${INGE}`, 'QuestionnaireResponse']) {
      assert.equal((await fhir(sandbox, mads.access_token, path)).status, 403, path);
    }
  });
});

describe('Task search parameters (FUT)', () => {
  const ids = async (query, token = mads.access_token) => {
    const res = await fhir(sandbox, token, `Task?${query}`);
    assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body).slice(0, 200)}`);
    return entries(res.body, 'Task');
  };

  it('filters by responsible, category, priority, status, owner, patient, focus and authored-on', async () => {
    for (const t of await ids('responsible=CareTeam/rehabiliteringsteam')) assert.ok(teamsOfTask(t).includes('rehabiliteringsteam'));
    for (const t of await ids('responsible=rehabiliteringsteam')) assert.ok(teamsOfTask(t).includes('rehabiliteringsteam'));
    const missing = await ids('category=MissingMeasurementResolving');
    assert.ok(missing.length >= 2 && missing.every((t) => t.description === 'Manglende besvarelse'));
    assert.equal((await ids(`category=${TASK_URL.categorySystem}|MissingMeasurementResolving`)).length, missing.length);
    const red = await ids(`priority=asap&${OPEN}`);
    assert.deepEqual(red.map((t) => t.for.reference), [`Patient/${INGE}`]);
    assert.ok((await ids('status=completed')).every((t) => t.status === 'completed'));
    assert.deepEqual((await ids(`owner=${MADS_REF}&status=in-progress`)).map((t) => t.id), ['task-jens-test-pedersen-slut-svar']);
    assert.ok((await ids(`patient=Patient/${INGE}`)).every((t) => t.for.reference === `Patient/${INGE}`));
    assert.deepEqual((await ids(`focus=ClinicalImpression/triage-${INGE}-slut-svar`)).map((t) => t.id), [`task-${INGE}-slut-svar`]);
    const recent = await ids('authored-on=ge2026-12-01');
    assert.ok(recent.length >= 1 && recent.every((t) => t.authoredOn >= '2026-12'), 'the missing-answer tasks made today');
    assert.ok((await ids('authored-on=lt2026-04-01')).every((t) => t.authoredOn < '2026-04'));
  });

  it('sorts by priority in clinical order (asap, urgent, routine), pages with next links, counts', async () => {
    const sorted = await ids(`${OPEN}&_sort=priority`);
    const rank = { asap: 0, urgent: 1, routine: 2 };
    assert.deepEqual(sorted.map((t) => rank[t.priority]), [...sorted.map((t) => rank[t.priority])].sort());
    assert.equal(sorted[0].priority, 'asap');
    assert.equal(sorted.at(-1).priority, 'routine');
    const reversed = await ids(`${OPEN}&_sort=-priority`);
    assert.deepEqual(reversed.map((t) => rank[t.priority]), [...reversed.map((t) => rank[t.priority])].sort().reverse());

    const first = await fhir(sandbox, mads.access_token, `Task?${OPEN}&_sort=priority&_count=2&_total=accurate&_include=Task:patient`);
    assert.equal(first.body.total, sorted.length);
    assert.equal(entries(first.body, 'Task').length, 2);
    const next = first.body.link.find((l) => l.relation === 'next').url;
    const second = await fetch(next, { headers: { authorization: `Bearer ${mads.access_token}` } }).then((r) => r.json());
    assert.deepEqual([...entries(first.body, 'Task'), ...entries(second, 'Task')].map((t) => t.id), sorted.slice(0, 4).map((t) => t.id), 'the next page goes on where the first ended');

    // The overview's own order: category (assessments, untriaged, missing answers), then priority, then arrival.
    const byColour = await ids(`${OPEN}&_sort=category,priority,authored-on`);
    const colourRank = (t) => [{ MeasurementForAssessment: 0, MeasurementForAssessmentNotTriaged: 1, MissingMeasurementResolving: 2 }[t.extension.find((e) => e.url === TASK_URL.category).valueCodeableConcept.coding[0].code], rank[t.priority], t.authoredOn];
    const keys = byColour.map(colourRank).map((k) => JSON.stringify(k));
    assert.deepEqual(byColour.map(colourRank), [...byColour.map(colourRank)].sort((a, b) => (a[0] - b[0]) || (a[1] - b[1]) || a[2].localeCompare(b[2])), keys.join(' '));
    assert.equal(byColour.at(-1).description, 'Manglende besvarelse', 'missing answers last');

    const count = await fhir(sandbox, mads.access_token, `Task?${OPEN}&priority=urgent&_summary=count`);
    assert.deepEqual([count.body.total, count.body.entry], [sorted.filter((t) => t.priority === 'urgent').length, undefined]);
  });
});

describe('taking, releasing and handling a task', () => {
  const read = async (id, token = mads.access_token) => (await fhir(sandbox, token, `Task/${id}`)).body;
  const me = { reference: MADS_REF, display: 'Terapeut Mads Madsen' };

  it('takes it (owner me, in progress), releases it, marks it handled: each with If-Match', async () => {
    const task = await read(`task-${INGE}-slut-svar`);
    const take = await put(mads.access_token, { ...task, owner: me, status: 'in-progress' }, task.meta.versionId);
    assert.equal(take.status, 200);
    assert.deepEqual([take.body.status, take.body.owner.reference], ['in-progress', MADS_REF]);
    assert.equal((await put(mads.access_token, { ...task, owner: me, status: 'in-progress' }, task.meta.versionId)).status, 412, 'someone changed it meanwhile: a stale version');
    const { owner: _o, ...released } = take.body;
    const release = await put(mads.access_token, { ...released, status: 'requested' }, take.body.meta.versionId);
    assert.equal(release.status, 200);
    assert.equal(release.body.owner, undefined);
    const done = await put(mads.access_token, { ...release.body, owner: me, status: 'completed', executionPeriod: { end: NOW }, note: [{ text: 'Vurderet', authorReference: me, time: NOW }] }, release.body.meta.versionId);
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'completed');
    assert.equal((await fhir(sandbox, mads.access_token, `Task?${OPEN}&patient=Patient/${INGE}&category=MeasurementForAssessment`)).body.total, 0, 'gone from the open list');
    assert.equal((await fhir(sandbox, mads.access_token, `Task?status=completed&_id=${task.id}`)).body.total, 1, 'kept as completed');
    assert.equal((await minlog(INGE)).lookUps.filter((l) => l.whoReference === MADS_REF).length, 1, 'acting on her task is one look-up of Inge (the writes of this launch)');
  });

  it('refuses everything else: no If-Match, other fields, another owner, others’ notes, other statuses, another team, read-only users', async () => {
    const task = await read('task-poul-test-nielsen-slut-svar');
    const v = task.meta.versionId;
    const cases = [
      ['without If-Match', { ...task, owner: me, status: 'in-progress' }, undefined, 400],
      ['a new priority', { ...task, priority: 'routine' }, v, 403],
      ['another responsible team', { ...task, extension: task.extension.map((e) => (e.url === TASK_URL.responsible ? { ...e, valueReference: { reference: 'CareTeam/genoptraening-oest' } } : e)) }, v, 403],
      ['another citizen', { ...task, for: { reference: `Patient/${BIRTHE}` } }, v, 403],
      ['given to a colleague', { ...task, owner: { reference: 'Practitioner/practitioner-lone' } }, v, 403],
      ['a note in someone else’s name', { ...task, note: [{ text: 'Vurderet', authorReference: { reference: 'Practitioner/practitioner-lone' } }] }, v, 403],
      ['a note signed with a name', { ...task, note: [{ text: 'Vurderet', authorString: 'Lone' }] }, v, 403],
      ['an empty note', { ...task, note: [{ text: ' ' }] }, v, 400],
      ['cancelled', { ...task, status: 'cancelled' }, v, 403],
      ['an unknown property', { ...task, status: 'in-progress', owner: me, hacked: true }, v, 400],
    ];
    for (const [what, body, version, status] of cases) assert.equal((await put(mads.access_token, body, version)).status, status, what);
    const absolute = { reference: `${sandbox.url}/fhir/${MADS_REF}` };
    const takenAbsolute = await put(mads.access_token, { ...task, owner: absolute, status: 'in-progress' }, v);
    assert.equal(takenAbsolute.status, 200, 'the user as fhirUser (absolute) is the user');
    const released = await put(mads.access_token, { ...task, meta: takenAbsolute.body.meta }, takenAbsolute.body.meta.versionId);
    assert.equal(released.status, 200);
    const withNote = await put(mads.access_token, { ...task, note: [{ text: 'Ringet op' }] }, released.body.meta.versionId);
    assert.equal(withNote.status, 200, 'a note without author is the user’s');
    assert.equal((await put(mads.access_token, { ...withNote.body, note: [] }, withNote.body.meta.versionId)).status, 403, 'notes are not removed');

    const birthe = await fhir(sandbox, (await tasksLaunchToken(sandbox, HANNE)).access_token, `Task/task-${BIRTHE}-slut-svar`);
    assert.equal((await put(mads.access_token, { ...birthe.body, owner: me, status: 'in-progress' }, birthe.body.meta.versionId)).status, 403, 'another team’s task');
    const hanne = (await tasksLaunchToken(sandbox, HANNE)).access_token;
    assert.equal((await put(hanne, { ...birthe.body, owner: { reference: `Practitioner/${HANNE}` }, status: 'in-progress' }, birthe.body.meta.versionId)).status, 403, 'read-only: no user/Task.u');
    assert.equal((await fhir(sandbox, mads.access_token, 'Task', { method: 'POST', body: { ...task, id: undefined } })).status, 403, 'tasks are made by the server');
    assert.equal((await fhir(sandbox, mads.access_token, `Task/${task.id}`, { method: 'DELETE' })).status, 403);
    const patched = await fhir(sandbox, mads.access_token, `Task/${task.id}`, {
      method: 'PATCH',
      body: [{ op: 'replace', path: '/priority', value: 'routine' }],
      headers: { 'content-type': 'application/json-patch+json', 'if-match': `W/"${withNote.body.meta.versionId}"` },
    });
    assert.equal(patched.status, 403, 'a patch is checked like an update');
    assert.equal((await read(task.id)).priority, 'urgent', 'and rolled back');
  });
});

describe('care teams', () => {
  const team = async (id, token = mads.access_token) => (await fhir(sandbox, token, `CareTeam/${id}`)).body;
  const member = (id, code = 'clinicalViewer') => ({ role: [{ coding: [{ system: 'http://ehealth.sundhed.dk/cs/careteam-participant-role', code }] }], member: { reference: `Practitioner/${id}` } });

  it('a member whose role may changes who is in the team, with If-Match; audited; the new member sees its tasks', async () => {
    const nord = await team('hjerterehabilitering-nord');
    const added = await put(mads.access_token, { ...nord, participant: [...nord.participant, member(HANNE)] }, nord.meta.versionId);
    assert.equal(added.status, 200);
    assert.equal((await put(mads.access_token, { ...nord, participant: [...nord.participant, member(HANNE)] }, nord.meta.versionId)).status, 412, 'stale');
    const hanne = await tasksLaunchToken(sandbox, HANNE);
    assert.ok(entries((await fhir(sandbox, hanne.access_token, `Task?${OPEN}`)).body).some((t) => t.for.reference === `Patient/${INGE}`), 'Hanne now sees Nord’s tasks');

    // In a launch with a citizen too (user/CareTeam.u), and the write is audited by the team, not a citizen.
    const citizenLaunch = await ehrLaunchToken(sandbox, { practitioner: MADS, patient: INGE }, { scope: `${APP_SCOPES} user/CareTeam.rsu` });
    const removed = await put(citizenLaunch.access_token, { ...added.body, participant: nord.participant }, added.body.meta.versionId);
    assert.equal(removed.status, 200);
    const events = entries((await fhir(sandbox, citizenLaunch.access_token, 'AuditEvent?entity=CareTeam/hjerterehabilitering-nord')).body);
    assert.equal(events.filter((e) => e.action === 'U').length, 2);
    assert.ok(events.every((e) => e.agent.find((a) => a.requestor).who.reference === MADS_REF && !e.entity.some((x) => x.role?.code === '1')));
  });

  it('refuses other changes, non-members, read-only users, and members that are not staff', async () => {
    const nord = await team('hjerterehabilitering-nord');
    const v = nord.meta.versionId;
    const cases = [
      ['without If-Match', { ...nord, participant: [...nord.participant, member(HANNE)] }, undefined, 400],
      ['a new name', { ...nord, name: 'Mit team' }, v, 403],
      ['a citizen as member', { ...nord, participant: [...nord.participant, { role: member(HANNE).role, member: { reference: `Patient/${INGE}` } }] }, v, 400],
      ['someone who does not exist', { ...nord, participant: [...nord.participant, member('practitioner-nobody')] }, v, 400],
      ['a member without a role', { ...nord, participant: [...nord.participant, { member: { reference: `Practitioner/${HANNE}` } }] }, v, 400],
      ['the same member twice', { ...nord, participant: [...nord.participant, nord.participant[0]] }, v, 400],
    ];
    for (const [what, body, version, status] of cases) assert.equal((await put(mads.access_token, body, version)).status, status, what);
    const oest = await team('genoptraening-oest');
    assert.equal((await put(mads.access_token, { ...oest, participant: [...oest.participant, member(MADS, 'monitoring_adjuster')] }, oest.meta.versionId)).status, 403, 'Mads is not in Genoptræning Øst: he cannot put himself in');
    const rehab = await team('rehabiliteringsteam');
    const hanne = (await tasksLaunchToken(sandbox, HANNE)).access_token;
    assert.equal((await put(hanne, { ...rehab, participant: rehab.participant.slice(1) }, rehab.meta.versionId)).status, 403, 'read-only: no user/CareTeam.u');
    assert.equal((await fhir(sandbox, mads.access_token, 'CareTeam', { method: 'POST', body: { resourceType: 'CareTeam', status: 'active', name: 'Nyt' } })).status, 403);
  });
});

describe('MinLog: the list is internal, opening a citizen is one look-up', () => {
  it('lists 50 tasks of 50 citizens with 0 MinLog look-ups; opening one from the list is 1', async () => {
    // 200 more citizens, each with one open task (their newest answer); Mads's teams have half of them.
    const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', headers: { origin: sandbox.url, 'content-type': 'application/json' }, body: JSON.stringify({ citizens: 206 }) });
    assert.equal(reset.status, 200);
    const { launch, token } = await launched({ practitioner: MADS, intent: 'tasks' });
    const page = await fhir(sandbox, token.access_token, `Task?${OPEN}&category=MeasurementForAssessment,MeasurementForAssessmentNotTriaged&_sort=priority&_count=50&_include=Task:patient`);
    const tasks = entries(page.body, 'Task');
    const citizens = [...new Set(tasks.map((t) => t.for.reference.split('/')[1]))];
    assert.deepEqual([tasks.length, citizens.length, entries(page.body, 'Patient').length], [50, 50, 50]);
    const next = page.body.link.find((l) => l.relation === 'next').url;
    assert.equal((await fetch(next, { headers: { authorization: `Bearer ${token.access_token}` } })).status, 200);
    for (const id of citizens) {
      const view = await minlog(id);
      assert.equal(view.lookUps.length, 0, `${id}: the list is no look-up`);
      assert.ok(view.auditEvents >= 1, `${id}: but it is audited (INTERNAL_AUDIT_ONLY)`);
    }

    // The app asks the EOJ to open a citizen (ui.launchActivity, kpro-open-patient); the EOJ page posts it here.
    const session = eojSessionOf(launch);
    // SMART Web Messaging: the token says where to post and which handle names this launch.
    assert.equal(token.smart_web_messaging_origin, sandbox.url);
    const handle = token.smart_web_messaging_handle;
    assert.match(handle, /^[A-Za-z0-9_-]{20,}$/);
    const open = (body, headers = { origin: sandbox.url, cookie: session.header() }) =>
      fetch(`${sandbox.url}/eoj/open-patient`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ handle, ...body }) });
    const chosen = citizens[0];
    const opened = await open({ from: launch, patient: `Patient/${chosen}`, intent: 'answers' });
    assert.equal(opened.status, 200);
    const newLaunch = (await opened.json()).session.split('/').pop();
    const pkce = pkcePair();
    const { code } = await authorize(sandbox, { launch: newLaunch, pkce, session });
    const citizenToken = (await tokenRequest(sandbox, { grant_type: 'authorization_code', code, redirect_uri: `${sandbox.url}/app/`, client_id: 'kpro-app', code_verifier: pkce.verifier })).body;
    assert.deepEqual([citizenToken.patient, citizenToken.intent], [chosen, 'answers']);
    assert.equal(decodeSub(citizenToken.access_token), MADS_REF, 'the same user');
    for (const path of [`Patient/${chosen}`, `QuestionnaireResponse?subject=Patient/${chosen}`, `Task?patient=Patient/${chosen}`]) assert.equal((await fhir(sandbox, citizenToken.access_token, path)).status, 200, path);
    assert.equal((await minlog(chosen)).lookUps.length, 1, 'opening the citizen is one look-up');

    // Refused: a citizen of another team, a launch with a citizen as origin, other origins, no session, nonsense.
    const syd = entries((await fhir(sandbox, (await tasksLaunchToken(sandbox, HANNE)).access_token, `Task?responsible=CareTeam/diabetesteam-syd&${OPEN}&_count=1`)).body)[0];
    assert.equal((await open({ from: launch, patient: syd.for.reference })).status, 403, 'not a citizen of Mads’s teams');
    const citizenLaunch = await createLaunch(sandbox, { practitioner: MADS, patient: INGE, session });
    assert.equal((await open({ from: citizenLaunch, patient: `Patient/${chosen}` })).status, 403, 'only from a task overview launch');
    assert.equal((await open({ from: launch, patient: `Patient/${chosen}` }, { origin: 'http://evil.example', cookie: session.header() })).status, 403);
    assert.equal((await open({ from: launch, patient: `Patient/${chosen}`, handle: 'another-launchs-handle-xxxx' })).status, 403, 'another messaging handle');
    assert.equal((await open({ from: launch, patient: `Patient/${chosen}` }, { origin: sandbox.url })).status, 403, 'not in this EOJ session');
    assert.equal((await open({ from: launch, patient: chosen })).status, 400);
    assert.equal((await open({ from: launch, patient: `Patient/${chosen}`, intent: 'tasks' })).status, 400);
    assert.equal((await minlog(chosen)).lookUps.length, 1);
  });
});

describe('the EOJ page', () => {
  it('offers "Opgaver" without a citizen and listens to its frame for kpro-open-patient', async () => {
    const home = await fetch(`${sandbox.url}/`).then((r) => r.text());
    assert.match(home, /<option value="tasks">Opgaver \(uden borger\)<\/option>/);
    assert.match(home, /data-testid="open-tasks"/);
    const launch = await createLaunch(sandbox, { practitioner: HANNE, patient: '', intent: 'tasks', eojBanner: true });
    const page = await fetch(`${sandbox.url}/eoj/session/${launch}`, { headers: { cookie: eojSessionOf(launch).header() } }).then((r) => r.text());
    assert.match(page, /data-testid="pro-frame"[^>]*data-messaging-handle="[A-Za-z0-9_-]{20,}"/);
    assert.doesNotMatch(page, /data-testid="eoj-banner"/, 'no citizen: no banner');
    assert.match(page, /event\.origin !== location\.origin \|\| event\.source !== frame\.contentWindow/);
    assert.match(page, /m\.messagingHandle !== frame\.dataset\.messagingHandle/);
    assert.match(page, /kpro-open-patient/);
  });
});

function decodeSub(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()).sub;
}

describe("the citizen's own app", () => {
  it('reads her answers and plans, not the staff’s tasks and triage results', async () => {
    const { authorize, pkcePair, tokenRequest } = await import('./helpers.mjs');
    const pkce = pkcePair();
    const result = await authorize(sandbox, {
      clientId: 'kpro-citizen',
      scope: 'launch/patient openid fhirUser online_access patient/*.rs patient/QuestionnaireResponse.cru',
      pkce,
      interact: () => ({ action: 'confirm', form: { patient: 'inge-test-jensen' } }),
    });
    const { body } = await tokenRequest(sandbox, { grant_type: 'authorization_code', code: result.code, redirect_uri: `${sandbox.url}/app/`, client_id: 'kpro-citizen', code_verifier: pkce.verifier });
    const token = body.access_token;
    assert.equal((await fhir(sandbox, token, 'QuestionnaireResponse?subject=Patient/inge-test-jensen')).status, 200);
    assert.equal((await fhir(sandbox, token, 'Task?patient=Patient/inge-test-jensen')).status, 403);
    assert.equal((await fhir(sandbox, token, 'ClinicalImpression?subject=Patient/inge-test-jensen')).status, 403);
  });
});
