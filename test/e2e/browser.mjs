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
 * Opens the EOJ, chooses citizen, clinician, intent and failure to simulate, presses "Åbn PRO" and
 * returns the page and the app's frame.
 */
export async function openPro(page, baseUrl, { patient, practitioner = 'practitioner-mads', intent = 'answers', simulate = 'none' } = {}) {
  await page.goto(`${baseUrl}/`);
  if (patient) await page.locator(`[data-testid="citizen-${patient}"] input[type=radio]`).check();
  await page.locator('[data-testid="practitioner-select"]').selectOption(practitioner);
  await page.locator('[data-testid="intent-select"]').selectOption(intent);
  await page.locator('[data-testid="simulate-select"]').selectOption(simulate);
  await page.locator('[data-testid="open-pro"]').click();
  await page.waitForSelector('[data-testid="pro-frame"]');
  const frame = page.frameLocator('[data-testid="pro-frame"]');
  return { frame, appFrame: () => page.frames().find((f) => f.url().includes('/app/')) };
}
