// Plans end to end: a clinician assigns a seeded template to a seeded citizen through the app, the plan
// and its requests are on the server, the citizen answers the due questionnaire, the plan shows it
// answered, and a concurrent change by a second clinician gives the conflict message.
// The clock is fixed (sandbox and browser) at two times on one winter day, so the test means the same at
// any hour it runs: a questionnaire assigned to start today opens at 08:00 Danish time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appFrameOf, fhirFromApp, launchBrowser, newPageAt, openPro, requestLog, startTestSandbox } from './browser.mjs';

const METTE = 'mette-test-soerensen';
const MADS = 'practitioner-mads';
const DAY = '2027-01-12';
const AT_0300 = `${DAY}T03:00:00+01:00`;
const AT_1400 = `${DAY}T14:00:00+01:00`;

let sandbox;
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function openPlans(page) {
  const { frame } = await openPro(page, sandbox.url, { patient: METTE, practitioner: MADS, intent: 'plans' });
  const assigner = frame.locator('kpro-app kpro-plan-assigner');
  await assigner.locator('[data-state="plans"]').waitFor({ state: 'attached', timeout: 30_000 });
  return { frame, assigner };
}

/** Assigns the diabetes template from today (the default start date); returns the new plan and its requests. */
async function assignDiabetes(page, assigner) {
  const plansBefore = await assigner.locator('[data-plan-id]').count();
  await assigner.locator('[data-action="assign"]').click();
  await assigner.locator('li[data-template="diabetes"] input[type=radio]').check();
  await assigner.locator('[data-action="next"]').click();
  assert.equal(await assigner.locator('#start').inputValue(), DAY, 'the start date defaults to today on the clock');
  await assigner.locator('#care-team').selectOption({ index: 1 });
  await assigner.locator('[data-action="preview"]').click();
  await assigner.locator('[data-action="confirm"]').click();
  await assigner.locator('[data-plan-id]').nth(plansBefore).waitFor({ timeout: 20_000 });
  const app = await appFrameOf(page);
  const plans = (await fhirFromApp(app, 'GET', `CarePlan?subject=Patient/${METTE}&status=active`)).body.entry.map((e) => e.resource);
  const srs = (await fhirFromApp(app, 'GET', `ServiceRequest?subject=Patient/${METTE}&status=active`)).body.entry.map((e) => e.resource);
  const ours = srs.filter((s) => s.basedOn?.some((b) => b.reference === `CarePlan/${plans[0]?.id}`));
  return { plans, ours };
}

const startOf = (sr) => sr.occurrenceDateTime ?? sr.occurrencePeriod?.start ?? sr.occurrenceTiming?.repeat?.boundsPeriod?.start ?? sr.occurrenceTiming?.event?.[0];

describe('plans at 03:00 Danish time: a questionnaire assigned to start today is planned, not yet due', { timeout: 180_000 }, () => {
  before(async () => {
    sandbox = await startTestSandbox({ now: AT_0300 });
  });
  after(async () => {
    await sandbox?.stop();
  });

  test('the first occurrence opens at 08:00 today: planned at 03:00, nothing due', async () => {
    const page = await newPageAt(browser, AT_0300, { viewport: { width: 1300, height: 1000 } });
    const { assigner } = await openPlans(page);
    const { plans, ours } = await assignDiabetes(page, assigner);
    assert.equal(plans.length, 1);
    assert.ok(ours.length >= 2, 'a request per activity of the template');
    assert.equal(ours.map(startOf).sort()[0], `${DAY}T08:00:00+01:00`);
    const rows = assigner.locator(`[data-plan-id="${plans[0].id}"] tr[data-status]`);
    await rows.first().waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await rows.first().getAttribute('data-status'), 'planned');
    assert.equal(await assigner.locator(`[data-plan-id="${plans[0].id}"] tr[data-status="due"]`).count(), 0);
    await page.close();
  });
});

