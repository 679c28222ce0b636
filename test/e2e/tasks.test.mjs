// The task overview end to end, through real launches from the EOJ against the sandbox: an answer entered on
// a citizen's behalf arrives as a Task for her team (triaged by the server with core's engine), a member of
// that team sees it red first and another team's member does not; taking it, opening the citizen (one MinLog
// look-up) and marking it assessed (gone from the open list, kept completed). A missing answer makes one task.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appFrameOf, fhirFromApp, launchBrowser, newPageAt, openPro, startTestSandbox } from './browser.mjs';

const INGE = 'inge-test-jensen';
const MADS = 'practitioner-mads';
const HANNE = 'practitioner-hanne';
const NOW = '2026-12-08T10:00:00+01:00';

let sandbox;
let browser;

before(async () => {
  sandbox = await startTestSandbox({ now: NOW });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const minlog = async (patient) => (await (await fetch(`${sandbox.url}/__sandbox/minlog/${patient}`)).json()).lookUps.length;

/** Opens the EOJ's "Opgaver" (no citizen) as a clinician and returns the overview inside the app frame. */
async function openTasks(page, practitioner) {
  await page.goto(`${sandbox.url}/`);
  await page.locator('[data-testid="practitioner-select"]').selectOption(practitioner);
  await page.locator('[data-testid="open-tasks"]').click();
  const overview = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app kpro-task-overview');
  await overview.locator('tbody tr, [data-state="empty"]').first().waitFor({ timeout: 30_000 });
  return overview;
}

describe('the task overview through real launches (issue 16)', { timeout: 300_000 }, () => {
  test('an answer arrives as a red task for her team, taken, opened once, marked assessed', async () => {
    // 1. Mads enters Inge's overdue WHO-5 follow-up on her behalf, with answers that make it red.
    const page = await newPageAt(browser, NOW, { viewport: { width: 1400, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answer-on-behalf' });
    const view = frame.locator('kpro-app kpro-app-answer');
    await view.locator(`li[data-request-id="${INGE}-opfoelgning"] button`).click({ timeout: 30_000 });
    const q = view.locator('kpro-questionnaire');
    for (const id of ['t1', 't2', 't3', 't4', 't5']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).last().check();
    await q.getByRole('button', { name: 'Send svar' }).click();
    await q.getByText('Svarene er gemt for Inge Test Jensen').waitFor({ timeout: 20_000 });
    const app = await appFrameOf(page);
    const response = (await fhirFromApp(app, 'GET', `QuestionnaireResponse?subject=Patient/${INGE}&based-on=ServiceRequest/${INGE}-opfoelgning`)).body.entry[0].resource;

    // The server triaged it on arrival: a ClinicalImpression and a Task in the same write.
    const tasks = (await fhirFromApp(app, 'GET', `Task?patient=Patient/${INGE}&status=requested`)).body.entry?.map((e) => e.resource) ?? [];
    const task = tasks.find((t) => t.input?.some((i) => i.valueReference?.reference === `QuestionnaireResponse/${response.id}`));
    assert.ok(task, 'a task for the new response');
    assert.equal(task.priority, 'asap', 'red → asap');
    const category = task.extension.find((e) => e.url.endsWith('ehealth-task-category')).valueCodeableConcept.coding[0].code;
    assert.equal(category, 'MeasurementForAssessment');
    const teams = task.extension.filter((e) => e.url.endsWith('ehealth-task-responsible')).map((e) => e.valueReference.reference);
    assert.ok(teams.length >= 1, 'responsible team(s)');

    // 2. Mads's overview (he is in Inge's team) has it; red first.
    const overview = await openTasks(page, MADS);
    const row = overview.locator(`tbody tr[data-task-id="${task.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    assert.equal(await row.getAttribute('data-colour'), 'red');
    assert.equal(await overview.locator('tbody tr').first().getAttribute('data-colour'), 'red', 'red first');
    assert.match(await row.innerText(), /Inge Test Jensen/);
    assert.doesNotMatch(await row.innerText(), /\d{6}-?\d{4}/, 'no CPR in the list');

    // Hanne is in other teams: not hers.
    const other = await newPageAt(browser, NOW, { viewport: { width: 1400, height: 1000 } });
    const hannes = await openTasks(other, HANNE);
    assert.equal(await hannes.locator(`tbody tr[data-task-id="${task.id}"]`).count(), 0, "another team's member does not see it");
    await other.close();

    // 3. Take it.
    await row.locator('[data-action="take"]').click();
    await overview.getByText('Du har taget opgaven for Inge Test Jensen').waitFor({ timeout: 20_000 });
    const tasksApp = await appFrameOf(page);
    const taken = (await fhirFromApp(tasksApp, 'GET', `Task/${task.id}`)).body;
    assert.equal(taken.status, 'in-progress');
    assert.match(taken.owner.reference, /Practitioner\/practitioner-mads$/);

    // 4. Open the citizen: a new launch with her in context; the answer view shows the response; one look-up.
    const before = await minlog(INGE);
    await overview.locator(`tbody tr[data-task-id="${task.id}"] [data-action="open"]`).click();
    const answers = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app kpro-answer-view');
    await answers.locator('tr.answer[data-link-id="who5-score"]').waitFor({ timeout: 30_000 });
    assert.equal(await answers.locator('tr.answer[data-link-id="who5-score"]').getAttribute('data-significance'), 'red');
    assert.equal(await minlog(INGE), before + 1, 'opening the citizen is exactly one look-up');

    // 5. Back to the overview; mark it assessed: gone from the open list, kept as completed.
    await page.locator('[data-testid="back-to-tasks"]').click();
    const again = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app kpro-task-overview');
    const row2 = again.locator(`tbody tr[data-task-id="${task.id}"]`);
    await row2.waitFor({ timeout: 30_000 });
    await row2.locator('[data-action="handled"]').click();
    await again.locator('#handled-note').fill('Talt med Inge om trivsel; ny samtale om 2 uger');
    await again.locator('[data-action="save-handled"]').click();
    await again.getByText('er markeret som vurderet').waitFor({ timeout: 20_000 });
    assert.equal(await again.locator(`tbody tr[data-task-id="${task.id}"]`).count(), 0);
    const done = (await fhirFromApp(await appFrameOf(page), 'GET', `Task/${task.id}`)).body;
    assert.equal(done.status, 'completed');
    assert.equal(done.note.at(-1).text, 'Talt med Inge om trivsel; ny samtale om 2 uger');
    await page.close();
  });

  test('an overdue occurrence gives one missing-answer task, however often it is checked', async () => {
    const page = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 900 } });
    const { frame } = await openPro(page, sandbox.url, { patient: 'poul-test-nielsen', practitioner: MADS, intent: 'answers' });
    await frame.locator('kpro-app main').waitFor({ timeout: 30_000 });
    const app = await appFrameOf(page);
    const missing = async () =>
      ((await fhirFromApp(app, 'GET', `Task?patient=Patient/poul-test-nielsen&category=MissingMeasurementResolving&_count=100`)).body.entry ?? []).map((e) => e.resource);
    await sandbox.checkMissingAnswers();
    const first = await missing();
    await sandbox.checkMissingAnswers();
    await sandbox.checkMissingAnswers();
    const later = await missing();
    assert.ok(first.length >= 1, 'the overdue follow-up has a missing-answer task');
    assert.deepEqual(later.map((t) => t.id).sort(), first.map((t) => t.id).sort(), 'no new task per check');
    const keys = later.map((t) => t.identifier?.[0]?.value);
    assert.equal(new Set(keys).size, keys.length, 'one task per occurrence');
    await page.close();
  });
});

describe('staff on a citizen’s care team (issue 16, #003)', { timeout: 180_000 }, () => {
  test('a clinician whose role may changes who is on the team (If-Match, audited); a read-only one cannot', async () => {
    const page = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answers' });
    await frame.locator('kpro-app nav').getByRole('button', { name: 'Team' }).click();
    const teamView = frame.locator('kpro-app kpro-app-care-team');
    const team = teamView.locator('[data-care-team]').first();
    await team.waitFor({ timeout: 30_000 });
    const teamId = await team.getAttribute('data-care-team');
    const app = await appFrameOf(page);
    const before = (await fhirFromApp(app, 'GET', `CareTeam/${teamId}`)).body;
    const choice = team.locator('select');
    const added = await choice.locator('option').first().getAttribute('value');
    await choice.selectOption(added);
    await team.locator('[data-action="add-member"]').click();
    await teamView.getByText('er tilføjet til').waitFor({ timeout: 20_000 });
    const after = (await fhirFromApp(app, 'GET', `CareTeam/${teamId}`)).body;
    assert.equal(Number(after.meta.versionId), Number(before.meta.versionId) + 1, 'one new version');
    const member = after.participant.find((p) => p.member.reference.endsWith(`Practitioner/${added}`));
    assert.ok(member, 'the new member is on the team');
    assert.ok(member.role?.length, 'with a role, as FUT wants');
    // Audited by the server like other writes.
    const audit = await fetch(`${sandbox.url}/__sandbox/requests`).then((r) => r.json());
    assert.ok(audit.some((r) => r.method === 'PUT' && r.path === `/fhir/CareTeam/${teamId}` && r.status === 200));
    // Remove again.
    await team.locator(`li[data-member$="Practitioner/${added}"] [data-action="remove-member"]`).click();
    await teamView.getByText('er fjernet fra').waitFor({ timeout: 20_000 });
    assert.equal((await fhirFromApp(app, 'GET', `CareTeam/${teamId}`)).body.participant.some((p) => p.member.reference.endsWith(`Practitioner/${added}`)), false);
    await page.close();

    // Hanne (read-only) sees the team but no add or remove.
    const other = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 1000 } });
    const { frame: f2 } = await openPro(other, sandbox.url, { patient: 'karen-test-hansen', practitioner: HANNE, intent: 'answers' });
    await f2.locator('kpro-app nav').getByRole('button', { name: 'Team' }).click();
    const view2 = f2.locator('kpro-app kpro-app-care-team');
    await view2.locator('[data-care-team]').first().waitFor({ timeout: 30_000 });
    assert.equal(await view2.locator('[data-action="add-member"], [data-action="remove-member"]').count(), 0);
    await other.close();
  });
});
