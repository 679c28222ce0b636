// The everyday flow inside the app shell, as a nurse meets it (issue 13): what can be answered now and what
// comes later, answered entries that open, words for the person on screen, retry, language, print, phone.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { FhirRequestError, fixedClock, localDateTime, setClock, toFhirBasic, type FhirDataSource, type QuestionnaireResponse } from '@kpro/core';
import './kpro-app.js';
import type { KproApp } from './app.js';
import { files, responseOf } from '../answer-view/test-helpers/fixtures.js';
import { nationalGuides } from '../../../core/src/guidance/test-helpers/guides.js';

const REHAB = files['kommunal-rehabilitering'];
const WHO5 = files['who-5'];
const canonical = (q: fhir4.Questionnaire) => `${q.url}|${q.version}`;
const QUESTIONNAIRE_EXT = 'https://kpro.example.dk/fhir/StructureDefinition/questionnaire';

const patient: fhir4.Patient = { resourceType: 'Patient', id: 'inge', name: [{ given: ['Inge', 'Test'], family: 'Jensen' }], birthDate: '1948-03-12' };

function request(id: string, q: fhir4.Questionnaire, text: string, date: string): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/inge' },
    code: { text },
    extension: [{ url: QUESTIONNAIRE_EXT, valueCanonical: canonical(q) }],
    occurrenceDateTime: localDateTime(date),
  };
}

/** An in-memory FHIR server for the app's views (search by type; the sandbox tests cover real searches). */
function memoryFhir(resources: fhir4.Resource[], opts: { down?: () => boolean } = {}) {
  const created: fhir4.Resource[] = [];
  const fail = () => {
    if (opts.down?.()) throw new FhirRequestError('network', 0, 'down');
  };
  const all = () => [...resources, ...created];
  const ds: FhirDataSource = {
    baseUrl: 'memory:',
    async read(type, id) {
      fail();
      const r = all().find((x) => x.resourceType === type && x.id === id);
      if (!r) throw new FhirRequestError('not-found', 404, 'not found');
      return r as never;
    },
    async search(type, params) {
      fail();
      let found = all().filter((r) => r.resourceType === type);
      if (type === 'Questionnaire' && typeof params.url === 'string') {
        found = found.filter((q) => (q as fhir4.Questionnaire).url === params.url && (!params.version || (q as fhir4.Questionnaire).version === params.version));
      }
      return { resources: found as never[], included: [] };
    },
    async create(r) {
      fail();
      const made = { ...r, id: `c${created.length + 1}` };
      created.push(made);
      return made as never;
    },
    async update(r) {
      return r;
    },
    async transaction(b) {
      return b;
    },
  };
  return { ds, created };
}

async function app(resources: fhir4.Resource[], attrs: { intent?: string; scopes?: string } = {}, opts: { down?: () => boolean } = {}) {
  const { ds, created } = memoryFhir([patient, REHAB, WHO5, ...resources], opts);
  const el = await fixture<KproApp>(html`<kpro-app
    need-patient-banner
    patient-id="inge"
    intent=${attrs.intent ?? 'answers'}
    scopes=${attrs.scopes ?? 'patient/*.rs patient/QuestionnaireResponse.cru patient/CarePlan.cru patient/ServiceRequest.cru patient/ClinicalImpression.cru'}
    .fhir=${ds}
  ></kpro-app>`);
  return { el, ds, created };
}

