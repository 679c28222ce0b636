// The EOJ launches the app by SMART-on-FHIR against the sandbox's real FHIR engine and authorization server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appFrameOf, fhirFromApp, launchBrowser, openPro, requestLog, startTestSandbox } from './browser.mjs';

const INGE = 'inge-test-jensen';
const POUL = 'poul-test-nielsen';
const HANNE = 'practitioner-hanne';
const MADS = 'practitioner-mads';
const CPR_LIKE = /\b\d{6}-?\d{4}\b/;

let sandbox;
let browser;

before(async () => {
  sandbox = await startTestSandbox();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const requests = () => requestLog(sandbox);
const clearRequests = () => fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
/** The citizen's look-ups in MinLog, from the FHIR server's own AuditEvents. */
const lookUps = async (patient) => (await (await fetch(`${sandbox.url}/__sandbox/minlog/${patient}`)).json()).lookUps;

/** The app's access token, read from fhirclient's state in the app frame's sessionStorage. */
function accessToken(frame) {
  return frame.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem('SMART_KEY'));
    return JSON.parse(sessionStorage.getItem(key)).tokenResponse.access_token;
  });
}



describe('EOJ → SMART launch → kpro (end to end)', { timeout: 180_000 }, () => {
  test("a clinician answers on the citizen's behalf; the answer is on the server and in the app after a reload; one look-up in MinLog", async () => {
    await clearRequests();
    const before = await lookUps(INGE);
    const page = await browser.newPage();
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answer-on-behalf' });
    const app = frame.locator('kpro-app');
    await app.locator('[part~="banner"] .name').waitFor({ timeout: 30_000 });
    assert.match(await app.locator('[part~="banner"] .name').textContent(), /Inge/);
    // The CPR is masked until asked for.
    assert.match(await app.locator('[data-testid="cpr"]').textContent(), /^\d{6}-xxxx$/);

    // Start WHO-5 and answer "Det meste af tiden" (4 points) on all five items.
    await app.locator('[data-questionnaire-id="who-5"]').getByRole('button').click();
    const q = app.locator('kpro-questionnaire');
    for (const id of ['t1', 't2', 't3', 't4', 't5']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).nth(1).check();
    await q.getByRole('button', { name: 'Send svar' }).click();
    // Entered on the citizen's behalf: the confirmation speaks to the clinician.
    await app.getByText('Svarene er gemt for Inge Test Jensen').first().waitFor({ timeout: 20_000 });

    const log = await requests();
    const created = log.filter((r) => r.method === 'POST' && r.path === '/fhir/QuestionnaireResponse');
    assert.equal(created.length, 1);
    assert.equal(created[0].status, 201);

    // The server has it (read with the app's own token), as completed, authored by the clinician.
    const appFrame = await appFrameOf(page);
    const search = await fhirFromApp(appFrame, 'GET', `QuestionnaireResponse?subject=Patient/${INGE}&_sort=-authored`);
    assert.equal(search.status, 200);
    const newest = search.body.entry.map((e) => e.resource).find((r) => r.questionnaire?.includes('who-5'));
    assert.ok(newest, 'the WHO-5 response is on the server');
    assert.equal(newest.status, 'completed');
    assert.equal(newest.author.reference, `Practitioner/${MADS}`);
    assert.equal(newest.source.reference, `Patient/${INGE}`);
    const score = newest.item.flatMap((i) => [i, ...(i.item ?? [])]).find((i) => i.linkId === 'who5-score');
    assert.equal(score.answer[0].valueDecimal ?? score.answer[0].valueInteger, 80);

    // After a reload the app shows it among the citizen's responses, and logs no second AuditEvent.
    await appFrame.goto(appFrame.url());
    const reloaded = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app');
    await reloaded.locator('[part~="banner"] .name').waitFor({ timeout: 30_000 });
    // The newest response (WHO-5, score 80) is first, colour-coded: green, with its reason.
    await reloaded.locator(`[data-response-id="${newest.id}"]`).waitFor({ timeout: 20_000 });
    await reloaded.getByRole('button', { name: 'Besvarelser' }).click();
    await reloaded.locator('kpro-answer-view [data-link-id="who5-score"][data-significance="green"]').first().waitFor({ state: 'attached', timeout: 20_000 });
    // The app writes no audit; the FHIR server did, and the whole launch, reload included, is one look-up.
    assert.equal((await requests()).filter((r) => r.path.startsWith('/fhir/AuditEvent')).length, 0, 'the app writes no AuditEvent');
    const after = await lookUps(INGE);
    assert.equal(after.length, before.length + 1, 'one look-up for the launch, however many reads, the write and the reload');
    const mine = after.find((l) => !before.some((b) => b.correlationId === l.correlationId));
    assert.equal(mine.whoReference, `Practitioner/${MADS}`);
    assert.ok(mine.count >= 5, `${mine.count} requests grouped`);

    // Neither a URL nor the request log ever held a CPR.
    assert.ok((await requests()).every((r) => !CPR_LIKE.test(r.path)));
    assert.equal((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()).cprInUrl, 0);
    await page.close();
  });

  test('a read-only clinician opens a seeded citizen and sees the colour overview of the latest response and the course', async () => {
    const page = await browser.newPage();
    // Jens goes from red at the start to green at the end of his course.
    const { frame } = await openPro(page, sandbox.url, { patient: 'jens-test-pedersen', practitioner: HANNE, intent: 'answers' });
    const view = frame.locator('kpro-app kpro-answer-view');
    await view.locator('[part~="overview"]').waitFor({ timeout: 30_000 });
    const domains = await view.locator('[part~="overview"] [data-link-id][data-significance]').evaluateAll((els) => els.map((e) => e.dataset.significance));
    assert.ok(domains.length >= 8, 'a row per domain');
    assert.ok(domains.includes('green'), 'the latest response is mostly green');
    // The course: one column per response (start, mid, end), and WHO-5's change in words.
    const course = view.locator('[part~="course"]');
    await course.waitFor({ state: 'attached', timeout: 10_000 });
    assert.ok((await view.locator('[part~="trends"]').textContent()).match(/Bedre|Dårligere|Uændret/i));
    assert.equal(await frame.locator('kpro-app').getByRole('button', { name: 'Besvar på borgers vegne' }).count(), 0);
    await page.close();
  });

  test('answers and action guides side by side: a red answer opens its guide; "discussed" is saved as a ClinicalImpression', async () => {
    await clearRequests();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Birthe's course ends red (nobody else in these tests answers for her, so her newest response is that one).
    const { frame } = await openPro(page, sandbox.url, { patient: 'birthe-test-andersen', practitioner: MADS, intent: 'answers' });
    const app = frame.locator('kpro-app');
    const guide = app.locator('kpro-action-guide');
    await guide.locator('[part~="guide"]').first().waitFor({ timeout: 30_000 });
    // Her newest WHO-5 score is red: selecting that row opens the WHO-5 guide (HV-01).
    await app.locator('kpro-answer-view tr.answer[data-link-id="who5-score"]').first().click();
    const opened = guide.locator('[data-guide-id="hv-01-mental-trivsel"] details[open]');
    await opened.waitFor({ timeout: 10_000 });
    assert.equal(await guide.locator('[data-guide-id="hv-01-mental-trivsel"]').getAttribute('data-severity'), 'red');
    await opened.getByRole('button', { name: /Drøftet med borgeren/ }).click();
    const saved = () => requests().then((log) => log.find((r) => r.method === 'POST' && r.path === '/fhir/ClinicalImpression'));
    for (let i = 0; i < 50 && !(await saved()); i++) await page.waitForTimeout(100);
    assert.equal((await saved())?.status, 201);
    await page.close();
  });

  test('a read-only clinician gets no write controls, and a forged write is refused with 403', async () => {
    const page = await browser.newPage();
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: HANNE, intent: 'answer-on-behalf' });
    const app = frame.locator('kpro-app');
    await app.locator('[part~="banner"] .name').waitFor({ timeout: 30_000 });
    assert.equal(await app.getByRole('button', { name: 'Besvar på borgers vegne' }).count(), 0);
    assert.equal(await app.locator('kpro-questionnaire:not([readonly]) button[type=submit]').count(), 0);
    const forged = await fhirFromApp(await appFrameOf(page), 'POST', 'QuestionnaireResponse', {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      subject: { reference: `Patient/${INGE}` },
    });
    assert.equal(forged.status, 403);
    await page.close();
  });

  test("a token for one citizen cannot read another citizen's data", async () => {
    const page = await browser.newPage();
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answers' });
    await frame.locator('kpro-app [part~="banner"] .name').waitFor({ timeout: 30_000 });
    const appFrame = await appFrameOf(page);
    assert.ok(await accessToken(appFrame));
    assert.equal((await fhirFromApp(appFrame, 'GET', `Patient/${INGE}`)).status, 200);
    assert.equal((await fhirFromApp(appFrame, 'GET', `Patient/${POUL}`)).status, 403);
    // A search is either refused or constrained to the token's citizen: never another citizen's answers.
    const search = await fhirFromApp(appFrame, 'GET', `QuestionnaireResponse?subject=Patient/${POUL}`);
    assert.ok(search.status === 403 || (search.status === 200 && (search.body.entry ?? []).every((e) => e.resource.subject?.reference !== `Patient/${POUL}`)));
    await page.close();
  });

  test('a citizen logs in on their own (standalone launch), answers the waiting WHO-5, it is saved, and she sees who looked', async () => {
    await clearRequests();
    const before = await lookUps(INGE);
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/app/citizen.html?iss=${encodeURIComponent(`${sandbox.url}/fhir`)}`);
    await page.locator(`[data-testid="pick-patient-${INGE}"]`).check({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Godkend' }).click();
    const app = page.locator('kpro-app');
    const waiting = app.locator('[data-request-id="inge-test-jensen-opfoelgning"]');
    await waiting.waitFor({ timeout: 30_000 });
    await waiting.getByRole('button').click();
    const q = app.locator('kpro-questionnaire');
    assert.equal(await q.getAttribute('mode'), 'citizen');
    for (const id of ['t1', 't2', 't3', 't4', 't5']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).nth(2).check();
    await q.getByRole('button', { name: 'Send svar' }).click();
    // The citizen's own answers: the confirmation speaks to the citizen.
    await app.getByText('Tak, dine svar er sendt').first().waitFor({ timeout: 20_000 });
    const saved = await page.evaluate(async (patient) => {
      const key = JSON.parse(sessionStorage.getItem('SMART_KEY'));
      const state = JSON.parse(sessionStorage.getItem(key));
      const res = await fetch(`${state.serverUrl}/QuestionnaireResponse?subject=Patient/${patient}`, { headers: { authorization: `Bearer ${state.tokenResponse.access_token}` } });
      return (await res.json()).entry.map((e) => e.resource);
    }, INGE);
    const answer = saved.find((r) => r.basedOn?.[0]?.reference === 'ServiceRequest/inge-test-jensen-opfoelgning');
    assert.ok(answer, 'the response is based on the waiting request');
    assert.equal(answer.author.reference, `Patient/${INGE}`);
    // Her own use is audited by the server, but is no look-up in her MinLog; she sees the clinicians' look-ups.
    assert.deepEqual((await lookUps(INGE)).map((l) => l.correlationId), before.map((l) => l.correlationId));
    const rows = app.locator('kpro-app-look-ups tbody tr');
    await rows.first().waitFor({ timeout: 20_000 });
    assert.equal(await rows.count(), before.length);
    assert.match(await rows.first().textContent(), /Mads Madsen|Hanne Holm/);
    assert.equal((await requests()).filter((r) => r.method !== 'GET' && r.path.startsWith('/fhir/AuditEvent')).length, 0);
    await page.close();
  });

  test('the app opened without a launch says to open it from the record', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/app/launch.html`);
    await page.locator('kpro-app [role=alert]').getByText('PRO skal åbnes fra journalen').waitFor({ timeout: 20_000 });
    await page.close();
  });

  for (const [simulate, text] of [
    ['consent', 'Adgangen blev afvist'],
    ['expired', 'Din adgang er udløbet'],
    ['unknown', 'Borgeren blev ikke fundet'],
    ['fhir-down', 'PRO-serveren svarer ikke'],
  ]) {
    test(`launch failure "${simulate}" shows "${text}" with what to do next`, async () => {
      const page = await browser.newPage();
      const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, simulate });
      if (simulate === 'consent') await frame.getByRole('button', { name: /Afvis/i }).click({ timeout: 20_000 });
      const alert = frame.locator('kpro-app [role=alert]');
      await alert.getByText(text).waitFor({ timeout: 30_000 });
      assert.ok((await alert.textContent()).length > text.length + 20, 'the screen says what to do next');
      await page.close();
    });
  }
});
