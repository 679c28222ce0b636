import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { toFhirBasic, type ActionGuide, type TriageResult } from '@kpro/core';
import './kpro-action-guide.js';
import type { KproActionGuide } from './action-guide.js';
import type { KproActionCompleteEvent } from './action-guide.events.js';
import type { KproErrorEvent } from '../shared/error-event.js';
import { clone, nationalGuides, testkommune, triageOf, triageOfWho5 } from '../../../core/src/guidance/test-helpers/guides.js';

const $ = <T extends Element = HTMLElement>(el: KproActionGuide, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: KproActionGuide, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const guideIds = (el: KproActionGuide) => $$(el, '[data-guide-id]').map((g) => g.dataset.guideId);
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const sleepAndSmoking = await triageOf({ s1: '3-4', s2: 'en-del', s3: 'nej', r1: 'ja-dagligt' }, undefined, 'da');
const red = await triageOf(
  { 'humoer-1': 'naesten-hele-tiden', 'humoer-2': 'ofte', h1: 'meget', h2: 'en-del', h3: 'meget', h4: 'lidt', s1: '5-7', s2: 'meget', s3: 'ja', n1: 'ingen', n2: 'lidt', n3: 'svaert', e1: 'ofte', a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'ugentligt', r1: 'ja-dagligt', r2: 'ja-men-ikke-nu', f1: 2, f2: 'ja-meget', x1: 'ja-meget', x2: 'ja', m1: 'meget-utryg', m2: 'meget' },
  [2, 2, 1, 1, 1],
);
const green = await triageOf({ r1: 'aldrig-roeget', s1: '0', s2: 'slet-ikke', s3: 'nej' });

async function make(triage: TriageResult | undefined, guides: unknown = [...nationalGuides], attrs: { municipality?: string; lang?: string } = {}) {
  const el = await fixture<KproActionGuide>(html`<kpro-action-guide lang=${attrs.lang ?? 'da'} .guides=${guides} .triage=${triage} municipality=${attrs.municipality ?? ''}></kpro-action-guide>`);
  await el.updateComplete;
  return el;
}

describe('<kpro-action-guide>', () => {
  it('is accessible with every guide open (red citizen, with the municipal overlay)', async () => {
    const el = await make(red, [...nationalGuides, testkommune], { municipality: '0999' });
    for (const d of $$(el, 'details')) (d as HTMLDetailsElement).open = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible in its empty states', async () => {
    await expect(await make(green)).to.be.accessible();
    await expect(await make(red, [])).to.be.accessible();
  });

  it('shows the guides that apply, most severe first, with the answers that triggered them', async () => {
    const el = await make(sleepAndSmoking);
    expect(guideIds(el)).to.deep.equal(['hv-04-rygning', 'hv-05-soevn']);
    expect($$(el, '[data-guide-id]').map((g) => g.dataset.severity)).to.deep.equal(['red', 'yellow']);
    const why = $$(el, '[data-guide-id="hv-05-soevn"] .why [data-link-id]').map((li) => li.dataset.linkId);
    expect(why).to.have.members(['s1', 's2']);
    expect(text($(el, '[data-guide-id="hv-04-rygning"] summary'))).to.contain('Rød').and.contain('Rygning');
    expect(text($(el, '[data-guide-id="hv-04-rygning"] .why'))).to.contain('→ rød');
  });

  it('a red citizen gets all ten guides, red ones first', async () => {
    const el = await make(red);
    expect(guideIds(el)).to.have.length(10);
    const sev = $$(el, '[data-guide-id]').map((g) => g.dataset.severity);
    expect(sev.indexOf('yellow')).to.be.greaterThan(sev.lastIndexOf('red'));
  });

  it('shows "Ingen handlevejledninger til denne besvarelse" when nothing applies', async () => {
    const el = await make(green);
    expect(text($(el, '[data-state="none"]'))).to.equal('Ingen handlevejledninger til denne besvarelse');
    expect(guideIds(el)).to.deep.equal([]);
  });

  it('has a distinct state when the questionnaire has no guides at all', async () => {
    const el = await make(red, []);
    expect($(el, '[data-state="none"]')).to.equal(null);
    expect(text($(el, '[data-state="no-guides"]'))).to.contain('ingen handlevejledninger til dette spørgeskema');
    // Guides written for another questionnaire, about its items by linkId.
    const other = await make(red, nationalGuides.map((g) => ({ ...g, questionnaire: 'https://other.example/Questionnaire/x', when: [{ linkId: 'r1', colours: ['red'] }] })));
    expect($(other, '[data-state="no-guides"]')).to.not.equal(null);
  });

  it('a red stand-alone WHO-5 (score 20) shows the WHO-5 guide, though the guide was written for the rehabilitation questionnaire', async () => {
    const el = await make(await triageOfWho5([1, 1, 1, 1, 1]));
    // Strings only in the assertions: chai describing a shadow-DOM element can take the page down.
    expect(guideIds(el)).to.deep.equal(['hv-01-mental-trivsel']);
    expect(text($(el, '[data-state]'))).to.equal('');
    expect($(el, '[data-guide-id="hv-01-mental-trivsel"]')!.dataset.severity).to.equal('red');
    const why = $$(el, '[data-guide-id="hv-01-mental-trivsel"] .why [data-link-id]');
    expect(why.map((li) => li.dataset.linkId)).to.deep.equal(['who5-score', 't1', 't2', 't3', 't4', 't5']);
    expect(text(why[0]!)).to.contain(': 20, ').and.contain('→ rød');
  });

  it('reads FUT Basic resources as well as our JSON', async () => {
    const el = await make(sleepAndSmoking, nationalGuides.map((g) => toFhirBasic(g)));
    expect(guideIds(el)).to.deep.equal(['hv-04-rygning', 'hv-05-soevn']);
  });

  it('opens and scrolls to the guide of an answer selected in the answer view (kpro-answer-select on document)', async () => {
    const el = await make(sleepAndSmoking);
    const details = () => $<HTMLDetailsElement>(el, '[data-guide-id="hv-05-soevn"] details')!;
    expect(details().open).to.equal(false);
    let scrolled = false;
    const li = $(el, '[data-guide-id="hv-05-soevn"]')!;
    li.scrollIntoView = () => (scrolled = true);
    const source = document.createElement('div');
    document.body.append(source);
    source.dispatchEvent(new CustomEvent('kpro-answer-select', { detail: { linkId: 's2' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(details().open).to.equal(true);
    expect(scrolled).to.equal(true);
    expect(li.classList.contains('selected')).to.equal(true);
    expect(text($(el, '[role="status"][aria-live]'))).to.contain('Søvn');
    // A domain row selects too.
    source.dispatchEvent(new CustomEvent('kpro-answer-select', { detail: { linkId: 'rygning' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, '[data-guide-id="hv-04-rygning"] details')!.open).to.equal(true);
    // An answer without a guide says so.
    source.dispatchEvent(new CustomEvent('kpro-answer-select', { detail: { linkId: 'x1' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text($(el, '[role="status"][aria-live]'))).to.contain('ingen handlevejledning');
    source.remove();
  });

  it('with for="…" follows only that answer view', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <div id="av1"><span class="inner"></span></div>
      <div id="av2"></div>
      <kpro-action-guide for="av1" .guides=${[...nationalGuides]} .triage=${sleepAndSmoking}></kpro-action-guide>
    </div>`);
    const el = wrap.querySelector('kpro-action-guide')!;
    await el.updateComplete;
    wrap.querySelector('#av2')!.dispatchEvent(new CustomEvent('kpro-answer-select', { detail: { linkId: 's1' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.selectedLinkId).to.equal(undefined);
    wrap.querySelector('.inner')!.dispatchEvent(new CustomEvent('kpro-answer-select', { detail: { linkId: 's1' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.selectedLinkId).to.equal('s1');
  });

  it('the selected-link-id property opens the guide too', async () => {
    const el = await make(sleepAndSmoking);
    el.selectedLinkId = 'r1';
    await el.updateComplete;
    expect($<HTMLDetailsElement>(el, '[data-guide-id="hv-04-rygning"] details')!.open).to.equal(true);
  });

  it('copies a phrase with one click and confirms "Kopieret"', async () => {
    const el = await make(sleepAndSmoking);
    let written = '';
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (written = t) } });
    try {
      $(el, '[data-guide-id="hv-05-soevn"] .phrase .copy')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(written).to.equal(nationalGuides.find((g) => g.id === 'hv-05-soevn')!.phrases[0]!.text);
      expect(text($(el, '[data-guide-id="hv-05-soevn"] .phrase .copied'))).to.equal('Kopieret');
      // Visible where the eye is: the button itself says "Kopieret" (with a mark), not only a screen-reader status.
      const button = $(el, '[data-guide-id="hv-05-soevn"] .phrase .copy')!;
      expect(text(button)).to.equal('✓ Kopieret');
      expect(button.dataset.copied).to.equal('true');
      expect(getComputedStyle(button).backgroundColor, 'the button changes look').to.not.equal(getComputedStyle($(el, '.phrase .copy[data-copied="false"]')!).backgroundColor);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('falls back when the Clipboard API fails: the phrase is selected, and says so if copying is impossible', async () => {
    const el = await make(sleepAndSmoking);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    const exec = document.execCommand;
    document.execCommand = () => false;
    el.selectedLinkId = 's1';
    await el.updateComplete;
    try {
      $(el, '[data-guide-id="hv-05-soevn"] .phrase .copy')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(text($(el, '[data-guide-id="hv-05-soevn"] .copy-failed'))).to.contain('Ctrl+C');
      expect(getSelection()!.toString()).to.contain('sover dårligt');
      document.execCommand = () => true;
      $(el, '[data-guide-id="hv-05-soevn"] .phrase .copy')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(text($(el, '[data-guide-id="hv-05-soevn"] .phrase .copied'))).to.equal('Kopieret');
    } finally {
      document.execCommand = exec;
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('links open safely in a new window; phone numbers are tel: links', async () => {
    const el = await make(red);
    const links = $$(el, '.offer a[href^="http"]');
    expect(links.length).to.be.greaterThan(10);
    for (const a of links) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    const tel = $<HTMLAnchorElement>(el, '[data-offer-id="alkolinjen"] a[href^="tel:"]')!;
    expect(tel.getAttribute('href')).to.equal('tel:80200500');
    expect(text(tel)).to.equal('Ring 80 200 500');
  });

  it('"Drøftet med borgeren" fires kpro-action-complete and marks the guide', async () => {
    const el = await make(sleepAndSmoking);
    const button = $(el, '[data-guide-id="hv-05-soevn"] button.discuss')!;
    setTimeout(() => button.click());
    const e = (await oneEvent(el, 'kpro-action-complete')) as KproActionCompleteEvent;
    expect(e.detail).to.deep.include({ guideId: 'hv-05-soevn', responseId: 'qr-1', severity: 'yellow' });
    expect(e.detail.linkIds).to.have.members(['s1', 's2']);
    expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '[data-guide-id="hv-05-soevn"] summary'))).to.contain('Drøftet med borgeren');
  });

  it('a cancelled kpro-action-complete leaves the guide unmarked', async () => {
    const el = await make(sleepAndSmoking);
    el.addEventListener('kpro-action-complete', (e) => e.preventDefault());
    $(el, '[data-guide-id="hv-04-rygning"] button.discuss')!.click();
    await el.updateComplete;
    expect($(el, '[data-guide-id="hv-04-rygning"] button.discuss')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('shows where each offer comes from, with the municipal overlay for Testkommune', async () => {
    const el = await make(sleepAndSmoking, [...nationalGuides, testkommune], { municipality: '0999' });
    const sleep = '[data-guide-id="hv-05-soevn"]';
    expect(text($(el, `${sleep} [data-offer-id="soevnskole"] .origin`))).to.equal('Kommunalt tilbud, Testkommune');
    expect($(el, `${sleep} [data-offer-id="soevnskole"]`)!.dataset.level).to.equal('municipal');
    expect(text($(el, `${sleep} [data-offer-id="egen-laege"] .origin`))).to.equal('Nationalt tilbud');
    expect($(el, `${sleep} [data-offer-id="cbt-i"]`)).to.equal(null);
    expect(text($(el, `${sleep} [data-phrase-id="dagene"]`))).to.contain('søvnskole').and.contain('Tilpasset af Testkommune');
    // Another municipality: national content only.
    el.municipality = '0101';
    await el.updateComplete;
    expect($(el, `${sleep} [data-offer-id="soevnskole"]`)).to.equal(null);
    expect($(el, `${sleep} [data-offer-id="cbt-i"]`)).to.not.equal(null);
  });

  it('skips an unsafe guide with a visible warning and a kpro-error (warning); nothing unsafe is rendered', async () => {
    const evil = clone(nationalGuides.find((g) => g.id === 'hv-05-soevn')!) as ActionGuide;
    evil.offers[0]!.url = 'javascript:alert(1)';
    const html2 = clone(nationalGuides.find((g) => g.id === 'hv-04-rygning')!) as ActionGuide;
    html2.phrases[0]!.text = '<img src=x onerror=alert(1)>';
    const errors: KproErrorEvent[] = [];
    const wrap = await fixture<HTMLElement>(html`<div @kpro-error=${(e: KproErrorEvent) => errors.push(e)}></div>`);
    const el = document.createElement('kpro-action-guide');
    el.guides = [...nationalGuides.filter((g) => g.id !== 'hv-05-soevn' && g.id !== 'hv-04-rygning'), evil, html2, '{not json'];
    el.triage = sleepAndSmoking;
    wrap.append(el);
    await el.updateComplete;
    expect(guideIds(el)).to.deep.equal([]);
    expect(text($(el, '[data-state="none"]'))).to.contain('Ingen handlevejledninger');
    expect($$(el, '[part~="warnings"] li').map((li) => li.dataset.code)).to.deep.equal(['guide-unsafe-link', 'guide-html', 'guide-invalid-json']);
    expect(text($(el, '[part~="warnings"]'))).to.contain('hv-05-soevn: et link er ikke sikkert');
    expect(errors.map((e) => [e.detail.code, e.detail.severity])).to.deep.equal([
      ['guide-unsafe-link', 'warning'],
      ['guide-html', 'warning'],
      ['guide-invalid-json', 'warning'],
    ]);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('English UI; the guide content stays in its own language (Danish)', async () => {
    const el = await make(sleepAndSmoking, [...nationalGuides, testkommune], { municipality: '0999', lang: 'en' });
    expect(text($(el, 'h2'))).to.equal('Action guides');
    const sleep = $(el, '[data-guide-id="hv-05-soevn"]')!;
    expect(text(sleep.querySelector('.badge'))).to.equal('Yellow');
    expect(sleep.querySelector('h3')!.getAttribute('lang')).to.equal('da');
    expect(text(sleep.querySelector('h3'))).to.equal('Søvn');
    expect(text(sleep.querySelector('button.discuss'))).to.equal('Discussed with the citizen');
    expect(text(sleep.querySelector('[data-offer-id="soevnskole"] .origin'))).to.equal('Municipal offer, Testkommune');
    expect(sleep.querySelector('.phrase q')!.closest('[lang]')!.getAttribute('lang')).to.equal('da');
    const empty = await make(green, [...nationalGuides], { lang: 'en' });
    expect(text($(empty, '[data-state="none"]'))).to.equal('No action guides for this response');
  });

  it('without a triage result asks for one', async () => {
    const el = await make(undefined);
    expect($(el, '[data-state="no-triage"]')).to.not.equal(null);
  });
});
