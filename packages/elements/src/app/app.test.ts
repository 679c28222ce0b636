import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { buildAuditEvent, FhirRequestError, type FhirDataSource } from '@kpro/core';
import './kpro-app.js';
import type { KproApp } from './app.js';

/**
 * A small in-memory FHIR data source for the shell's own logic (patient resolution, audit, screens).
 * The real server path is covered by the end-to-end tests against the sandbox.
 */
function memoryFhir(resources: fhir4.Resource[], opts: { down?: boolean } = {}) {
  const created: fhir4.Resource[] = [];
  const searches: { type: string; params: Record<string, string | string[]>; post?: boolean }[] = [];
  const fail = () => {
    if (opts.down) throw new FhirRequestError('network', 0, 'down');
  };
  const ds: FhirDataSource = {
    baseUrl: 'memory:',
    async read(type, id) {
      fail();
      const r = resources.find((x) => x.resourceType === type && x.id === id);
      if (!r) throw new FhirRequestError('not-found', 404, 'not found');
      return r as never;
    },
    async search(type, params, o) {
      fail();
      searches.push({ type, params, post: o?.post });
      let found = resources.filter((r) => r.resourceType === type);
      if (type === 'Patient' && typeof params.identifier === 'string') {
        const [, value] = params.identifier.split('|');
        found = found.filter((p) => (p as fhir4.Patient).identifier?.some((i) => i.value === value));
      }
      return { resources: found as never[], included: [] };
    },
    async create(r) {
      fail();
      created.push(r);
      return { ...r, id: `c${created.length}` };
    },
    async update(r) {
      return r;
    },
    async transaction(b) {
      return b;
    },
  };
  return { ds, created, searches };
}

const patient: fhir4.Patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '0101709999' }],
  name: [{ given: ['Karen'], family: 'Testesen' }],
  birthDate: '1970-01-01',
};

/** Renders and waits for an event the app fires while it starts (the listener must be there first). */
async function start(tpl: (on: (e: Event) => void) => TemplateResult, event: string): Promise<{ el: KproApp; ev: CustomEvent }> {
  let resolve!: (e: CustomEvent) => void;
  const fired = new Promise<CustomEvent>((r) => (resolve = r));
  const wrapper = await fixture<HTMLDivElement>(html`<div @kpro-patient-open=${(e: Event) => event === 'kpro-patient-open' && resolve(e as CustomEvent)} @kpro-error=${(e: Event) => event === 'kpro-error' && resolve(e as CustomEvent)}>${tpl(() => {})}</div>`);
  const ev = await fired;
  const el = wrapper.querySelector('kpro-app')!;
  await el.updateComplete;
  return { el, ev };
}

