// The app under attack, in Chromium against the real sandbox: a foreign `iss`, a forged or used-up launch
// id, what the browser keeps after a launch, and a save that fails on the network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appFrameOf, launchBrowser, openPro, startTestSandbox } from './browser.mjs';

const INGE = 'inge-test-jensen';
const MADS = 'practitioner-mads';

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

/** Every request a page makes to a host other than the sandbox's. */
async function watchForeign(page) {
  const foreign = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => {
    foreign.push(route.request().url());
    return route.abort();
  });
  return foreign;
}

/** All of a frame's browser storage as one string (sessionStorage, localStorage). */
const storageOf = (frame) => frame.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));

describe('the app accepts only known FHIR servers', { timeout: 120_000 }, () => {
  // The clinician's launch page says what a clinician does; the citizen's page speaks to the citizen.
  for (const [page, params, title, next] of [
    ['launch.html', (iss) => `iss=${encodeURIComponent(iss)}&launch=abc`, 'Ukendt server', /omsorgssystem/],
    ['citizen.html', (iss) => `iss=${encodeURIComponent(iss)}`, 'Siden kender ikke den adresse', /linket fra din kommune/],
  ]) {
    test(`${page} with another server's iss shows a refusal and goes nowhere`, async () => {
      const tab = await browser.newPage();
      const foreign = await watchForeign(tab);
      for (const iss of ['https://evil.example/fhir', `${sandbox.url}/fhir.evil`, sandbox.url.replace('127.0.0.1', 'localhost') + '/fhir']) {
        await tab.goto(`${sandbox.url}/app/${page}?${params(iss)}`);
        const alert = tab.locator('kpro-app [role=alert]');
        await alert.getByText(title).waitFor({ timeout: 20_000 });
        assert.match(await alert.textContent(), next, 'says what to do');
        await tab.waitForTimeout(300);
        assert.equal(new URL(tab.url()).pathname, `/app/${page}`, `no redirect for ${iss}`);
      }
      assert.deepEqual(foreign, [], 'no request left for another server');
      // The sandbox's own server still launches (same origin): the refusal is not a blanket one.
      await tab.goto(`${sandbox.url}/app/citizen.html?iss=${encodeURIComponent(`${sandbox.url}/fhir`)}`);
      await tab.locator(`[data-testid="pick-patient-${INGE}"]`).waitFor({ timeout: 30_000 });
      await tab.close();
    });
  }
});

describe('launch ids in the browser', { timeout: 120_000 }, () => {
  test('a forged launch id shows "open the citizen again from the EOJ", not "Noget gik galt"', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${sandbox.url}/app/launch.html?iss=${encodeURIComponent(`${sandbox.url}/fhir`)}&launch=forged-launch-id-0123456789`);
    const alert = tab.locator('kpro-app [role=alert]');
    await alert.getByText('Åbningen fra journalen er udløbet').waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /Åbn borgeren igen/);
    assert.doesNotMatch(await alert.textContent(), /Noget gik galt/);
    await tab.close();
  });

  test('a launch works once: the EOJ page cannot be shown again, and its launch id in the app is refused', async () => {
    const tab = await browser.newPage();
    const { frame } = await openPro(tab, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answers' });
    await frame.locator('kpro-app [part~="banner"] .name').waitFor({ timeout: 30_000 });
    const launchId = await tab.locator('[data-testid="pro-frame"]').getAttribute('data-launch-id');
    const eojUrl = tab.url();
    // Reloading the EOJ page: the launch is used up.
    const again = await tab.goto(eojUrl);
    assert.equal(again.status(), 404);
    assert.match(await tab.locator('[data-testid="launch-gone"]').textContent(), /Åbn borgeren igen/);
    // The same launch id handed to the app again (as a captured iframe URL would be).
    await tab.goto(`${sandbox.url}/app/launch.html?iss=${encodeURIComponent(`${sandbox.url}/fhir`)}&launch=${launchId}`);
    await tab.locator('kpro-app [role=alert]').getByText('Åbningen fra journalen er udløbet').waitFor({ timeout: 30_000 });
    // The request log never held the launch id.
    const log = await (await fetch(`${sandbox.url}/__sandbox/requests`)).text();
    assert.ok(!log.includes(launchId));
    await tab.close();
  });
});

describe('what the browser keeps', { timeout: 120_000 }, () => {
  test('no CPR in browser storage once the citizen is found, also after a reload; the token stays for the tab', async () => {
    const tab = await browser.newPage();
    const { frame } = await openPro(tab, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answers' });
    const app = frame.locator('kpro-app');
    await app.locator('[part~="banner"] .name').waitFor({ timeout: 30_000 });
    const appFrame = await appFrameOf(tab);
    // The CPR the EOJ sent (read on the server with the app's token, not from the browser).
    const stored = JSON.parse(await storageOf(appFrame));
    const state = JSON.parse(stored.session[JSON.parse(stored.session.SMART_KEY)]);
    assert.ok(state.tokenResponse.access_token, 'the token is kept for the tab (a reload continues the launch)');
    const patient = await (await fetch(`${sandbox.url}/fhir/Patient/${INGE}`, { headers: { authorization: `Bearer ${state.tokenResponse.access_token}` } })).json();
    const cpr = patient.identifier.find((i) => i.system === 'urn:oid:1.2.208.176.1.2').value;
    assert.equal(state.tokenResponse.patient, INGE);
    assert.ok(!(await storageOf(appFrame)).includes(cpr), 'no CPR in sessionStorage or localStorage');
    assert.ok(!(await storageOf(appFrame)).includes(cpr.slice(0, 6) + '-' + cpr.slice(6)));
    // A reload continues the same launch without it.
    await appFrame.goto(appFrame.url());
    const reloaded = tab.frameLocator('[data-testid="pro-frame"]').locator('kpro-app');
    await reloaded.locator('[part~="banner"] .name').waitFor({ timeout: 30_000 });
    assert.ok(!(await storageOf(await appFrameOf(tab))).includes(cpr));
    const cookies = await tab.context().cookies();
    assert.ok(cookies.every((c) => !c.value.includes(cpr)));
    await tab.close();
  });
});

describe('a save that fails on the network', { timeout: 120_000 }, () => {
  test('says so in Danish, without the browser\'s English error text', async () => {
    const tab = await browser.newPage();
    const { frame } = await openPro(tab, sandbox.url, { patient: INGE, practitioner: MADS, intent: 'answer-on-behalf' });
    const app = frame.locator('kpro-app');
    await app.locator('[data-questionnaire-id="who-5"]').getByRole('button').click({ timeout: 30_000 });
    const q = app.locator('kpro-questionnaire');
    for (const id of ['t1', 't2', 't3', 't4', 't5']) await q.locator(`[data-link-id="${id}"] input[type=radio]`).nth(1).check();
    await tab.route(/\/fhir\/QuestionnaireResponse$/, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await q.getByRole('button', { name: 'Send svar' }).click();
    const alert = app.locator('kpro-app-answer [role=alert]');
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.textContent();
    assert.match(text, /Svarene kunne ikke gemmes \(der er ingen forbindelse til serveren\)/);
    assert.doesNotMatch(text, /Failed to fetch|could not be reached|network/i);
    await tab.close();
  });
});
