import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { fixedClock, memoryTaskSource, setClock, type FhirDataSource } from '@kpro/core';
import './kpro-task-overview.js';
import type { KproTaskOverview } from './task-overview.js';
import { hanne, mads, taskResources } from './test-helpers/fixtures.js';

const $ = (el: KproTaskOverview, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: KproTaskOverview, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (e: Element | null) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function render(props: Partial<KproTaskOverview> & { lang?: string } = {}): Promise<KproTaskOverview> {
  const { lang = 'da', ...rest } = props;
  const el = await fixture<KproTaskOverview>(html`<kpro-task-overview lang=${lang}></kpro-task-overview>`);
  Object.assign(el, { user: hanne, resources: taskResources(12), ...rest });
  await rowsShown(el);
  return el;
}

async function rowsShown(el: KproTaskOverview): Promise<void> {
  await waitUntil(() => $(el, 'tbody tr') || $(el, '[data-state="empty"]') || $(el, '[data-state="error"]'), 'the overview rendered', { timeout: 5000 });
  await el.updateComplete;
}

describe('<kpro-task-overview>', () => {
  before(() => setClock(fixedClock('2026-12-08T12:00:00+01:00')));
  after(() => setClock());

  it('is accessible: a real table with sortable headers, colour in words and icons', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    expect($(el, 'table thead th[aria-sort]')).to.exist;
    for (const badge of $$(el, 'tbody .badge')) {
      expect(badge.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(badge).length).to.be.greaterThan(3);
    }
  });

  it("lists my teams' open tasks red first, then yellow, green, no colour and missing answers, with counts", async () => {
    const el = await render();
    const colours = $$(el, 'tbody tr').map((r) => r.dataset.colour);
    const order = ['red', 'yellow', 'green', 'none', 'missing'];
    expect(colours.map((c) => order.indexOf(c!))).to.deep.equal([...colours.map((c) => order.indexOf(c!))].sort((a, b) => a - b));
    expect(colours[0]).to.equal('red');
    expect(colours.at(-1)).to.equal('missing');
    // Hanne is only in Hjerterehabilitering Nord: Diabetesteam Syd's tasks (every fourth) are not hers.
    expect($$(el, 'tbody tr').map((r) => r.dataset.taskId)).to.not.include('t3');
    await waitUntil(() => $(el, '.counts li[data-colour="red"]')!.dataset.count !== '');
    const count = (c: string) => Number($(el, `.counts li[data-colour="${c}"]`)!.dataset.count);
    expect(count('red') + count('yellow') + count('green') + count('none') + count('missing')).to.equal($$(el, 'tbody tr').length);
    const row = $(el, 'tbody tr[data-task-id="t1"]')!;
    expect(text(row)).to.contain('Poul Test Jensen');
    expect(text(row)).to.contain('Kommunal rehabilitering – Midtvejssamtale (uge 6)');
    expect(text(row)).to.contain('Rød – kræver særlig opmærksomhed');
    expect(text(row)).to.contain('3 timer'); // arrived 08:00 UTC (09:00 Danish), now 12:00 Danish
    expect(text(row)).to.contain('Ingen');
  });

  it('filters by colour, by name and to my own tasks, on the server', async () => {
    const el = await render({ resources: taskResources(12, { owner: (i) => (i === 5 ? hanne : i === 0 ? mads : undefined) }) });
    $(el, '.counts li[data-colour="yellow"] button')!.click();
    await rowsShown(el);
    expect($$(el, 'tbody tr').map((r) => r.dataset.colour)).to.satisfy((c: string[]) => c.length > 0 && c.every((x) => x === 'yellow'));
    $(el, '.counts li[data-colour="yellow"] button')!.click();
    const search = $(el, 'input[data-filter="name"]') as HTMLInputElement;
    search.value = 'birthe';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => $$(el, 'tbody tr').length === 1 && text($(el, 'tbody tr th')) === 'Birthe Test Jensen', 'one Birthe');
    expect(text($(el, 'tbody tr th'))).to.equal('Birthe Test Jensen');
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const scope = $(el, 'select[data-filter="scope"]') as HTMLSelectElement;
    scope.value = 'mine';
    scope.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, 'tbody tr').length === 1 && $(el, 'tbody tr')!.dataset.taskId === 't5', 'only mine');
    expect($(el, 'tbody tr')!.dataset.taskId).to.equal('t5');
    expect(text($(el, 'tbody tr'))).to.contain('Dig');
  });

  it('fetches 50 rows per page and appends the next page below, never moving what is shown', async () => {
    const resources = taskResources(130);
    const source = memoryTaskSource(resources);
    let searches = 0;
    const counting: FhirDataSource = { ...source, search: (t, p, o) => (t === 'Task' && !p._summary && searches++, source.search(t, p, o)), searchNext: (t, n) => (searches++, source.searchNext!(t, n)) };
    const el = await render({ resources: undefined, dataSource: counting, teams: [{ resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', name: 'Hjerterehabilitering Nord' }] });
    expect($$(el, 'tbody tr')).to.have.length(50);
    expect(searches, 'one request for the first page').to.equal(1);
    const first = $$(el, 'tbody tr').map((r) => r.dataset.taskId);
    expect(text($(el, '.shown'))).to.equal('Viser 50 af 98');
    $(el, '[data-action="more"]')!.click();
    await waitUntil(() => $$(el, 'tbody tr').length === 98, 'the second page appended');
    expect(searches, 'one request for the next page').to.equal(2);
    expect($$(el, 'tbody tr').slice(0, 50).map((r) => r.dataset.taskId)).to.deep.equal(first);
    expect($(el, '[data-action="more"]')).to.not.exist;
  });

  it('takes a task (owner = me, in progress), releases it, and says so', async () => {
    const el = await render();
    const changed = oneEvent(el, 'kpro-task-change');
    $(el, 'tbody tr[data-task-id="t1"] [data-action="take"]')!.click();
    const { detail } = await changed;
    expect(detail.action).to.equal('take');
    expect(detail.task.owner).to.deep.equal(hanne);
    expect(detail.task.status).to.equal('in-progress');
    await waitUntil(() => text($(el, 'tbody tr[data-task-id="t1"]')).includes('Dig'));
    expect(text($(el, '[part~="status"]'))).to.contain('Du har taget opgaven for Poul Test Jensen');
    $(el, 'tbody tr[data-task-id="t1"] [data-action="release"]')!.click();
    await waitUntil(() => text($(el, 'tbody tr[data-task-id="t1"]')).includes('Ingen'));
    expect(text($(el, '[part~="status"]'))).to.contain('frigivet');
  });

  it('a conflict on take (a colleague was faster) says so and shows the list as it is now', async () => {
    const resources = taskResources(12);
    const source = memoryTaskSource(resources);
    const el = await render({ resources: undefined, dataSource: source, teams: [{ resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', name: 'Hjerterehabilitering Nord' }] });
    // Mads takes it on the server after our list was loaded.
    const t1 = (await source.read<fhir4.Task>('Task', 't1'));
    await source.update({ ...t1, owner: mads, status: 'in-progress' });
    const errors: Event[] = [];
    el.addEventListener('kpro-error', (e) => errors.push(e));
    $(el, 'tbody tr[data-task-id="t1"] [data-action="take"]')!.click();
    await waitUntil(() => text($(el, '[part~="status"]')).includes('ændret af en anden'), 'the conflict message');
    await waitUntil(() => text($(el, 'tbody tr[data-task-id="t1"]')).includes('Mads'), 'the list reloaded');
    expect((await source.read<fhir4.Task>('Task', 't1')).owner).to.deep.equal(mads);
  });

  it('marks a task assessed with a note: completed on the server, gone from the open list', async () => {
    const resources = taskResources(12);
    const source = memoryTaskSource(resources);
    const el = await render({ resources: undefined, dataSource: source, teams: [{ resourceType: 'CareTeam', id: 'hjerte-nord', status: 'active', name: 'Hjerterehabilitering Nord' }] });
    $(el, 'tbody tr[data-task-id="t1"] [data-action="handled"]')!.click();
    await waitUntil(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open);
    await expect(el).to.be.accessible();
    ($(el, '#handled-note') as HTMLTextAreaElement).value = 'Talt om søvn; ny samtale om 2 uger';
    $(el, '[data-action="save-handled"]')!.click();
    await waitUntil(() => !$(el, 'tbody tr[data-task-id="t1"]'), 'gone from the open list');
    const saved = await source.read<fhir4.Task>('Task', 't1');
    expect(saved.status).to.equal('completed');
    expect(saved.note?.[0]?.text).to.equal('Talt om søvn; ny samtale om 2 uger');
    expect(text($(el, '[part~="status"]'))).to.contain('markeret som vurderet');
  });

  it('opens the citizen through an event for the host (a new launch), never itself', async () => {
    const el = await render();
    const opened = oneEvent(el, 'kpro-task-open');
    $(el, 'tbody tr[data-task-id="t1"] [data-action="open"]')!.click();
    const { detail } = await opened;
    expect(detail.patient).to.deep.equal({ reference: 'Patient/p1', display: 'Poul Test Jensen' });
    expect(detail.task.id).to.equal('t1');
  });

  it('sorts on the server by arrival from a header button, keyboard reachable', async () => {
    const el = await render();
    const button = $(el, 'button.sort[data-sort="arrived"]')!;
    button.focus();
    button.click();
    await waitUntil(() => $(el, 'th[aria-sort="ascending"] button[data-sort="arrived"]'));
    await rowsShown(el);
    const arrived = $$(el, 'tbody time').map((t) => t.getAttribute('datetime')!);
    expect(arrived).to.deep.equal([...arrived].sort());
  });

  it('read-only: the list without take, release or assessed', async () => {
    const el = await render({ readonly: true });
    expect($(el, '[data-action="take"], [data-action="handled"]')).to.not.exist;
    expect($(el, '[data-action="open"]')).to.exist;
  });

  it('says so when there is nothing, and when nothing matches', async () => {
    const el = await render({ resources: taskResources(0) });
    expect(text($(el, '[data-state="empty"]'))).to.equal('Der er ingen åbne opgaver.');
    await expect(el).to.be.accessible();
  });

  it('shows a translated error with "Prøv igen" when the server fails, and fires kpro-error', async () => {
    const failing: FhirDataSource = { ...memoryTaskSource([]), search: async () => Promise.reject(new Error('down')) };
    const el = await render({ resources: undefined, dataSource: failing, teams: [] });
    expect(text($(el, '[data-state="error"]'))).to.contain('Opgaverne kunne ikke hentes');
    expect($(el, '[data-action="retry"]')).to.exist;
  });

  it('speaks English', async () => {
    const el = await render({ lang: 'en' });
    expect(text($(el, 'h2'))).to.equal('Tasks');
    expect(text($(el, 'tbody tr[data-task-id="t1"]'))).to.contain('Red – needs special attention');
  });

  it('fits a 320 px wide container: each task a block, nothing wider than the element', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><kpro-task-overview lang="da"></kpro-task-overview></div>`);
    const el = wrapper.querySelector('kpro-task-overview')!;
    Object.assign(el, { user: hanne, resources: taskResources(12) });
    await rowsShown(el);
    const host = el.getBoundingClientRect();
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('tbody *, .filters *, .counts *')) {
      const box = node.getBoundingClientRect();
      if (!box.width) continue;
      expect(box.right, node.outerHTML.slice(0, 60)).to.be.at.most(host.right + 0.5);
    }
    await expect(el).to.be.accessible();
  });
});
