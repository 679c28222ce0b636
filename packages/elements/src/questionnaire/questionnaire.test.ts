import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import type { QuestionnaireResponse } from '@kpro/core';
import './kpro-questionnaire.js';
import type { KproQuestionnaire } from './questionnaire.js';
import { basicQuestionnaire } from './test-helpers/fixtures.js';

async function render(q: unknown = basicQuestionnaire, attrs: { lang?: string; readonly?: boolean } = {}): Promise<KproQuestionnaire> {
  const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft lang=${attrs.lang ?? 'da'} ?readonly=${attrs.readonly ?? false} .questionnaire=${q}></kpro-questionnaire>`);
  await el.updateComplete;
  return el;
}

const $ = (el: KproQuestionnaire, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: KproQuestionnaire, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

function choose(el: KproQuestionnaire, linkId: string, index: number): void {
  const input = $$(el, `[data-link-id="${linkId}"] input[type=radio]`)[index] as HTMLInputElement;
  input.click();
}

function type(el: KproQuestionnaire, linkId: string, text: string): void {
  const input = $(el, `[data-link-id="${linkId}"] input, [data-link-id="${linkId}"] textarea`) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<kpro-questionnaire>', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('renders every enabled item with data-link-id and hides items behind enableWhen', async () => {
    const el = await render();
    for (const id of ['smoke', 'name', 'weight', 'ok', 'when', 'meds', 'med', 'side']) {
      expect($(el, `[data-link-id="${id}"]`), id).to.exist;
    }
    expect($(el, '[data-link-id="howmuch"]')).to.not.exist;
    expect($(el, '[data-link-id="which"]')).to.not.exist;
  });

  it('reveals a dependant after an answer and emits kpro-response-change with the response', async () => {
    const el = await render();
    const ev = oneEvent(el, 'kpro-response-change');
    choose(el, 'smoke', 0);
    const { detail } = (await ev) as CustomEvent<QuestionnaireResponse>;
    expect(detail.resourceType).to.equal('QuestionnaireResponse');
    expect(detail.item?.[0]?.answer?.[0]?.valueCoding?.code).to.equal('y');
    await el.updateComplete;
    expect($(el, '[data-link-id="howmuch"]')).to.exist;
    choose(el, 'smoke', 1);
    await el.updateComplete;
    expect($(el, '[data-link-id="howmuch"]')).to.not.exist;
  });

  it('keeps a disabled question dormant (hidden, out of the accessibility tree, no data-link-id) and shows it in place', async () => {
    const el = await render();
    const dormant = () => $$(el, '[data-item][hidden]').find((e) => e.querySelector('input[data-kind="integer"], input[data-kind="decimal"]'));
    const before = dormant()!;
    expect(before, 'the dependant is rendered dormant').to.exist;
    expect(before.hasAttribute('data-link-id')).to.equal(false);
    expect(before.checkVisibility()).to.equal(false);
    choose(el, 'smoke', 0);
    await el.updateComplete;
    const shown = $(el, '[data-link-id="howmuch"]')!;
    // The same element, shown in place: nothing was parsed or replaced.
    expect(shown).to.equal(before);
    expect(shown.checkVisibility()).to.equal(true);
    type(el, 'howmuch', '12');
    await el.updateComplete;
    choose(el, 'smoke', 1);
    await el.updateComplete;
    expect($(el, '[data-link-id="howmuch"]')).to.not.exist;
    expect(el.response!.item!.some((i) => i.linkId === 'howmuch'), 'a disabled answer is left out').to.equal(false);
    choose(el, 'smoke', 0);
    await el.updateComplete;
    // The answer was kept while disabled and is shown again.
    expect(($(el, '[data-link-id="howmuch"] input') as HTMLInputElement).value).to.equal('12');
    await expect(el).to.be.accessible();
  });

  it('parses Danish decimals and keeps them in the response', async () => {
    const el = await render();
    type(el, 'weight', '72,5');
    await el.updateComplete;
    const item = el.response!.item!.find((i) => i.linkId === 'weight');
    expect(item?.answer?.[0]?.valueDecimal).to.equal(72.5);
  });

  it('shows a translated validation message and a summary on submit, and does not submit', async () => {
    const el = await render();
    let submitted = false;
    el.addEventListener('kpro-response-submit', () => (submitted = true));
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    const summary = $(el, '.summary');
    expect(summary).to.exist;
    expect(summary!.getAttribute('role')).to.equal('alert');
    expect($(el, '[data-link-id="smoke"] .error')!.textContent).to.contain('Besvar spørgsmålet');
  });

  it('submits a completed response with author and source for the citizen', async () => {
    const el = await render();
    el.subject = { reference: 'Patient/p1' };
    choose(el, 'smoke', 1);
    await el.updateComplete;
    const ev = oneEvent(el, 'kpro-response-submit');
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    // Optional questions are unanswered: asked once, then sent.
    ($(el, '[data-action="send-anyway"]') as HTMLButtonElement).click();
    const { detail } = (await ev) as CustomEvent<QuestionnaireResponse>;
    expect(detail.status).to.equal('completed');
    expect(detail.author?.reference).to.equal('Patient/p1');
    expect(detail.source?.reference).to.equal('Patient/p1');
    expect(detail.authored).to.be.a('string');
  });

  it('never sends a form with nothing answered: a translated notice, no event', async () => {
    const optional = { ...basicQuestionnaire, item: basicQuestionnaire.item!.map((i) => ({ ...i, required: false })) };
    const el = await render(optional);
    let submitted = false;
    el.addEventListener('kpro-response-submit', () => (submitted = true));
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    await aTimeout(0);
    expect(submitted).to.equal(false);
    const check = $(el, '[data-check="empty"]');
    expect(check, 'the empty-form notice').to.exist;
    expect(check!.getAttribute('role')).to.equal('alert');
    expect(check!.textContent).to.contain('Der er ikke svaret på nogen spørgsmål');
    expect(el.shadowRoot!.activeElement, 'focus on the notice').to.equal(check);
    expect($(el, '[part~="submitted"]')).to.not.exist;
  });

  it('asks once when optional questions are unanswered ("Du har ikke besvaret 5 af 7"), and "keep answering" sends nothing', async () => {
    const el = await render();
    let submitted = 0;
    el.addEventListener('kpro-response-submit', () => submitted++);
    choose(el, 'smoke', 1);
    await el.updateComplete;
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    const check = $(el, '[data-check="confirm"]')!;
    expect(check.getAttribute('role')).to.equal('alertdialog');
    const asked = el.shadowRoot!.querySelectorAll('[data-item]:not([hidden]) input, [data-item]:not([hidden]) textarea, [data-item]:not([hidden]) select').length;
    expect(asked, 'the form has several inputs').to.be.greaterThan(3);
    expect(check.textContent).to.match(/Du har ikke besvaret \d+ af \d+ spørgsmål\. Send alligevel\?/);
    expect(submitted).to.equal(0);
    await expect(el).to.be.accessible();
    ($(el, '[data-action="keep-answering"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[data-check]')).to.not.exist;
    expect(submitted).to.equal(0);
    expect(el.shadowRoot!.activeElement?.closest('[data-link-id]')?.getAttribute('data-link-id'), 'focus on the first unanswered question').to.equal('name');
  });

  it('after a submit on the citizen\'s behalf, speaks to the clinician, not the citizen', async () => {
    const el = await fixture<KproQuestionnaire>(html`<kpro-questionnaire no-draft mode="clinician" .questionnaire=${basicQuestionnaire}></kpro-questionnaire>`);
    el.subject = { reference: 'Patient/p1', display: 'Inge Test Jensen' };
    el.author = { reference: 'Practitioner/x' };
    choose(el, 'smoke', 1);
    await el.updateComplete;
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '[data-action="send-anyway"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const done = $(el, '[part~="submitted"]')!;
    expect(done.textContent).to.contain('Svarene er gemt for Inge Test Jensen');
    expect(done.textContent).to.not.contain('112');
    expect(done.textContent).to.not.contain('Tak, dine svar');
  });

  it('keeps each repetition of a repeating group and its own enableWhen', async () => {
    const el = await render();
    ($(el, '[data-action="add-repeat"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const sides = $$(el, '[data-link-id="side"]');
    expect(sides).to.have.length(2);
    (sides[1]!.querySelector('input[value="true"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect($$(el, '[data-link-id="which"]')).to.have.length(1);
    const meds = el.response!.item!.filter((i) => i.linkId === 'meds');
    expect(meds).to.have.length(1);
  });

  it('switches language at run time from the lang attribute', async () => {
    const el = await render();
    expect($(el, '[data-link-id="smoke"] legend')!.textContent).to.contain('Ryger du?');
    el.setAttribute('lang', 'en');
    await aTimeout(0);
    await el.updateComplete;
    expect($(el, '[data-link-id="smoke"] legend')!.textContent).to.contain('Do you smoke?');
    expect($(el, 'button[type=submit]')!.textContent).to.contain('Send answers');
  });

  it('shows answers as text in read-only review mode', async () => {
    const el = await render(basicQuestionnaire, { readonly: true });
    el.response = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [{ linkId: 'smoke', answer: [{ valueCoding: { system: 'urn:test', code: 'y', display: 'Ja' } }] }],
    };
    await el.updateComplete;
    expect($(el, 'input')).to.not.exist;
    expect($(el, '[data-link-id="smoke"] output')!.textContent).to.contain('Ja');
    expect($(el, 'button[type=submit]')).to.not.exist;
  });

  for (const [name, input, code] of [
    ['not JSON', '{oops', 'not-json'],
    ['not a Questionnaire', { resourceType: 'Patient' }, 'not-questionnaire'],
    ['STU3', { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice', option: [] }] }, 'wrong-fhir-version'],
    ['an enableWhen cycle', { resourceType: 'Questionnaire', status: 'active', item: [
      { linkId: 'a', type: 'boolean', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
      { linkId: 'b', type: 'boolean', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
    ] }, 'enablewhen-cycle'],
    ['a broken expression', { resourceType: 'Questionnaire', status: 'active', item: [
      { linkId: 'a', type: 'decimal', extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression', valueExpression: { language: 'text/fhirpath', expression: '1 +* (' } }] },
    ] }, 'expression-error'],
    ['an unknown modifier extension', { resourceType: 'Questionnaire', status: 'active', modifierExtension: [{ url: 'urn:x', valueBoolean: true }], item: [] }, 'unsupported-modifier'],
  ] as const) {
    it(`shows a translated error and fires kpro-error for ${name}`, async () => {
      const el = document.createElement('kpro-questionnaire');
      el.noDraft = true;
      const ev = oneEvent(el, 'kpro-error');
      document.body.append(el);
      el.questionnaire = input as never;
      const { detail } = (await ev) as CustomEvent<{ code: string; severity: string }>;
      expect(detail.code, (detail as unknown as { message: string }).message).to.equal(code);
      expect(detail.severity).to.equal('error');
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role=alert]');
      expect(alert?.textContent).to.contain('Spørgeskemaet kan ikke vises');
      el.remove();
    });
  }
});