/** The first element matching `sel` in the app or any view's shadow root, depth first. */
function deep(root: Element | ShadowRoot, sel: string): HTMLElement | null {
  const direct = root.querySelector<HTMLElement>(sel);
  if (direct) return direct;
  for (const e of root.querySelectorAll('*')) {
    if (e.shadowRoot) {
      const hit = deep(e.shadowRoot, sel);
      if (hit) return hit;
    }
  }
  return null;
}
const found = async (el: KproApp, sel: string, message = sel) => {
  await waitUntil(() => deep(el.shadowRoot!, sel), `${message} did not appear`, { timeout: 5000 });
  return deep(el.shadowRoot!, sel)!;
};
const words = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<kpro-app> everyday flow', () => {
  afterEach(async () => {
    setClock();
    await setViewport({ width: 800, height: 600 });
  });

  it('offers only what is due: a questionnaire that opens later is listed under "Kommende" with its date, without "Besvar"', async () => {
    setClock(fixedClock('2026-12-08T10:00:00+01:00'));
    const due = request('due', WHO5, 'Opfølgning', '2026-12-07');
    const later = request('later', REHAB, 'Afsluttende samtale (uge 12)', '2027-03-01');
    const { el } = await app([due, later], { intent: 'answer-on-behalf' });
    const open = await found(el, 'li[data-occurrence="due#0"]');
    expect(open.dataset.status).to.equal('due');
    expect(words(open)).to.contain('WHO-5 Trivselsindeks – Opfølgning');
    expect(open.querySelector('button')!.textContent).to.contain('Besvar');
    const coming = deep(el.shadowRoot!, 'li[data-occurrence="later#0"]')!;
    expect(coming.closest('section')!.querySelector('h2')!.textContent).to.equal('Kommende spørgeskemaer');
    expect(words(coming)).to.contain('Kommunal rehabilitering – diabetes/hjerte – Afsluttende samtale (uge 12)');
    expect(words(coming)).to.contain('Åbner 1. mar. 2027');
    expect(coming.querySelector('button'), 'nothing to press before it opens').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens at 08:00 Danish time: at 07:59 it is coming, at 08:00 it can be answered', async () => {
    const today = request('today', WHO5, 'Opfølgning', '2026-12-08');
    setClock(fixedClock('2026-12-08T07:59:00+01:00'));
    let { el } = await app([today], { intent: 'answer-on-behalf' });
    expect((await found(el, 'li[data-occurrence="today#0"]')).dataset.status).to.equal('planned');
    setClock(fixedClock('2026-12-08T08:00:00+01:00'));
    ({ el } = await app([today], { intent: 'answer-on-behalf' }));
    expect((await found(el, 'li[data-occurrence="today#0"]')).dataset.status).to.equal('due');
  });

  it('names answered entries by questionnaire and conversation, and opens them read-only', async () => {
    setClock(fixedClock('2026-12-08T10:00:00+01:00'));
    const sr = request('slut', REHAB, 'Afsluttende samtale (uge 12)', '2026-05-25');
    const answered: QuestionnaireResponse = { ...responseOf('rehab-red'), id: 'qr1', subject: { reference: 'Patient/inge' }, basedOn: [{ reference: 'ServiceRequest/slut' }], authored: '2026-05-26T09:30:00+02:00' };
    const { el } = await app([sr, answered], { intent: 'answer-on-behalf' });
    const entry = await found(el, 'li[data-response-id="qr1"]');
    expect(words(entry)).to.contain('Kommunal rehabilitering – diabetes/hjerte – Afsluttende samtale (uge 12)');
    expect(words(entry)).to.not.contain('· kommunal-rehabilitering');
    entry.querySelector('button')!.click();
    const form = (await found(el, 'kpro-questionnaire')) as HTMLElement & { readonly: boolean; updateComplete: Promise<unknown> };
    await form.updateComplete;
    expect(form.readonly).to.equal(true);
    await waitUntil(() => words(form.shadowRoot!.querySelector('[data-link-id="t1"]')).length > 0, 'the answers are shown');
    expect(form.shadowRoot!.querySelector('button[type=submit]')).to.equal(null);
    expect(words(form.shadowRoot!.querySelector('[data-link-id="t1"]'))).to.contain('Lidt mindre end halvdelen af tiden');
  });

  it('never stores an empty on-behalf answer; after a save the screen speaks to the clinician', async () => {
    setClock(fixedClock('2026-12-08T10:00:00+01:00'));
    const { el, created } = await app([request('due', WHO5, 'Opfølgning', '2026-12-07')], { intent: 'answer-on-behalf' });
    (await found(el, 'li[data-occurrence="due#0"] button')).click();
    const form = (await found(el, 'kpro-questionnaire')) as HTMLElement & { updateComplete: Promise<unknown> };
    await form.updateComplete;
    const submit = () => (form.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    submit();
    await form.updateComplete;
    expect(words(form.shadowRoot!.querySelector('[data-check="empty"]'))).to.contain('Der er ikke svaret på nogen spørgsmål');
    expect(created.filter((r) => r.resourceType === 'QuestionnaireResponse')).to.have.length(0);
    for (const id of ['t1', 't2', 't3', 't4', 't5']) (form.shadowRoot!.querySelector(`[data-link-id="${id}"] input[type=radio]`) as HTMLInputElement).click();
    submit();
    await waitUntil(() => created.some((r) => r.resourceType === 'QuestionnaireResponse'), 'saved', { timeout: 5000 });
    await waitUntil(() => form.shadowRoot!.querySelector('[part~="submitted"]'));
    const done = words(form.shadowRoot!.querySelector('[part~="submitted"]'));
    expect(done).to.contain('Svarene er gemt for Inge Test Jensen');
    expect(done).to.not.contain('Ring 112');
    expect(done).to.not.contain('Tak, dine svar');
  });

  it('tells the citizen, not a clinician, what to do when their page cannot start', async () => {
    const el = await fixture<KproApp>(html`<kpro-app intent="citizen" failure="no-launch"></kpro-app>`);
    const alert = words(el.shadowRoot!.querySelector('[role=alert]'));
    expect(alert).to.not.contain('omsorgssystem');
    expect(alert).to.not.contain('journalen');
    expect(alert).to.contain('Åbn linket');
  });

  it('has "Prøv igen" when the server did not answer, and it tries again', async () => {
    let down = true;
    const { el } = await app([], {}, { down: () => down });
    const retry = await found(el, '[data-action="retry"]');
    expect(words(el.shadowRoot!.querySelector('[role=alert]'))).to.contain('PRO-serveren svarer ikke');
    down = false;
    retry.click();
    await found(el, 'kpro-app-responses', 'the answers view after the retry');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('switches between Danish and English in its header, and every view follows', async () => {
    setClock(fixedClock('2026-12-08T10:00:00+01:00'));
    const { el } = await app([request('due', WHO5, 'Opfølgning', '2026-12-07')], { intent: 'answer-on-behalf' });
    await found(el, 'li[data-occurrence="due#0"]');
    const english = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-lang="en"]')!;
    expect(el.shadowRoot!.querySelector('[data-lang="da"]')!.getAttribute('aria-pressed')).to.equal('true');
    english.click();
    await waitUntil(() => words(deep(el.shadowRoot!, '#due-h')) === 'Questionnaires waiting', 'the view speaks English', { timeout: 3000 });
    expect(english.getAttribute('aria-pressed')).to.equal('true');
    expect(words(el.shadowRoot!.querySelector('nav'))).to.contain('Responses');
    // Questionnaire content follows its translation extension.
    expect(words(deep(el.shadowRoot!, 'li[data-occurrence="due#0"]'))).to.contain('WHO-5 Well-Being Index');
  });

  it('prints from a button in the answers view', async () => {
    const answered: QuestionnaireResponse = { ...responseOf('rehab-red'), id: 'qr1', subject: { reference: 'Patient/inge' }, authored: '2026-05-26T09:30:00+02:00' };
    const { el } = await app([answered]);
    const print = await found(el, '[data-action="print"]');
    expect(words(print)).to.equal('Udskriv');
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      print.click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
  });

  it('on a phone, a selected red answer shows its guide in view, focus moves there, and "Tilbage til svaret" returns', async () => {
    await setViewport({ width: 390, height: 800 });
    const answered: QuestionnaireResponse = { ...responseOf('rehab-red'), id: 'qr1', subject: { reference: 'Patient/inge' }, authored: '2026-05-26T09:30:00+02:00' };
    const guides = nationalGuides.map((g) => toFhirBasic(g));
    const { el } = await app([answered, ...guides]);
    const view = (await found(el, 'kpro-answer-view')) as HTMLElement & { updateComplete: Promise<unknown> };
    await view.updateComplete;
    await waitUntil(() => view.shadowRoot!.querySelector('tr.answer[data-link-id="who5-score"]'));
    const row = view.shadowRoot!.querySelector<HTMLElement>('tr.answer[data-link-id="who5-score"]')!;
    row.focus();
    row.click();
    const dialog = (await found(el, 'dialog.guide-sheet')) as HTMLDialogElement;
    await waitUntil(() => dialog.open && deep(dialog, '[data-guide-id].selected'), 'the guide opened in the sheet', { timeout: 3000 });
    const guide = deep(dialog, '[data-guide-id].selected')!;
    await waitUntil(() => {
      const box = guide.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    }, 'the selected guide is on screen');
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    expect(dialog.contains(active), 'focus is in the guide sheet').to.equal(true);
    (deep(el.shadowRoot!, '[data-action="back-to-answer"]') as HTMLButtonElement).click();
    expect(dialog.open).to.equal(false);
    expect(view.shadowRoot!.activeElement, 'back at the answer').to.equal(row);
  });
});
