import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DraftStore, Questionnaire, QuestionnaireResponse } from '@kpro/core';
import './kpro-questionnaire.js';
import type { KproQuestionnaire } from './questionnaire.js';
import { basicQuestionnaire } from './test-helpers/fixtures.js';

const content = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}`)).json();
const rehab = await content('kommunal-rehabilitering.json');
const who5 = await content('who-5.json');

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

async function ready(el: KproQuestionnaire): Promise<void> {
  for (let i = 0; i < 400 && !$(el, 'form') && !$(el, '.error-state'); i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

/** A draft store in memory, standing in for IndexedDB where a test needs to see or break it. */
function memoryStore(): DraftStore & { data: Map<string, QuestionnaireResponse>; failing: boolean } {
  const data = new Map<string, QuestionnaireResponse>();
  return {
    data,
    failing: false,
    async load(key) {
      const r = data.get(key);
      return r ? { response: r, savedAt: '2026-01-02T10:00:00Z' } : undefined;
    },
    async save(key, response) {
      if (this.failing) throw new Error('quota');
      data.set(key, response);
    },
    async clear(key) {
      data.delete(key);
    },
  };
}

describe('<kpro-questionnaire> with the Danish sample content', () => {
  it('renders the rehabilitation questionnaire accessibly, with scores hidden from the citizen', async function () {
    this.timeout(60000); // axe over ~40 questions takes a few seconds on 2 cores
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${rehab}></kpro-questionnaire>`);
    await ready(el);
    expect($(el, '[data-link-id="d1"]')).to.exist;
    expect($(el, '[data-link-id="who5-score"]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('computes the WHO-5 score (raw x 4) from the answers through FHIRPath', async () => {
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${who5}></kpro-questionnaire>`);
    await ready(el);
    // Answer "Lidt mere end halvdelen af tiden" (3 points) on all five items: 15 x 4 = 60.
    for (const id of ['t1', 't2', 't3', 't4', 't5']) {
      const radios = $$(el, `[data-link-id="${id}"] input[type=radio]`) as HTMLInputElement[];
      radios[2]!.click();
    }
    await el.updateComplete;
    const score = el.response!.item!.flatMap((i) => [i, ...(i.item ?? [])]).find((i) => i.linkId === 'who5-score');
    expect(score?.answer?.[0]?.valueDecimal ?? score?.answer?.[0]?.valueInteger).to.equal(60);
  });

  it('shows English questionnaire text when the citizen reads English', async () => {
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft lang="en" .questionnaire=${who5}></kpro-questionnaire>`);
    await ready(el);
    expect($(el, '[data-link-id="t1"] legend')!.textContent).to.match(/cheerful|good spirits/i);
  });
});

describe('<kpro-questionnaire> launch context', () => {
  it('fills initial values from the citizen the host gives as launchContext (%patient)', async () => {
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      url: 'urn:kpro:test:launch-context',
      extension: [
        {
          url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext',
          extension: [
            { url: 'name', valueCoding: { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/launchContext', code: 'patient' } },
            { url: 'type', valueCode: 'Patient' },
          ],
        },
      ],
      item: [
        {
          linkId: 'given',
          type: 'string',
          text: 'Fornavn',
          extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression', valueExpression: { language: 'text/fhirpath', expression: '%patient.name.first().given.first()' } }],
        },
      ],
    };
    const patient = { resourceType: 'Patient' as const, id: 'p1', name: [{ given: ['Karen'], family: 'Jensen' }] };
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .launchContext=${{ patient }} .questionnaire=${q}></kpro-questionnaire>`);
    await ready(el);
    expect(($(el, '[data-link-id="given"] input') as HTMLInputElement).value).to.equal('Karen');
    const without = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${q}></kpro-questionnaire>`);
    await ready(without);
    expect(($(without, '[data-link-id="given"] input') as HTMLInputElement).value).to.equal('');
    expect($(without, '[part~="warnings"]')).to.not.exist;
  });
});

