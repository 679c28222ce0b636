// A large municipality (2,000 citizens, 5,000 open tasks): seeded in seconds, and a team's worklist page
// (the overview's query) answered well under a second, because tasks are indexed by team and status.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { fhir, MADS, startTestSandbox, tasksLaunchToken } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof startTestSandbox>>} */
let sandbox;
before(async () => {
  sandbox = await startTestSandbox({ now: '2026-12-07T10:00:00+01:00' });
});
after(async () => {
  await sandbox?.stop();
});

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

it('seeds 2,000 citizens with 5,000 open tasks, and pages a team’s worklist in well under a second', async (t) => {
  const started = performance.now();
  const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST', headers: { origin: sandbox.url, 'content-type': 'application/json' }, body: JSON.stringify({ citizens: 2000, tasks: 5000 }) });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(reset.status, 200);
  const summary = await reset.json();
  assert.deepEqual([summary.citizens, summary.openTasks], [2000, 5000]);
  t.diagnostic(`reset to 2,000 citizens / 5,000 open tasks: ${seconds.toFixed(1)} s`);
  assert.ok(seconds < 60, `seconds, not minutes: ${seconds.toFixed(1)} s`);

  const token = (await tasksLaunchToken(sandbox, MADS)).access_token;
  const query = 'Task?responsible=CareTeam/hjerterehabilitering-nord&status=requested,in-progress&_sort=priority&_count=50&_include=Task:patient';
  const times = [];
  let page;
  for (let i = 0; i < 9; i++) {
    const s = performance.now();
    page = await fhir(sandbox, token, query);
    times.push(performance.now() - s);
  }
  assert.equal(page.status, 200);
  assert.ok(page.body.total > 1000, `the team has ${page.body.total} open tasks`);
  assert.equal(page.body.entry.filter((e) => e.resource.resourceType === 'Task').length, 50);
  assert.ok(page.body.link.some((l) => l.relation === 'next'));
  t.diagnostic(`worklist page (50 of ${page.body.total}, with the citizens): median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms`);
  assert.ok(median(times) < 1000, `median ${median(times).toFixed(0)} ms`);
});