describe('<kpro-app>', () => {
  it('finds the citizen by CPR with a POST search, writes nothing (the server audits), and masks the CPR', async () => {
    const { ds, created, searches } = memoryFhir([patient]);
    const { el } = await start(() => html`<kpro-app need-patient-banner scopes="patient/*.rs" .cpr=${'0101709999'} .fhir=${ds}></kpro-app>`, 'kpro-patient-open');
    expect(searches[0]).to.deep.include({ type: 'Patient', post: true });
    expect(created, 'no AuditEvent or anything else written by opening a citizen').to.deep.equal([]);
    const banner = el.shadowRoot!.querySelector('[part~="banner"]')!;
    expect(banner.textContent).to.contain('Karen Testesen');
    expect(banner.querySelector('[data-testid="cpr"]')!.textContent).to.equal('010170-xxxx');
    (banner.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(banner.querySelector('[data-testid="cpr"]')!.textContent).to.equal('010170-9999');
    expect(el.outerHTML).to.not.contain('0101709999');
    await expect(el).to.be.accessible();
  });

  it('shows no write tab to a read-only user', async () => {
    const { ds } = memoryFhir([patient]);
    const { el } = await start(() => html`<kpro-app patient-id="p1" scopes="patient/*.rs" .fhir=${ds}></kpro-app>`, 'kpro-patient-open');
    const tabs = [...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent!.trim());
    // Team is a view (its changes need CareTeam write); the on-behalf tab writes, so it is not there.
    expect(tabs).to.deep.equal(['Besvarelser', 'Planer', 'Team']);
    const { el: writer } = await start(() => html`<kpro-app patient-id="p1" scopes="patient/*.rs patient/QuestionnaireResponse.cru" .fhir=${ds}></kpro-app>`, 'kpro-patient-open');
    expect([...writer.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent!.trim())).to.include('Besvar på borgers vegne');
  });

  it('shows the citizen-not-found screen', async () => {
    const { ds } = memoryFhir([]);
    const { el, ev } = await start(() => html`<kpro-app .cpr=${'0101709999'} .fhir=${ds}></kpro-app>`, 'kpro-error');
    expect(ev.detail.code).to.equal('citizen-not-found');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Borgeren blev ikke fundet');
  });

  it('shows the server-down screen with what to do next', async () => {
    const { ds } = memoryFhir([patient], { down: true });
    const { el } = await start(() => html`<kpro-app lang="en" patient-id="p1" .fhir=${ds}></kpro-app>`, 'kpro-error');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('The PRO server does not answer');
    expect(alert.textContent).to.contain('Try again');
  });

  it('shows a launch failure given by the page (e.g. no launch parameters)', async () => {
    const el = await fixture<KproApp>(html`<kpro-app failure="no-launch"></kpro-app>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('PRO skal åbnes fra journalen');
  });

  it('says what to do about an expired launch and an unknown server, in Danish and English', async () => {
    const expired = await fixture<KproApp>(html`<kpro-app failure="launch-expired"></kpro-app>`);
    expect(expired.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Åbn borgeren igen');
    const expiredEn = await fixture<KproApp>(html`<kpro-app lang="en" failure="launch-expired"></kpro-app>`);
    expect(expiredEn.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Open the citizen again');
    const server = await fixture<KproApp>(html`<kpro-app failure="unknown-server"></kpro-app>`);
    expect(server.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Ukendt server');
    expect(server.shadowRoot!.querySelector('[role=alert]')!.textContent).to.not.contain('Noget gik galt');
  });

  it("shows the citizen who has looked at her data: one row per look-up, not her own use", async () => {
    const event = (correlationId: string, who: string, minute: number) =>
      buildAuditEvent({
        patientId: 'p1',
        interaction: 'search-type',
        resourceType: 'QuestionnaireResponse',
        user: { reference: who, display: who === 'Patient/p1' ? undefined : 'Terapeut Mads Madsen' },
        client: { id: 'kpro-app', display: 'kpro (PRO i EOJ)' },
        correlationId,
        observer: 'test',
        recorded: new Date(Date.UTC(2027, 0, 12, 9, minute)),
      });
    const events = [event('a', 'Practitioner/mads', 1), event('a', 'Practitioner/mads', 2), event('b', 'Practitioner/mads', 5), event('own', 'Patient/p1', 6)];
    const { ds, searches } = memoryFhir([patient, ...events.map((e, i) => ({ ...e, id: `ae${i}` }))]);
    const { el } = await start(() => html`<kpro-app intent="citizen" patient-id="p1" .user=${{ reference: 'Patient/p1' }} scopes="patient/*.rs" .fhir=${ds}></kpro-app>`, 'kpro-patient-open');
    const view = el.shadowRoot!.querySelector('kpro-app-look-ups')!;
    for (let i = 0; i < 50 && !view.shadowRoot?.querySelector('tbody tr'); i++) await new Promise((r) => setTimeout(r, 20));
    const rows = [...view.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-look-up'))).to.deep.equal(['b', 'a']);
    expect(rows[1]!.textContent).to.contain('Terapeut Mads Madsen');
    expect(rows[1]!.querySelector('.count')!.textContent).to.equal('2');
    expect(view.shadowRoot!.querySelector('h2')!.textContent).to.equal('Hvem har set dine oplysninger');
    expect(searches.find((s) => s.type === 'AuditEvent')?.params.patient).to.equal('Patient/p1');
    await expect(view).to.be.accessible();
  });
});