describe('plans at 14:00 Danish time (end to end)', { timeout: 180_000 }, () => {
  before(async () => {
    sandbox = await startTestSandbox({ now: AT_1400 });
  });
  after(async () => {
    await sandbox?.stop();
  });

  test('assign a template; the plan and its requests are on the server; answering turns the occurrence answered', async () => {
    const page = await newPageAt(browser, AT_1400, { viewport: { width: 1300, height: 1000 } });
    const { assigner } = await openPlans(page);
    const { plans, ours } = await assignDiabetes(page, assigner);

    // One atomic transaction made it, and the server has the CarePlan with its ServiceRequests.
    const log = await requestLog(sandbox);
    assert.equal(log.filter((r) => r.method === 'POST' && /^\/fhir\/?$/.test(r.path) && r.status === 200).length, 1);
    assert.equal(plans.length, 1);
    assert.ok(ours.length >= 2, 'a request per activity of the template');
    // The first occurrence opened at 08:00 today: due at 14:00.
    const first = ours.sort((a, b) => startOf(a).localeCompare(startOf(b)))[0];
    assert.equal(startOf(first), `${DAY}T08:00:00+01:00`);
    const dueRow = assigner.locator(`[data-plan-id="${plans[0].id}"] tr[data-status="due"]`).first();
    await dueRow.waitFor({ state: 'attached', timeout: 10_000 });

    // The citizen opens their own view (standalone launch): the due questionnaire is there; they answer it.
    const citizen = await newPageAt(browser, AT_1400, { viewport: { width: 1100, height: 900 } });
    await citizen.goto(`${sandbox.url}/app/citizen.html?iss=${encodeURIComponent(`${sandbox.url}/fhir`)}`);
    await citizen.locator(`[data-testid="pick-patient-${METTE}"]`).check({ timeout: 30_000 });
    await citizen.getByRole('button', { name: 'Godkend' }).click();
    const mine = citizen.locator('kpro-app');
    const waiting = mine.locator(`[data-request-id="${first.id}"]`);
    await waiting.waitFor({ timeout: 30_000 });
    await waiting.getByRole('button').click();
    const q = mine.locator('kpro-questionnaire');
    for (const id of ['t1', 't2', 't3', 't4', 't5']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).first().check();
    await q.getByRole('button', { name: 'Send svar' }).click();
    // The first questionnaire of the plan has more than these five questions: the form asks once.
    await q.getByRole('button', { name: 'Send alligevel' }).click();
    await mine.getByText('Tak, dine svar er sendt').first().waitFor({ timeout: 20_000 });
    await citizen.close();

    // The clinician's plan view (reloaded) shows the occurrence answered.
    await (await appFrameOf(page)).goto((await appFrameOf(page)).url());
    const reloaded = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app kpro-plan-assigner');
    await reloaded.locator(`[data-plan-id="${plans[0].id}"] tr[data-status="answered"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.close();
  });

  test("a second clinician's concurrent change gives the conflict message, never a silent overwrite", async () => {
    const page = await newPageAt(browser, AT_1400, { viewport: { width: 1300, height: 1000 } });
    const { assigner } = await openPlans(page);
    const app = await appFrameOf(page);
    const plan = (await fhirFromApp(app, 'GET', `CarePlan?subject=Patient/${METTE}&status=active`)).body.entry[0].resource;
    // Someone else changes the plan meanwhile (a new version on the server).
    const changed = await fhirFromApp(app, 'PUT', `CarePlan/${plan.id}`, { ...plan, description: 'Ændret af en kollega' });
    assert.equal(changed.status, 200);
    // Our view still has the old version: cancelling it must be refused with the conflict message.
    await assigner.locator(`[data-plan-id="${plan.id}"] [data-action="cancel-plan"]`).click();
    const reason = assigner.locator('textarea, input[type=text]').last();
    await reason.fill('Borgeren er flyttet');
    await assigner.locator('[data-action="confirm-cancel"]').click();
    await assigner.getByText('Planen er ændret af en anden i mellemtiden').waitFor({ timeout: 20_000 });
    const still = (await fhirFromApp(app, 'GET', `CarePlan/${plan.id}`)).body;
    assert.equal(still.status, 'active');
    assert.equal(still.description, 'Ændret af en kollega');
    await page.close();
  });
});