describe('<kpro-questionnaire> drafts', () => {
  it('keeps what the citizen typed and restores it in a new element (a reload)', async () => {
    const store = memoryStore();
    const q = basicQuestionnaire;
    const first = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${store} .questionnaire=${q}></kpro-questionnaire>`);
    const input = $(first, '[data-link-id="name"] input') as HTMLInputElement;
    input.value = 'Karen';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    first.remove(); // disconnect flushes the pending draft (once the stored draft, if any, has been read)
    await waitUntil(() => store.data.size === 1, 'the draft was not saved after the element was removed');
    expect([...store.data.values()][0]?.status).to.equal('in-progress');

    const second = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${store} .questionnaire=${q}></kpro-questionnaire>`);
    await waitUntil(() => $(second, '[part~="draft-notice"]'), 'no draft notice');
    await second.updateComplete;
    expect(($(second, '[data-link-id="name"] input') as HTMLInputElement).value).to.equal('Karen');
    expect($(second, '[part~="draft-notice"]')!.textContent).to.contain('gendannet');
  });

  it('keeps an answer given while the draft is on its way, over the draft, and never overwrites the unread draft', async () => {
    const store = memoryStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: DraftStore = { ...store, load: async (key) => (await gate, store.load(key)), save: (k, r) => store.save(k, r), clear: (k) => store.clear(k) };
    const q = basicQuestionnaire;
    // A draft from before the reload: a name and "Ja" to smoking.
    const before = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${store} .questionnaire=${q}></kpro-questionnaire>`);
    await before.updateComplete;
    const name = $(before, '[data-link-id="name"] input') as HTMLInputElement;
    name.value = 'Karen';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    ($$(before, '[data-link-id="smoke"] input[type=radio]')[0] as HTMLInputElement).click();
    before.remove();
    await waitUntil(() => store.data.size === 1, 'no draft saved');

    // After the reload the citizen answers "Nej" before the slow store has answered.
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${slow} .questionnaire=${q}></kpro-questionnaire>`);
    ($$(el, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).click();
    window.dispatchEvent(new PageTransitionEvent('pagehide')); // asks for the save at once, not after the debounce
    const stored = () => [...store.data.values()][0]!;
    expect(stored().item?.find((i) => i.linkId === 'name')?.answer?.[0]?.valueString, 'the unread draft was overwritten').to.equal('Karen');

    release();
    await waitUntil(() => $(el, '[part~="draft-notice"]'), 'no draft notice');
    await el.updateComplete;
    expect(($(el, '[data-link-id="name"] input') as HTMLInputElement).value).to.equal('Karen');
    expect(($$(el, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).checked, 'the newer answer was lost').to.equal(true);
    // The held-back save now stores both.
    await waitUntil(() => stored().item?.find((i) => i.linkId === 'smoke')?.answer?.[0]?.valueCoding?.code === 'n', 'the newer answer was not saved');
    expect(stored().item?.find((i) => i.linkId === 'name')?.answer?.[0]?.valueString).to.equal('Karen');
  });

  it('saves drafts in IndexedDB by default and clears them after submit', async () => {
    const q: Questionnaire = { ...basicQuestionnaire, url: `urn:kpro:test:idb:${Math.random()}` };
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .questionnaire=${q}></kpro-questionnaire>`);
    ($$(el, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).click();
    await new Promise((r) => setTimeout(r, 400));
    el.remove();
    const again = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .questionnaire=${q}></kpro-questionnaire>`);
    await waitUntil(() => $(again, '[part~="draft-notice"]'), 'the draft was not restored from IndexedDB', { timeout: 5000 });
    await again.updateComplete;
    expect(($$(again, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).checked).to.equal(true);
    const submitted = oneEvent(again, 'kpro-response-submit');
    ($(again, 'button[type=submit]') as HTMLButtonElement).click();
    await again.updateComplete;
    ($(again, '[data-action="send-anyway"]') as HTMLButtonElement).click();
    await submitted;
    await new Promise((r) => setTimeout(r, 50));
    again.remove();
    const third = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .questionnaire=${q}></kpro-questionnaire>`);
    await new Promise((r) => setTimeout(r, 300)); // time for a draft to arrive, were there one
    expect($(third, '[part~="draft-notice"]')).to.not.exist;
    expect(($$(third, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).checked).to.equal(false);
  });

  it('keeps the draft when the host takes over the submit (preventDefault) until markSubmitted', async () => {
    const store = memoryStore();
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${store} .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
    ($$(el, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).click();
    let taken = false;
    el.addEventListener('kpro-response-submit', (e) => ((taken = true), e.preventDefault()), { once: true });
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '[data-action="send-anyway"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 400));
    expect(taken, 'the host took the submit').to.equal(true);
    expect(store.data.size).to.equal(1);
    expect($(el, '[part~="submitted"]')).to.not.exist;
    await el.markSubmitted();
    await el.updateComplete;
    expect(store.data.size).to.equal(0);
    expect($(el, '[part~="submitted"]')).to.exist;
  });

  it('warns visibly when drafts cannot be saved, and keeps the answers on screen', async () => {
    const store = memoryStore();
    store.failing = true;
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire .draftStore=${store} .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
    ($$(el, '[data-link-id="smoke"] input[type=radio]')[0] as HTMLInputElement).click();
    await new Promise((r) => setTimeout(r, 400));
    await el.updateComplete;
    expect($(el, '[role=alert]')!.textContent).to.contain('kunne ikke gemmes');
    expect(($$(el, '[data-link-id="smoke"] input[type=radio]')[0] as HTMLInputElement).checked).to.equal(true);
  });
});

describe('<kpro-questionnaire> modes and layout', () => {
  it('sets author to the clinician and source to the citizen in clinician mode', async () => {
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft mode="clinician" .subject=${{ reference: 'Patient/1' }} .author=${{ reference: 'Practitioner/9' }} .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
    ($$(el, '[data-link-id="smoke"] input[type=radio]')[1] as HTMLInputElement).click();
    const r = el.response!;
    expect(r.author?.reference).to.equal('Practitioner/9');
    expect(r.source?.reference).to.equal('Patient/1');
    expect($(el, '.badge')!.textContent).to.contain('på borgerens vegne');
  });

  it('pages one group at a time with progress, and submit on every page', async () => {
    const paged: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: ['a', 'b', 'c'].map((g) => ({
        linkId: g,
        type: 'group',
        text: `Gruppe ${g}`,
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'page' }] } }],
        item: [{ linkId: `${g}1`, type: 'string', text: `Spørgsmål ${g}`, required: g === 'c' }],
      })),
    };
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${paged}></kpro-questionnaire>`);
    expect($(el, '.page-heading')!.textContent).to.contain('Side 1 af 3');
    expect($(el, '[data-link-id="b1"]')).to.not.exist;
    expect($(el, 'button[type=submit]')).to.exist;
    ($$(el, '.actions button').find((b) => b.textContent!.includes('Næste')) as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[data-link-id="b1"]')).to.exist;
    // Submitting from page 2 with an error on page 3: the summary links there.
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '.summary a') as HTMLAnchorElement).click();
    await el.updateComplete;
    expect($(el, '[data-link-id="c1"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('cannot be broken by host page CSS, and its CSS does not reach the host page', async () => {
    const style = document.createElement('style');
    style.textContent = 'input, label, button { display: none !important; } .options > label { color: rgb(255, 0, 0); } * { letter-spacing: 20px; }';
    document.head.append(style);
    const outside = document.createElement('button');
    outside.className = 'primary';
    document.body.append(outside);
    try {
      const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
      const radio = $(el, '[data-link-id="smoke"] input[type=radio]')!;
      expect(getComputedStyle(radio).display).to.not.equal('none');
      expect(getComputedStyle($(el, '.options > label')!).color).to.not.equal('rgb(255, 0, 0)');
      expect(getComputedStyle($(el, '.label')!).letterSpacing).to.equal('normal');
      // Our .primary button style stays inside: the host page's .primary button is untouched.
      style.textContent = '';
      expect(getComputedStyle(outside).backgroundColor).to.not.equal(getComputedStyle($(el, 'button.primary')!).backgroundColor);
    } finally {
      style.remove();
      outside.remove();
    }
  });

  it('never runs script or loads frames from questionnaire HTML', async () => {
    const evil: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'x',
          type: 'display',
          text: 'x',
          _text: {
            extension: [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml',
                valueString: '<div>Hej <b>du</b><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><iframe src="https://example.org"></iframe><style>:host{display:none}</style><a href="javascript:window.__pwned=3">klik</a><a href="https://sundhed.dk">ok</a><form><input></form></div>',
              },
            ],
          },
        },
      ],
    };
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${evil}></kpro-questionnaire>`);
    await ready(el);
    await new Promise((r) => setTimeout(r, 50));
    const display = $(el, '[data-link-id="x"]')!;
    expect(display.querySelector('b')!.textContent).to.equal('du');
    expect(display.querySelector('script, img, iframe, style, form, input')).to.equal(null);
    const links = [...display.querySelectorAll('a')];
    expect(links.filter((a) => a.hasAttribute('href'))).to.have.length(1);
    expect(links.find((a) => a.hasAttribute('href'))!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    (links[0] as HTMLAnchorElement).click();
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('can be answered with the keyboard only, and announces errors when a field is left', async () => {
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
    const first = $(el, '[data-link-id="smoke"] input[type=radio]') as HTMLInputElement;
    first.focus();
    await sendKeys({ press: 'Space' });
    expect(el.response!.item![0]!.answer![0]!.valueCoding!.code).to.equal('y');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.response!.item![0]!.answer![0]!.valueCoding!.code).to.equal('n');
    // Tab to the name field (the integer item is disabled again after "Nej").
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.closest('[data-link-id]')?.getAttribute('data-link-id')).to.equal('name');
    await sendKeys({ type: 'Karen' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'abc' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.response!.item!.find((i) => i.linkId === 'name')!.answer![0]!.valueString).to.equal('Karen');
    expect($(el, '[part~="live"]')!.textContent).to.contain('Skriv et tal');
    expect($(el, '[data-link-id="weight"] input')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('works at narrow phone width', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 320px"><kpro-questionnaire no-draft .questionnaire=${basicQuestionnaire}></kpro-questionnaire></div>`);
    const el = wrap.querySelector('kpro-questionnaire')!;
    await el.updateComplete;
    const form = $(el, 'form')!;
    expect(form.scrollWidth).to.be.at.most(320);
  });
});
