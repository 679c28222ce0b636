import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { capabilitiesFromScopes, readPlanTemplates, ASSIGNMENT_IDENTIFIER_SYSTEM } from '@kpro/core';
import './kpro-plan-assigner.js';
import type { KproPlanAssigner } from './plan-assigner.js';
import type { KproPlanAssignEvent } from './plan-assigner.events.js';
import { capabilitiesContext, fhirContext, patientContext, userContext } from '../shared/context.js';
import { MemoryFhir } from './test-helpers/memory-fhir.js';
import {
  careTeam,
  emptyPlan,
  mads,
  missingQuestionnairePlan,
  runningPlan,
  templateResources,
  unknownActivity,
} from '../../../core/src/plans/test-helpers/templates.js';

const NOW = '2026-04-15T12:00:00+02:00';
const inge: fhir4.Patient = { resourceType: 'Patient', id: 'inge-test-jensen', name: [{ text: 'Inge Test Jensen' }] };
const team: fhir4.CareTeam = { resourceType: 'CareTeam', id: 'rehabiliteringsteam', status: 'active', name: 'Rehabiliteringsteamet, Testkommune' };
const questionnaires = templateResources.filter((r): r is fhir4.Questionnaire => r.resourceType === 'Questionnaire');

const sr = (el: KproPlanAssigner) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: KproPlanAssigner, sel: string) => sr(el).querySelector<T>(sel);
const click = async (el: KproPlanAssigner, sel: string) => {
  const b = $(el, sel);
  expect(b, sel).to.exist;
  b!.click();
  await el.updateComplete;
};
const setValue = async (el: KproPlanAssigner, sel: string, value: string, ev = 'change') => {
  const i = $<HTMLInputElement>(el, sel)!;
  i.value = value;
  i.dispatchEvent(new Event(ev));
  await el.updateComplete;
};

async function running(extra: Partial<KproPlanAssigner> = {}): Promise<KproPlanAssigner> {
  const { carePlan, requests, responses } = runningPlan();
  const el = await fixture<KproPlanAssigner>(html`<kpro-plan-assigner lang="da"></kpro-plan-assigner>`);
  Object.assign(el, { plans: [carePlan], requests, responses, templates: templateResources, questionnaires, careTeams: [team], now: NOW, ...extra });
  await el.updateComplete;
  return el;
}

async function withServer(extra: fhir4.Resource[] = [], props: Partial<KproPlanAssigner> = {}) {
  const { carePlan, requests, responses } = runningPlan();
  const fhir = new MemoryFhir([...templateResources, team, inge, carePlan, ...requests, ...responses, ...extra]);
  const el = await fixture<KproPlanAssigner>(html`<kpro-plan-assigner lang="da"></kpro-plan-assigner>`);
  Object.assign(el, { dataSource: fhir, patient: inge, user: mads, now: '2026-02-20T09:00:00+01:00', ...props });
  await el.updateComplete;
  await el.reload();
  await el.updateComplete;
  return { el, fhir };
}

/** Walks the assign flow to the preview: template, dates, care team. */
async function toPreview(el: KproPlanAssigner, templateId = 'hjerterehabilitering') {
  await click(el, '[data-action="assign"]');
  await click(el, `[data-template="${templateId}"] input[type="radio"]`);
  await click(el, '[data-action="next"]');
  await setValue(el, '#start', '2026-03-02');
  await setValue(el, '#care-team', 'CareTeam/rehabiliteringsteam');
  await click(el, '[data-action="preview"]');
}

