// End-to-end helpers: the real sandbox (FHIR engine + SMART server + EOJ) on a free port, and Debian's
// Chromium driven by playwright-core. Nothing is mocked: the app launches through fhirclient over HTTP.
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { startTestSandbox } from '../../packages/sandbox/test/helpers.mjs';

export { startTestSandbox };

export async function launchBrowser() {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * A new page (its own browser context) whose clock starts at `time` and runs on from there (Playwright's
 * clock, in every frame): what the app decides from the time of day does not depend on when the test runs.
 * @param {import('playwright-core').Browser} browser
 * @param {string} time an ISO date-time with its offset, e.g. "2027-01-12T03:00:00+01:00"
 */
export async function newPageAt(browser, time, options = {}) {
  const page = await browser.newPage(options);
  await page.clock.install({ time: new Date(time) });
  return page;
}

/**
 * Opens the EOJ, chooses citizen, clinician, intent and failure to simulate, presses "Åbn PRO" and
 * returns the page and the app's frame.
 */
export async function openPro(page, baseUrl, { patient, practitioner = 'practitioner-mads', intent = 'answers', simulate = 'none', locale } = {}) {
  await page.goto(`${baseUrl}/`);
  if (patient) await page.locator(`[data-testid="citizen-${patient}"] input[type=radio]`).check();
  await page.locator('[data-testid="practitioner-select"]').selectOption(practitioner);
  await page.locator('[data-testid="intent-select"]').selectOption(intent);
  await page.locator('[data-testid="simulate-select"]').selectOption(simulate);
  if (locale) await page.locator('[data-testid="locale-select"]').selectOption(locale);
  await page.locator('[data-testid="open-pro"]').click();
  await page.waitForSelector('[data-testid="pro-frame"]');
  const frame = page.frameLocator('[data-testid="pro-frame"]');
  return { frame, appFrame: () => page.frames().find((f) => f.url().includes('/app/')) };
}

/** The sandbox's request log (method, path, patient, status; never a CPR). */
export async function requestLog(sandbox) {
  return (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
}

/** The app's frame inside the EOJ page (waits until the iframe has navigated to the app). */
export async function appFrameOf(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((x) => x.url().includes('/app/'));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('no app frame');
}

/** A FHIR request made from inside the app (frame or page) with the app's own token from fhirclient's state. */
export function fhirFromApp(frame, method, path, body, headers = {}) {
  return frame.evaluate(
    async ({ method, path, body, headers }) => {
      const key = JSON.parse(sessionStorage.getItem('SMART_KEY'));
      const state = JSON.parse(sessionStorage.getItem(key));
      const res = await fetch(`${state.serverUrl}/${path}`, {
        method,
        headers: { authorization: `Bearer ${state.tokenResponse.access_token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json', ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
}
