// The everyday flow end to end, as a nurse meets it: a real SMART launch from the EOJ against the sandbox.
// An empty on-behalf answer is refused; three of five answered asks once and stores one completed
// response; the plan row turns answered; a questionnaire that is not due yet is not offered. And the
// answer view of a citizen with a course of three prints to a PDF that reads back right.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appFrameOf, fhirFromApp, launchBrowser, newPageAt, openPro, requestLog, startTestSandbox } from './browser.mjs';
import { ensureDebianCommand } from '../../scripts/ensure-debian.mjs';

const INGE = 'inge-test-jensen';
const MADS = 'practitioner-mads';
// A fixed Tuesday morning: the seeded WHO-5 follow-up is overdue (still answerable); a plan assigned today
// has its first questionnaire open (08:00) and the others coming.
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

const responsesPosted = (log) => log.filter((r) => r.method === 'POST' && r.path === '/fhir/QuestionnaireResponse');

describe('the everyday flow through a real launch (issue 13)', { timeout: 240_000 }, () => {
  test('on behalf: an empty submit is refused; 3 of 5 asks once and stores one completed response; the plan row turns answered', async () => {
    const page = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answer-on-behalf' });
    const view = frame.locator('kpro-app kpro-app-answer');
    const followUp = view.locator(`li[data-request-id="${INGE}-opfoelgning"]`);
    await followUp.waitFor({ timeout: 30_000 });
    assert.equal(await followUp.getAttribute('data-status'), 'overdue');
    await followUp.getByRole('button', { name: /^Besvar/ }).click();
    const q = view.locator('kpro-questionnaire');
    await q.locator('[data-link-id="t1"]').waitFor();

    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    await q.getByRole('button', { name: 'Send svar' }).click();
    await q.getByText('Der er ikke svaret på nogen spørgsmål').waitFor();
    assert.equal(responsesPosted(await requestLog(sandbox)).length, 0, 'nothing was sent');

    for (const id of ['t1', 't2', 't3']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).nth(2).check();
    await q.getByRole('button', { name: 'Send svar' }).click();
    await q.getByText('Du har ikke besvaret 2 af 5 spørgsmål. Send alligevel?').waitFor();
    assert.equal(responsesPosted(await requestLog(sandbox)).length, 0, 'asked before anything was sent');
    await q.getByRole('button', { name: 'Send alligevel' }).click();
    await q.getByText('Svarene er gemt for Inge Test Jensen').waitFor({ timeout: 20_000 });
    assert.equal(await q.getByText('Ring 112').count(), 0, 'no advice meant for the citizen');

    const app = await appFrameOf(page);
    const stored = (await fhirFromApp(app, 'GET', `QuestionnaireResponse?subject=Patient/${INGE}&based-on=ServiceRequest/${INGE}-opfoelgning`)).body.entry?.map((e) => e.resource) ?? [];
    assert.equal(stored.length, 1, 'exactly one response');
    assert.equal(stored[0].status, 'completed');
    assert.equal(stored[0].item.flatMap((g) => g.item ?? []).filter((i) => i.answer?.length && /^t\d$/.test(i.linkId)).length, 3);

    // The plan view shows it answered.
    await frame.locator('kpro-app nav').getByRole('button', { name: 'Planer' }).click();
    const row = frame.locator(`kpro-app kpro-plan-assigner tr[data-occurrence="${INGE}-opfoelgning#0"]`);
    await row.waitFor({ timeout: 20_000 });
    assert.equal(await row.getAttribute('data-status'), 'answered');
    await page.close();
  });

  test('a questionnaire that is not due yet is not offered: it waits under "Kommende" with the date it opens', async () => {
    const page = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: 'poul-test-nielsen', practitioner: MADS, intent: 'plans' });
    const assigner = frame.locator('kpro-app kpro-plan-assigner');
    await assigner.locator('[data-state="plans"]').waitFor({ state: 'attached', timeout: 30_000 });
    await assigner.locator('[data-action="assign"]').click();
    await assigner.locator('li[data-template="diabetes"] input[type=radio]').check();
    await assigner.locator('[data-action="next"]').click();
    await assigner.locator('#care-team').selectOption({ index: 1 });
    await assigner.locator('[data-action="preview"]').click();
    await assigner.locator('[data-action="confirm"]').click();
    await assigner.locator('[data-state="confirmation"]').waitFor({ timeout: 20_000 });

    await frame.locator('kpro-app nav').getByRole('button', { name: 'Besvar på borgers vegne' }).click();
    const view = frame.locator('kpro-app kpro-app-answer');
    const coming = view.locator('li[data-status="planned"]');
    await coming.first().waitFor({ timeout: 20_000 });
    assert.ok((await coming.count()) >= 1, 'the later occurrences are coming');
    for (const li of await coming.all()) {
      assert.equal(await li.getByRole('button').count(), 0, 'nothing to answer before it opens');
      assert.match(await li.innerText(), /Åbner \d+\. \w+\.? 20\d\d/);
    }
    assert.match(await view.locator('#upcoming-h').innerText(), /Kommende/);
    // Today's first occurrence opened at 08:00: it can be answered.
    const open = view.locator('li[data-status="due"]');
    assert.equal(await open.count(), 1);
    assert.match(await open.innerText(), /–/, 'named questionnaire – occurrence');
    await page.close();
  });

  test('the app starts in the language the EOJ launched it in (token locale), and its switch changes it', async () => {
    const page = await newPageAt(browser, NOW, { viewport: { width: 1300, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answers', locale: 'en' });
    const app = frame.locator('kpro-app');
    await app.locator('nav').getByRole('button', { name: 'Responses' }).waitFor({ timeout: 30_000 });
    await app.locator('kpro-answer-view').getByText('Overall').first().waitFor({ timeout: 30_000 });
    await app.locator('[data-lang="da"]').click();
    await app.locator('nav').getByRole('button', { name: 'Besvarelser' }).waitFor();
    await app.locator('kpro-answer-view').getByText('Samlet').first().waitFor();
    await page.close();
  });

  test('the answer view of a citizen with a course of three prints: every answered question with its colour, no buttons', async () => {
    const pdftotext = ensureDebianCommand('pdftotext', 'poppler-utils');
    const page = await newPageAt(browser, NOW, { viewport: { width: 1400, height: 1000 } });
    const { frame } = await openPro(page, sandbox.url, { patient: 'jens-test-pedersen', practitioner: MADS, intent: 'answers' });
    await frame.locator('kpro-app kpro-answer-view tr.answer').first().waitFor({ timeout: 30_000 });
    // The app's own page at top level (same tab, same session), as the print button prints it.
    await page.goto((await appFrameOf(page)).url());
    const viewEl = page.locator('kpro-answer-view');
    await viewEl.locator('tr.answer').first().waitFor({ timeout: 30_000 });
    // The older responses are coloured after the newest is shown: wait for the course.
    await viewEl.locator('thead th[data-response-id]').nth(2).waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await viewEl.locator('thead th[data-response-id]').count(), 3, 'a course of three');
    // What the newest response says, read from the screen: each answered question and its colour label.
    const expected = await viewEl.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('tr.answer')]
        .filter((tr) => ['red', 'yellow', 'green'].includes(tr.dataset.significance))
        .map((tr) => ({ question: tr.querySelector('th').textContent.replace(/\s+/g, ' ').replace('Beregnet', '').trim(), colour: tr.querySelector('.badge > span:not(.icon)').textContent.replace(/\s+/g, ' ').trim() })),
    );
    assert.ok(expected.length > 10, 'many coloured answers');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'kpro-print-'));
    writeFileSync(join(dir, 'view.pdf'), pdf);
    const text = execFileSync(pdftotext, ['-raw', join(dir, 'view.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    const pages = text.split('\f').filter((p) => p.trim()).length;
    assert.ok(pages >= 2, `a long course breaks across A4 pages (got ${pages})`);
    for (const { question, colour } of expected) {
      const at = flat.indexOf(question);
      assert.ok(at >= 0, `question in the PDF: ${question}`);
      assert.ok(flat.indexOf(colour, at) >= 0, `colour "${colour}" after: ${question}`);
    }
    for (const button of ['Udskriv', 'Storskærm', 'Vis kun røde og gule', 'Fold alle ud', 'Kopiér', 'Besvar på borgers vegne', 'Dansk', 'English']) {
      assert.ok(!flat.includes(button), `no button text in print: ${button}`);
    }
    await page.close();
  });
});
