// `npm run bench` (second part): time from "Åbn PRO" in the EOJ to the citizen's data on screen, through
// the real SMART launch against the sandbox, median of 10 launches (after one warm-up that lets Vite
// prepare the app, as any second launch of the day would find it).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { launchBrowser, startTestSandbox } from '../../test/e2e/browser.mjs';

const RUNS = Number(process.env.LAUNCH_RUNS ?? 10);
const sandbox = await startTestSandbox();
const browser = await launchBrowser();
const times = [];
let first;
try {
  for (let i = 0; i <= RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/`);
    await page.locator('[data-testid="citizen-inge-test-jensen"] input[type=radio]').check();
    await page.locator('[data-testid="practitioner-select"]').selectOption('practitioner-mads');
    await page.locator('[data-testid="intent-select"]').selectOption('answers');
    const t0 = Date.now();
    await page.locator('[data-testid="open-pro"]').click();
    // The citizen's data: the banner and the newest response colour-coded.
    const app = page.frameLocator('[data-testid="pro-frame"]').locator('kpro-app');
    await app.locator('[part~="banner"] .name').waitFor({ timeout: 60_000 });
    await app.locator('kpro-answer-view [data-significance]').first().waitFor({ state: 'attached', timeout: 60_000 });
    const ms = Date.now() - t0;
    if (i === 0) first = ms;
    else times.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  await sandbox.stop();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`\nLaunch: "Åbn PRO" → citizen's data on screen, median of ${times.length}: ${median} ms (min ${sorted[0]}, max ${sorted.at(-1)}; first launch with a cold app: ${first} ms)`);
mkdirSync('bench-results', { recursive: true });
const file = 'bench-results/bench.json';
const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
writeFileSync(file, JSON.stringify({ ...previous, launch: { runs: times, medianMs: median, firstMs: first } }, null, 2));