describe('<kpro-plan-assigner>: plans and statuses', () => {
  it('shows each occurrence with its date and status as icon + text, and is accessible', async () => {
    const el = await running();
    const rows = [...sr(el).querySelectorAll('tr[data-status]')];
    expect(rows.map((r) => r.getAttribute('data-status'))).to.deep.equal(['answered', 'due', 'planned']);
    expect(rows[0]!.textContent).to.include('Besvaret');
    expect(rows[0]!.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(rows[1]!.textContent).to.include('Klar til besvarelse');
    expect(rows[0]!.querySelector('time')!.textContent).to.match(/2026/);
    expect($(el, '.state')!.textContent).to.include('1 plan');
    await expect(el).to.be.accessible();
  });

  it('overdue and cancelled over time; answered ones open the response (kpro-plan-open-response)', async () => {
    const el = await running({ now: '2026-04-25T12:00:00+02:00' });
    expect([...sr(el).querySelectorAll('tr[data-status]')].map((r) => r.getAttribute('data-status'))).to.deep.equal(['answered', 'overdue', 'planned']);
    setTimeout(() => $(el, '[data-action="open-response"]')!.click());
    const ev = await oneEvent(el, 'kpro-plan-open-response');
    expect(ev.detail).to.deep.equal({ responseId: 'qr-start', requestId: 'sr-start' });
  });

  it('shows an empty state without plans, in English too', async () => {
    const el = await fixture<KproPlanAssigner>(html`<kpro-plan-assigner lang="en" .now=${NOW}></kpro-plan-assigner>`);
    expect($(el, '.state')!.textContent).to.include('no plans');
    await expect(el).to.be.accessible();
  });

  it('read-only: `readonly` or capabilities without CarePlan write show plans but no assign/cancel controls', async () => {
    for (const props of [{ readonly: true }, { capabilities: capabilitiesFromScopes('user/*.rs patient/*.rs') }]) {
      const el = await running(props as Partial<KproPlanAssigner>);
      expect(sr(el).querySelectorAll('tr[data-status]').length).to.equal(3);
      expect($(el, '[data-action="assign"]')).to.equal(null);
      expect($(el, '[data-action="cancel-plan"]')).to.equal(null);
      expect($(el, '[data-action="cancel-occurrence"]')).to.equal(null);
      expect($(el, '[data-action="open-response"]')).to.exist;
      expect($(el, '[data-state="read-only"]')).to.exist;
      await expect(el).to.be.accessible();
    }
    const writer = await running({ capabilities: capabilitiesFromScopes('user/CarePlan.cruds user/ServiceRequest.cruds user/*.rs') });
    expect($(writer, '[data-action="assign"]')).to.exist;
  });
});

describe('<kpro-plan-assigner>: assigning', () => {
  it('template -> dates -> team -> preview -> confirm: a cancelable kpro-plan-assign, then one transaction', async () => {
    const { el, fhir } = await withServer();
    await toPreview(el);
    expect([...sr(el).querySelectorAll('[data-preview] li')].map((li) => li.getAttribute('data-action-id'))).to.deep.equal(['start', 'mid', 'slut']);
    await expect(el).to.be.accessible();
    const before = fhir.writes.length;
    let detail: KproPlanAssignEvent['detail'] | undefined;
    el.addEventListener('kpro-plan-assign', (e) => (detail = e.detail), { once: true });
    const changed = oneEvent(el, 'kpro-plan-change');
    await click(el, '[data-action="confirm"]');
    const change = await changed;
    expect(detail!.template).to.equal('https://kpro.example.dk/fhir/PlanDefinition/hjerterehabilitering|1.0.0');
    expect(fhir.writes.length - before).to.equal(1);
    expect(fhir.writes.at(-1)!.op).to.equal('transaction');
    expect(change.detail.kind).to.equal('assigned');
    const plans = fhir.all<fhir4.CarePlan>('CarePlan').filter((p) => p.identifier?.[0]?.system === ASSIGNMENT_IDENTIFIER_SYSTEM);
    expect(plans).to.have.length(1);
    expect(plans[0]!.careTeam![0]!.reference).to.equal('CareTeam/rehabiliteringsteam');
    expect(plans[0]!.author).to.deep.equal(mads);
    const srs = fhir.all<fhir4.ServiceRequest>('ServiceRequest').filter((s) => s.basedOn?.[0]?.reference === `CarePlan/${plans[0]!.id}`);
    expect(srs.map((s) => s.occurrenceTiming!.repeat!.boundsPeriod!.start)).to.deep.equal(['2026-03-02T08:00:00+01:00', '2026-04-13T08:00:00+02:00', '2026-05-25T08:00:00+02:00']);
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(sr(el).querySelectorAll('article.plan').length).to.equal(2);
    // The assignment is confirmed where the clinician looks, not only to screen readers.
    const confirmation = $(el, '[data-state="confirmation"]')!;
    expect(confirmation.checkVisibility()).to.equal(true);
    expect(confirmation.textContent).to.contain('er tildelt');
  });

  it("uses the server's PlanDefinition/$apply where it has one: its additions kept, our dates and team win", async () => {
    const { el, fhir } = await withServer();
    const gets: string[] = [];
    const sharing = { url: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-sharingPolicy', valueCode: 'share' };
    (fhir as unknown as { get: (path: string) => Promise<unknown> }).get = async (path: string) => {
      gets.push(path.split('?')[0]!);
      if (path === 'metadata') return { resourceType: 'CapabilityStatement', rest: [{ mode: 'server', resource: [{ type: 'PlanDefinition', operation: [{ name: 'apply', definition: 'http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply' }] }] }] };
      return {
        resourceType: 'CarePlan',
        status: 'draft',
        intent: 'plan',
        subject: { reference: 'Patient/inge' },
        addresses: [{ reference: 'Condition/hjertesygdom' }],
        period: { start: '1999-01-01' },
        contained: [{ resourceType: 'ServiceRequest', id: 'x', status: 'draft', intent: 'order', subject: { reference: 'Patient/inge' }, extension: [sharing] }],
      };
    };
    await toPreview(el);
    await click(el, '[data-action="confirm"]');
    await oneEvent(el, 'kpro-plan-change');
    expect(gets).to.deep.equal(['metadata', 'PlanDefinition/hjerterehabilitering/$apply']);
    const plan = fhir.all<fhir4.CarePlan>('CarePlan').find((p) => p.identifier?.[0]?.system === ASSIGNMENT_IDENTIFIER_SYSTEM)!;
    expect(plan.addresses![0]!.reference).to.equal('Condition/hjertesygdom');
    expect(plan.period!.start).to.not.equal('1999-01-01');
    const srs = fhir.all<fhir4.ServiceRequest>('ServiceRequest').filter((s) => s.basedOn?.[0]?.reference === `CarePlan/${plan.id}`);
    expect(srs[0]!.extension!.some((e) => e.url === sharing.url)).to.equal(true);
    expect(srs[0]!.occurrenceTiming!.repeat!.boundsPeriod!.start).to.equal('2026-03-02T08:00:00+01:00');
  });

  it('adjusted dates are used', async () => {
    const { el, fhir } = await withServer();
    await click(el, '[data-action="assign"]');
    await click(el, '[data-template="hjerterehabilitering"] input');
    await click(el, '[data-action="next"]');
    await setValue(el, '#start', '2026-03-02');
    await setValue(el, '#date-mid', '2026-04-20');
    await setValue(el, '#care-team', 'CareTeam/rehabiliteringsteam');
    await click(el, '[data-action="preview"]');
    expect($(el, '[data-preview] [data-action-id="mid"]')!.textContent).to.include('ændret');
    await click(el, '[data-action="confirm"]');
    await new Promise((r) => setTimeout(r, 0));
    const tx = fhir.writes.at(-1)!.body as fhir4.Bundle;
    expect((tx.entry![2]!.resource as fhir4.ServiceRequest).occurrenceTiming!.repeat!.boundsPeriod!.start).to.equal('2026-04-20T08:00:00+02:00');
  });

  it('the host can veto with preventDefault: nothing is written', async () => {
    const { el, fhir } = await withServer();
    await toPreview(el);
    el.addEventListener('kpro-plan-assign', (e) => e.preventDefault(), { once: true });
    const before = fhir.writes.length;
    await click(el, '[data-action="confirm"]');
    expect(fhir.writes.length).to.equal(before);
    expect($(el, '[role="status"]')!.textContent).to.include('stoppet');
  });

  it('a 500 shows a translated error with retry; the retry sends the same identifiers and creates one plan only', async () => {
    const { el, fhir } = await withServer();
    await toPreview(el);
    fhir.failWrites = [500];
    const error = oneEvent(el, 'kpro-error');
    await click(el, '[data-action="confirm"]');
    expect((await error).detail.code).to.equal('plan-server');
    await el.updateComplete;
    expect($(el, '.error-state')!.textContent).to.include('Intet er gemt');
    await click(el, '[data-action="retry"]');
    await new Promise((r) => setTimeout(r, 0));
    const txs = fhir.writes.filter((w) => w.op === 'transaction').map((w) => (w.body as fhir4.Bundle).entry!.map((e) => e.request!.ifNoneExist));
    expect(txs).to.have.length(2);
    expect(txs[0]).to.deep.equal(txs[1]);
    // A lost answer: the same bundle again returns what is there (If-None-Exist), still one plan.
    await fhir.transaction(fhir.writes.at(-1)!.body as fhir4.Bundle);
    expect(fhir.all<fhir4.CarePlan>('CarePlan').filter((p) => p.identifier?.length)).to.have.length(1);
  });

  it('a template without activities, a missing questionnaire and a date in the past are clear errors, nothing written', async () => {
    const { el, fhir } = await withServer([emptyPlan, missingQuestionnairePlan, unknownActivity]);
    const before = fhir.writes.length;
    await click(el, '[data-action="assign"]');
    await click(el, '[data-template="tom"] input');
    await click(el, '[data-action="next"]');
    expect($(el, '.error-state')!.getAttribute('data-code')).to.equal('no-activities');
    expect($(el, '.error-state')!.textContent).to.include('har ingen spørgeskemaer');
    await click(el, '[data-template="mangler"] input');
    await click(el, '[data-action="next"]');
    expect($(el, '.error-state')!.getAttribute('data-code')).to.equal('questionnaire-missing');
    await click(el, '[data-template="diabetes"] input');
    await click(el, '[data-action="next"]');
    await setValue(el, '#start', '2026-01-05');
    await setValue(el, '#care-team', 'CareTeam/rehabiliteringsteam');
    await click(el, '[data-action="preview"]');
    expect($(el, '.error-state')!.getAttribute('data-code')).to.equal('date-in-past');
    expect($(el, '.error-state')!.textContent).to.include('ligger i fortiden');
    await expect(el).to.be.accessible();
    expect(fhir.writes.length).to.equal(before);
  });
});

describe('<kpro-plan-assigner>: cancelling, conflicts and ad hoc', () => {
  it('cancels a plan with a reason: one transaction with If-Match, the plan revoked, no DELETE', async () => {
    const { el, fhir } = await withServer([], { now: NOW });
    await click(el, '[data-action="cancel-plan"]');
    await click(el, '[data-action="confirm-cancel"]');
    expect($(el, '#reason-error')).to.exist; // a reason is required
    await setValue(el, '#cancel-reason', 'Borgeren er flyttet', 'input');
    await click(el, '[data-action="confirm-cancel"]');
    await new Promise((r) => setTimeout(r, 0));
    const tx = fhir.writes.at(-1)!.body as fhir4.Bundle;
    expect(tx.entry!.map((e) => [e.request!.method, e.request!.url, e.request!.ifMatch])).to.deep.equal([
      ['PUT', 'CarePlan/plan-1', 'W/"3"'],
      ['PUT', 'ServiceRequest/sr-start', 'W/"1"'],
      ['PUT', 'ServiceRequest/sr-mid', 'W/"1"'],
      ['PUT', 'ServiceRequest/sr-slut', 'W/"1"'],
    ]);
    expect(fhir.all<fhir4.CarePlan>('CarePlan')[0]!.status).to.equal('revoked');
    await el.updateComplete;
    expect([...sr(el).querySelectorAll('tr[data-status]')].map((r) => r.getAttribute('data-status'))).to.deep.equal(['answered', 'cancelled', 'cancelled']);
    const confirmation = $(el, '[data-state="confirmation"]')!;
    expect(confirmation.checkVisibility(), 'a visible confirmation').to.equal(true);
    expect(confirmation.textContent).to.contain('er stoppet');
    expect($(el, '[role="status"]')!.textContent, 'and announced').to.contain('er stoppet');
  });

  it('412: "Planen er ændret af en anden i mellemtiden" with a reload button, and kpro-error', async () => {
    const { el, fhir } = await withServer([], { now: NOW });
    // Someone else changes the mid request after we loaded it.
    await fhir.update({ ...fhir.all<fhir4.ServiceRequest>('ServiceRequest').find((s) => s.id === 'sr-mid')!, note: [{ text: 'flyttet' }] });
    await click(el, '[data-occurrence="sr-mid#0"] [data-action="cancel-occurrence"]');
    await setValue(el, '#cancel-reason', 'Ikke relevant', 'input');
    const error = oneEvent(el, 'kpro-error');
    await click(el, '[data-action="confirm-cancel"]');
    expect((await error).detail.code).to.equal('plan-conflict');
    await el.updateComplete;
    expect($(el, '.error-state')!.textContent).to.include('Planen er ændret af en anden i mellemtiden');
    expect(fhir.all<fhir4.ServiceRequest>('ServiceRequest').find((s) => s.id === 'sr-mid')!.status).to.equal('active');
    await expect(el).to.be.accessible();
    await click(el, '[data-action="reload"]');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect($(el, '.error-state')).to.equal(null);
    // After the reload the current version is used and the cancel goes through.
    await click(el, '[data-occurrence="sr-mid#0"] [data-action="cancel-occurrence"]');
    await setValue(el, '#cancel-reason', 'Ikke relevant', 'input');
    await click(el, '[data-action="confirm-cancel"]');
    await new Promise((r) => setTimeout(r, 0));
    expect(fhir.writes.at(-1)!.opts).to.deep.equal({ ifMatch: 'W/"2"' });
    expect(fhir.all<fhir4.ServiceRequest>('ServiceRequest').find((s) => s.id === 'sr-mid')!.status).to.equal('revoked');
  });

  it('sends an extra questionnaire now: one conditional create', async () => {
    const { el, fhir } = await withServer([], { now: NOW });
    await click(el, '[data-action="ad-hoc"]');
    await setValue(el, '#ad-hoc-questionnaire', 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0');
    await click(el, '[data-action="send-ad-hoc"]');
    await new Promise((r) => setTimeout(r, 0));
    const w = fhir.writes.at(-1)!;
    expect(w.op).to.equal('create');
    expect((w.opts as { ifNoneExist: string }).ifNoneExist).to.match(/^identifier=/);
    await el.updateComplete;
    expect($(el, '[data-plan-id="ad-hoc"]')).to.exist;
  });

  it('inside the app: finds data source, patient, user and capabilities through context', async () => {
    const { carePlan, requests, responses } = runningPlan();
    const fhir = new MemoryFhir([...templateResources, team, carePlan, ...requests, ...responses]);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host, { context: fhirContext, initialValue: fhir });
    new ContextProvider(host, { context: patientContext, initialValue: inge });
    new ContextProvider(host, { context: userContext, initialValue: mads });
    new ContextProvider(host, { context: capabilitiesContext, initialValue: capabilitiesFromScopes('user/*.rs') });
    const el = document.createElement('kpro-plan-assigner');
    el.now = NOW;
    host.appendChild(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(fhir.calls.filter((c) => c.op === 'search').map((c) => c.type)).to.include.members(['CarePlan', 'ServiceRequest', 'QuestionnaireResponse', 'PlanDefinition']);
    expect(sr(el).querySelectorAll('tr[data-status]').length).to.equal(3);
    expect($(el, '[data-action="assign"]')).to.equal(null); // read-only capabilities
  });

  it('reads templates from properties alone (no server)', async () => {
    expect(readPlanTemplates(templateResources)).to.have.length(3);
    const el = await running();
    await click(el, '[data-action="assign"]');
    expect(sr(el).querySelectorAll('[data-template]').length).to.equal(3);
    await setValue(el, '#template-search', 'diabetes', 'input');
    expect([...sr(el).querySelectorAll('[data-template]')].map((x) => x.getAttribute('data-template'))).to.deep.equal(['diabetes']);
    void careTeam;
  });
});
