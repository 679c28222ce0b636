import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { readClinicalImpression, responseSaysSomething, toClinicalImpression, triageResponse, type Questionnaire, type QuestionnaireResponse, type TriageResult } from '@kpro/core';
import './kpro-answer-view.js';
import type { KproAnswerView } from './answer-view.js';
import type { KproErrorEvent } from '../shared/error-event.js';
import { WORKED_EXAMPLES, courseRequests, example, files, library, rehabCourse, responseOf, workedExampleResponse } from './test-helpers/fixtures.js';

interface Props {
  questionnaire?: unknown;
  responses?: unknown;
  triage?: unknown;
  requests?: unknown;
  lang?: string;
  bigScreen?: boolean;
}

/** Creates the element, sets its properties and waits until the colours are shown. */
async function render(p: Props = {}, listen?: (el: KproAnswerView) => void): Promise<KproAnswerView> {
  const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang=${p.lang ?? 'da'} ?big-screen=${p.bigScreen ?? false}></kpro-answer-view>`);
  listen?.(el);
  Object.assign(el, {
    questionnaire: 'questionnaire' in p ? p.questionnaire : library,
    responses: p.responses ?? [responseOf('rehab-red')],
    ...(p.triage ? { triage: p.triage } : {}),
    ...(p.requests ? { requests: p.requests } : {}),
  });
  await el.updateComplete;
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: KproAnswerView, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: KproAnswerView, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: KproAnswerView, sel = '.base') => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const collect = (el: KproAnswerView) => {
  const events: KproErrorEvent[] = [];
  el.addEventListener('kpro-error', (e) => events.push(e));
  return events;
};

/** Every [data-link-id] in the shadow root has the engine's colour for that item or domain, and nothing is missing. */
function expectColoursOf(el: KproAnswerView, result: TriageResult, label: string): void {
  const domains = new Map(result.domains.map((d) => [d.linkId, d.significance]));
  const rows = $$(el, '[data-link-id]');
  expect(rows.length, `${label}: rows`).to.be.greaterThan(0);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const id = row.dataset.linkId!;
    const significance = row.dataset.significance;
    if (row.classList.contains('domain-row')) {
      expect(significance, `${label}: domain ${id}`).to.equal(domains.get(id));
      continue;
    }
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    const item = result.items.filter((i) => i.linkId === id)[k];
    expect(item, `${label}: row ${id} is an item`).to.not.equal(undefined);
    expect(significance, `${label}: item ${id} (${item!.reason.text})`).to.equal(item!.significance);
  }
  for (const i of result.items) expect(seen.has(i.linkId), `${label}: a row for ${i.linkId}`).to.equal(true);
  for (const d of result.domains) expect($(el, `tr.domain-row[data-link-id="${d.linkId}"]`), `${label}: domain row ${d.linkId}`).to.exist;
}

describe('<kpro-answer-view>', () => {
  describe('accessibility', () => {
    it('is accessible', async () => {
      const el = await render();
      await expect(el).to.be.accessible();
    });

    it('is accessible in big-screen mode', async () => {
      const el = await render({ bigScreen: true });
      await expect(el).to.be.accessible();
    });

    it('is accessible with a course, the filter on and a selected row', async () => {
      const el = await render({ responses: rehabCourse(), requests: courseRequests });
      $<HTMLButtonElement>(el, 'button.filter')!.click();
      $(el, 'tr.answer[data-significance="yellow"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('never shows a colour alone: every badge has an icon and a text label', async () => {
      const el = await render();
      for (const b of $$(el, '.badge')) {
        expect(b.querySelector('.icon[aria-hidden="true"]')!.textContent!.trim(), 'icon').to.not.equal('');
        expect(b.textContent!.replace(b.querySelector('.icon')!.textContent!, '').trim(), 'label').to.not.equal('');
      }
    });
  });

  describe('colours match the triage engine (worked examples)', () => {
    for (const e of WORKED_EXAMPLES) {
      it(`${e.id}: ${e.shows}`, async () => {
        const response = workedExampleResponse(e, files[e.questionnaire]);
        const el = await render({ responses: [response] });
        if (!responseSaysSomething(response)) {
          // A response without a single answer is never shown as a result: the view says it left it out.
          expect($(el, 'tr.answer'), `${e.id}: no rows for a blank response`).to.not.exist;
          expect(text(el, '[data-code="responses-blank"]')).to.contain('En besvarelse uden svar er ikke vist');
          return;
        }
        const result = await triageResponse(library, response);
        expectColoursOf(el, result, e.id);
        expect($(el, '.overall .badge')!.dataset.colour, 'overall').to.equal(e.expect.overall);
        for (const [id, colour] of Object.entries(e.expect.domains)) {
          expect($(el, `tr.domain-row[data-link-id="${id}"]`)!.dataset.significance, `domain ${id}`).to.equal(colour);
        }
        for (const [id, colour] of Object.entries(e.expect.items ?? {})) {
          expect($(el, `[data-link-id="${id}"]`)!.dataset.significance, `item ${id}`).to.equal(colour);
        }
      });
    }

    it('colours the newest response when there are several', async () => {
      const course = rehabCourse();
      const el = await render({ responses: course });
      expectColoursOf(el, await triageResponse(library, course[0]!), 'course');
    });

    it('takes a single Questionnaire object as well as a list of versions', async () => {
      const response = responseOf('who5-32');
      const el = await render({ questionnaire: files['who-5'], responses: [response] });
      expectColoursOf(el, await triageResponse(files['who-5'], response), 'single');
    });

    it('colours a response to an older version with that version’s rules', async () => {
      const el = await render({ responses: [responseOf('who5-v0.9-32')] });
      expect($(el, '[data-link-id="who5-score"]')!.dataset.significance).to.equal('yellow');
      expect(text(el, '.source')).to.contain('version 0.9.0');
    });
  });

  describe('overview', () => {
    it('shows the citizen’s agenda first, with the chosen domains and free text', async () => {
      const el = await render();
      const sections = $$(el, '.base > section, .base > header');
      expect(sections[0]!.tagName).to.equal('HEADER');
      expect(sections[1]!.classList.contains('agenda')).to.equal(true);
      const agenda = text(el, '.agenda');
      expect(agenda).to.contain('Det vil borgeren gerne tale om');
      expect(agenda).to.contain('Andet: Min hofte');
      expect($(el, '.agenda [data-link-id="d1"]')!.dataset.significance).to.equal('none');
      expect($(el, 'tr.domain-row[data-link-id="alkohol"] .on-agenda')).to.exist;
    });

    it('says so when the citizen chose nothing to talk about', async () => {
      const r = responseOf('rehab-green');
      const noAgenda = { ...r, item: r.item!.filter((i) => i.linkId !== 'dagsorden') };
      const el = await render({ responses: [noAgenda] });
      expect(text(el, '.agenda')).to.contain('Der er ikke valgt emner til samtalen.');
    });

    it('shows no agenda box for a questionnaire without an agenda question (WHO-5 alone)', async () => {
      const el = await render({ responses: [responseOf('who5-32')] });
      expect($(el, '.agenda')).to.not.exist;
      expect(text(el)).to.not.contain('Det vil borgeren gerne tale om');
    });

    it('never leads with a response without answers: the newest that says something leads, and the view says one was left out', async () => {
      const [newest, ...older] = rehabCourse();
      const blank: QuestionnaireResponse = { ...newest!, id: 'blank', authored: '2030-01-01T10:00:00Z', item: [{ linkId: 'trivsel', item: [{ linkId: 't1' }] }] };
      const el = await render({ responses: [blank, newest!, ...older] });
      expect($(el, '.meta')!.textContent).to.not.contain('2030');
      expect(el.results[0]!.responseId, 'the newest response with answers leads').to.equal(newest!.id);
      expect(el.results.map((r) => r.responseId)).to.not.include('blank');
      expect(text(el, '[part~="warnings"]')).to.contain('En besvarelse uden svar er ikke vist');
      expect($$(el, '.course thead th[data-response-id]').map((th) => th.dataset.responseId)).to.not.include('blank');
    });

    it('orders the domains red, yellow, green, grey, uncoloured, with icon, label, counts and scores', async () => {
      const response = responseOf('rehab-yellow');
      const el = await render({ responses: [response] });
      const result = await triageResponse(library, response);
      const order = ['red', 'yellow', 'green', 'grey', 'none'];
      const ranks = $$(el, 'tr.domain-row').map((r) => order.indexOf(r.dataset.significance!));
      expect(ranks).to.deep.equal([...ranks].sort((a, b) => a - b));
      expect(ranks[0]).to.equal(1);
      expect(ranks.at(-1)).to.equal(4);
      const trivsel = $(el, 'tr.domain-row[data-link-id="trivsel"]')!;
      expect(trivsel.textContent).to.contain('▲');
      expect(trivsel.textContent).to.contain('Gul – drøft og følg op');
      expect(trivsel.textContent!.replace(/\s+/g, ' ')).to.contain('WHO-5 trivselsscore (0–100): 48 (gul)');
      expect($(el, 'table.domains thead th[scope="col"]')).to.exist;
      expect(text(el, '.counts')).to.contain('Rød – kræver særlig opmærksomhed: 0 svar');
      expect($(el, '.counts [data-colour="yellow"]')!.dataset.count).to.equal(String(result.items.filter((i) => i.significance === 'yellow').length));
    });

    it('shows the grey label for an unanswered domain', async () => {
      const el = await render({ responses: [responseOf('who5-missing-item')] });
      expect(text(el, 'tr.domain-row[data-link-id="trivsel"]')).to.match(/–\s*Ikke besvaret/);
    });
  });

  describe('details', () => {
    it('shows every answer with its question, answer, colour label and reason', async () => {
      const el = await render({ responses: [responseOf('who5-32')] });
      const row = $(el, 'tr.answer[data-link-id="who5-score"]')!;
      expect(row.textContent).to.contain('WHO-5 trivselsscore (0–100)');
      expect(row.textContent).to.contain('32');
      expect(row.textContent).to.contain('Rød – kræver særlig opmærksomhed');
      // The reason gives the answer and the rule; the question is in the row already.
      expect(row.querySelector('.reason')!.textContent).to.equal('32, højst 35 → rød');
    });

    it('keeps uncoloured answers quiet (no chip) and marks calculated scores and flags as calculated', async () => {
      const el = await render({ responses: [responseOf('rehab-red')] });
      const quiet = $$(el, 'tr.answer[data-significance="none"]');
      expect(quiet.length, 'some answers have no rule').to.be.greaterThan(0);
      for (const row of quiet) expect(row.querySelector('.colour-cell .badge'), row.dataset.linkId).to.not.exist;
      expect(quiet[0]!.querySelector('.reason')!.textContent).to.contain('ingen farve');
      const flag = $(el, 'tr.answer[data-link-id="netvaerk-risiko"]')!;
      expect(flag.querySelector('th .calculated-tag')!.textContent).to.equal('Beregnet');
      expect($(el, 'tr.answer[data-link-id="who5-score"] th .calculated-tag')).to.exist;
      expect($(el, 'tr.answer[data-link-id="t1"] th .calculated-tag'), 'a question the citizen answered').to.not.exist;
    });

    it('filters to red and yellow answers', async () => {
      const el = await render();
      const button = $<HTMLButtonElement>(el, 'button.filter')!;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect($$(el, 'tr.answer').every((r) => r.checkVisibility())).to.equal(true);
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(el.onlyFlagged).to.equal(true);
      const visible = $$(el, 'tr.answer').filter((r) => r.checkVisibility());
      expect(visible.length).to.be.greaterThan(0);
      expect(visible.every((r) => ['red', 'yellow'].includes(r.dataset.significance!))).to.equal(true);
      expect($$(el, 'tr.answer[data-significance="green"]').some((r) => r.checkVisibility())).to.equal(false);
      button.click();
      await el.updateComplete;
      expect($$(el, 'tr.answer').every((r) => r.checkVisibility())).to.equal(true);
    });

    it('expands and collapses a domain, and all of them', async () => {
      const el = await render();
      const toggle = $<HTMLButtonElement>(el, '.domain[data-domain="trivsel"] .domain-toggle')!;
      const body = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(body.checkVisibility()).to.equal(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(body.checkVisibility()).to.equal(false);
      expect($(el, 'tr.answer[data-link-id="t1"]'), 'rows stay in the DOM').to.exist;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      $<HTMLButtonElement>(el, 'button.collapse-all')!.click();
      await el.updateComplete;
      expect($$(el, '.domain-toggle').every((b) => b.getAttribute('aria-expanded') === 'false')).to.equal(true);
      $<HTMLButtonElement>(el, 'button.expand-all')!.click();
      await el.updateComplete;
      expect($$(el, '.domain-toggle').every((b) => b.getAttribute('aria-expanded') === 'true')).to.equal(true);
    });

    it('selects an answer with a click: kpro-answer-select with the linkId, and a visible selected state', async () => {
      const el = await render();
      const row = $(el, 'tr.answer[data-link-id="h1"]')!;
      const ev = oneEvent(el, 'kpro-answer-select');
      (row.querySelector('td') as HTMLElement).click();
      const e = await ev;
      expect(e.detail).to.deep.equal({ linkId: 'h1' });
      expect(e.bubbles).to.equal(true);
      expect(e.composed).to.equal(true);
      await el.updateComplete;
      expect(row.getAttribute('aria-current')).to.equal('true');
      expect($$(el, 'tr.answer[aria-current]').length).to.equal(1);
    });

    it('selects an answer with Enter and with Space', async () => {
      const el = await render();
      const row = $(el, 'tr.answer[data-link-id="s1"]')!;
      row.focus();
      let ev = oneEvent(el, 'kpro-answer-select');
      await sendKeys({ press: 'Enter' });
      expect((await ev).detail.linkId).to.equal('s1');
      const next = $(el, 'tr.answer[data-link-id="s2"]')!;
      next.focus();
      ev = oneEvent(el, 'kpro-answer-select');
      await sendKeys({ press: 'Space' });
      expect((await ev).detail.linkId).to.equal('s2');
      await el.updateComplete;
      expect(next.getAttribute('aria-current')).to.equal('true');
      expect(row.hasAttribute('aria-current')).to.equal(false);
    });

    it('reaches every answer row with Tab', async () => {
      const el = await render({ responses: [responseOf('who5-32')] });
      const rows = $$(el, 'tr.answer');
      expect(rows.every((r) => r.tabIndex === 0)).to.equal(true);
    });
  });

  describe('course over time', () => {
    it('shows a column per response with date and conversation, and the WHO-5 change in words', async () => {
      const el = await render({ responses: rehabCourse(), requests: courseRequests });
      const heads = $$(el, '.course thead th[data-response-id]');
      expect(heads.map((h) => h.dataset.responseId)).to.deep.equal(['start', 'mid', 'slut']);
      expect(heads[0]!.textContent).to.contain('15. jan. 2025');
      expect(heads[0]!.textContent).to.contain('Første samtale (start)');
      expect(heads[2]!.textContent).to.contain('Afsluttende samtale (uge 12)');
      expect(heads[2]!.textContent).to.contain('seneste');
      const who5 = $(el, '.trend[data-score="who5-score"]')!;
      expect(who5.textContent).to.contain('28 → 32 → 44');
      const change = who5.querySelector('.change')!;
      expect(change.textContent).to.contain('Bedre: +12 point, klinisk betydende');
      expect(change.classList.contains('better')).to.equal(true);
      const chart = who5.querySelector('svg')!;
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.equal('WHO-5 trivselsscore (0–100) over tid: 28 → 32 → 44');
      expect(chart.querySelectorAll('circle').length).to.equal(3);
      expect(text(el, 'tr.domain-row[data-link-id="trivsel"]')).to.contain('Bedre: +12 point, klinisk betydende');
      expect($(el, '.trend[data-score="auditc-score"]'), 'a score never calculated has no trend').to.not.exist;
      // Every answer compared over time: one cell per response.
      const h1 = $(el, '.course tr.course-item[data-course-link-id="h1"]')!;
      expect(h1.querySelectorAll('td').length).to.equal(3);
      expect(h1.textContent).to.contain('Meget');
    });

    it('shows markup in answers and titles as text in the course table', async () => {
      const q = files['kommunal-rehabilitering'];
      const markup = '<img src=x onerror="window.kproPwned=1">';
      const [, mid, start] = rehabCourse();
      const slut = { ...workedExampleResponse({ id: 'slut', questionnaire: 'kommunal-rehabilitering', shows: '', answers: { d1: [markup] }, expect: { overall: 'none', domains: {} } }, q), id: 'x"y' };
      const requests = courseRequests.map((r) => (r.id === 'sr-start' ? { ...r, code: { text: '<b>Start</b> & "første"' } } : r));
      const el = await render({ responses: [slut, mid!, start!], requests });
      const course = $(el, '.course')!;
      expect(course.querySelector('img, b'), 'no element from the data').to.equal(null);
      expect(course.textContent).to.contain(markup);
      expect(course.textContent).to.contain('<b>Start</b> & "første"');
      expect($$(el, '.course thead th[data-response-id]').map((h) => h.dataset.responseId)).to.deep.equal(['start', 'mid', 'x"y']);
      expect((window as unknown as { kproPwned?: number }).kproPwned).to.equal(undefined);
    });

    it('marks filtered rows in the course as well', async () => {
      const el = await render({ responses: rehabCourse(), requests: courseRequests });
      expect($$(el, '.course tr.course-item.filtered-out').length).to.equal(0);
      el.onlyFlagged = true;
      await el.updateComplete;
      expect($$(el, '.course tr.course-item.filtered-out').length).to.be.greaterThan(0);
    });

    it('numbers the conversations when nothing names them, and marks a worsening in words', async () => {
      const [a, b] = rehabCourse();
      const el = await render({ responses: [b!, a!].map((r) => ({ ...r, basedOn: undefined })) });
      const heads = $$(el, '.course thead th[data-response-id]');
      expect(heads[0]!.textContent).to.contain('1. besvarelse');
      expect(heads[1]!.textContent).to.contain('2. besvarelse');
      const change = $(el, '.trend[data-score="who5-score"] .change')!;
      expect(change.textContent).to.contain('Dårligere: -12 point, klinisk betydende');
      expect(change.classList.contains('worse')).to.equal(true);
    });

    it('names the conversations from a CarePlan’s activities or the basedOn display', async () => {
      const [a, b] = rehabCourse();
      const plan: fhir4.CarePlan = {
        resourceType: 'CarePlan',
        status: 'active',
        intent: 'plan',
        subject: { reference: 'Patient/p1' },
        activity: [{ reference: { reference: 'ServiceRequest/sr-mid', display: 'Midtvejs' } }],
      };
      const el = await render({ responses: [{ ...a!, basedOn: [{ display: 'Slutsamtale' }] }, b!], requests: [plan] });
      const heads = $$(el, '.course thead th[data-response-id]');
      expect(heads[0]!.textContent).to.contain('Midtvejs');
      expect(heads[1]!.textContent).to.contain('Slutsamtale');
    });

    it('shows the newest response first while the earlier ones are coloured, then the course', async () => {
      const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang="da"></kpro-answer-view>`);
      el.questionnaire = library;
      el.responses = rehabCourse();
      let early = false;
      for (let i = 0; i < 200 && !early; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        early = !!$(el, '.course-pending') && !!$(el, 'tr.answer[data-link-id="who5-score"]');
        if ($(el, '.course')) break;
      }
      expect(early, 'the newest response was shown before the course').to.equal(true);
      expect(text(el, '.course-pending')).to.equal('Beregner farverne i de tidligere besvarelser …');
      await el.updateComplete;
      expect($(el, '.course-pending')).to.not.exist;
      expect($$(el, '.course thead th[data-response-id]').length).to.equal(3);
      expect(el.results.map((r) => r.responseId)).to.deep.equal(['slut', 'mid', 'start']);
    });

    /** `n` responses, newest first: the three of the rehab course over and over, a week apart. */
    const longCourse = (n: number): QuestionnaireResponse[] => {
      const base = rehabCourse();
      return Array.from({ length: n }, (_, i) => ({
        ...base[i % 3]!,
        id: `r${n - i}`,
        basedOn: undefined,
        authored: new Date(Date.UTC(2025, 0, 1 + 7 * (n - i))).toISOString(),
      }));
    };

    it('shows the questions of a course of up to six responses at once, with a button that shows only the domains', async () => {
      const el = await render({ responses: longCourse(6) });
      const toggle = $(el, '.course-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.getAttribute('aria-controls')).to.equal('course-table');
      expect(toggle.textContent).to.contain('Vis kun områderne over tid');
      expect($$(el, '.course tr.course-item').length).to.be.greaterThan(10);
      toggle.click();
      await el.updateComplete;
      expect($$(el, '.course tr.course-item').length).to.equal(0);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    it('starts a longer course with the domains and shows every question on request', async () => {
      const el = await render({ responses: longCourse(8) });
      const toggle = $(el, '.course-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($$(el, '.course tr.course-item').length, 'no question rows yet').to.equal(0);
      const domainRows = $$(el, '.course tr.course-domain');
      expect(domainRows.length).to.be.greaterThan(2);
      for (const row of domainRows) expect(row.querySelectorAll('td').length, `${row.dataset.courseDomain}: a cell per response`).to.equal(8);
      const questions = Number(/Vis alle (\d+) spørgsmål over tid/.exec(toggle.textContent ?? '')?.[1]);
      expect(questions).to.be.greaterThan(10);
      await expect(el).to.be.accessible();

      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.textContent).to.contain('Vis kun områderne over tid');
      const rows = $$(el, '.course tr.course-item');
      expect(rows.length, 'every question counted on the button has a row').to.equal(questions);
      expect(rows.every((r) => r.querySelectorAll('td').length === 8)).to.equal(true);
      await expect(el).to.be.accessible();

      el.lang = 'en';
      toggle.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(toggle.textContent).to.contain(`Show all ${questions} questions over time`);
    });

    it('prints a longer course with every question, and hides its button in print', async () => {
      const el = await render({ responses: longCourse(8) });
      window.dispatchEvent(new Event('beforeprint'));
      expect($$(el, '.course tr.course-item').length, 'rendered in the beforeprint task').to.be.greaterThan(10);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect($$(el, '.course tr.course-item').length).to.equal(0);
      el.print = true;
      await el.updateComplete;
      expect($$(el, '.course tr.course-item').length).to.be.greaterThan(10);
      expect(getComputedStyle($(el, '.course-toggle')!).display).to.equal('none');
    });

    it('shows no course for a single response', async () => {
      const el = await render();
      expect($(el, '.course')).to.not.exist;
    });
  });

  describe('server verdict', () => {
    it('shows the server’s triage result for the newest response and says so', async () => {
      const response = { ...responseOf('rehab-yellow'), id: 'qr-1' };
      const computed = await triageResponse(library, response);
      const ci = toClinicalImpression(computed, { subject: { reference: 'Patient/p1' }, date: '2025-01-16T09:00:00+01:00', id: 'ci-1' });
      // The server says red overall; the view shows its verdict, not its own.
      ci.finding = [{ itemCodeableConcept: { coding: [{ system: 'http://ehealth.sundhed.dk/cs/clinicalimpression-finding-codes', code: 'red' }] } }];
      const el = await render({ responses: [response], triage: [ci] });
      expect($(el, '.overall .badge')!.dataset.colour).to.equal('red');
      const source = $(el, '.source')!;
      expect(source.dataset.source).to.equal('server');
      expect(source.textContent).to.contain('Farverne er beregnet af serveren');
      expect(source.textContent).to.contain('16. jan. 2025');
      expectColoursOf(el, await readClinicalImpression(ci, library, { response }), 'server');
      expect(text(el, 'tr.answer[data-link-id="who5-score"] .reason')).to.contain('serverens vurdering');
    });

    it('takes an already computed TriageResult as the server’s', async () => {
      const response = { ...responseOf('who5-52'), id: 'qr-2' };
      const server: TriageResult = { ...(await triageResponse(library, response)), source: 'server', date: '2025-01-16', overall: 'yellow' };
      const el = await render({ responses: [response], triage: [server] });
      expect($(el, '.overall .badge')!.dataset.colour).to.equal('yellow');
      expect($(el, '.source')!.dataset.source).to.equal('server');
    });

    it('computes in the browser, naming the rules, when the server has no verdict for the response', async () => {
      const el = await render({ responses: [{ ...responseOf('who5-32'), id: 'other' }], triage: [] });
      const source = $(el, '.source')!;
      expect(source.dataset.source).to.equal('computed');
      expect(source.textContent).to.equal('Farverne er beregnet i browseren efter regler fra WHO-5 Trivselsindeks version 1.0.0.');
    });

    it('shows a loading state while the colours are calculated', async () => {
      const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang="da"></kpro-answer-view>`);
      el.questionnaire = library;
      el.responses = [responseOf('rehab-red')];
      // Lit renders in a microtask; the colours take longer (the engine is asynchronous).
      for (let i = 0; i < 3; i++) await null;
      expect(text(el, '.state[role="status"]')).to.equal('Beregner farverne …');
      await el.updateComplete;
      expect($(el, '.state')).to.not.exist;
      expect($(el, '[data-link-id]')).to.exist;
    });
  });

  describe('performance', () => {
    it('colours each response once: another view of the same objects renders in its first update', async () => {
      const responses = rehabCourse();
      await render({ responses });
      const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang="da"></kpro-answer-view>`);
      el.questionnaire = library;
      el.responses = responses;
      for (let i = 0; i < 3; i++) await null;
      // Booleans, not elements: a failing assertion on an element makes the runner serialise it.
      expect(!!$(el, '.state'), 'no loading state').to.equal(false);
      expect($$(el, '.course thead th[data-response-id]').length).to.equal(3);
    });

    it('renders given triage results in its first update', async () => {
      const responses = [{ ...responseOf('who5-32'), id: 'given-1' }];
      const results = [await triageResponse(library, responses[0]!)];
      const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang="da"></kpro-answer-view>`);
      Object.assign(el, { questionnaire: library, responses, triage: results });
      for (let i = 0; i < 3; i++) await null;
      expect($(el, 'tr.answer[data-link-id="who5-score"]')!.dataset.significance).to.equal('red');
    });
  });

  describe('bad input', () => {
    it('shows a translated warning and fires kpro-error for a response to another questionnaire, and still shows the answers', async () => {
      let events: KproErrorEvent[] = [];
      const el = await render({ questionnaire: files['kommunal-rehabilitering'], responses: [responseOf('who5-32')] }, (e) => (events = collect(e)));
      const box = $(el, '[part~="warnings"]')!;
      expect(box).to.exist;
      expect(box.textContent).to.contain('Besvarelsen hører til et andet spørgeskema');
      const codes = events.map((e) => e.detail.code);
      expect(codes).to.include('response-mismatch');
      expect(events.every((e) => e.detail.severity === 'warning')).to.equal(true);
      expect(new Set(codes.map((c, i) => `${c}${JSON.stringify(events[i]!.detail.params)}`)).size, 'one event per distinct warning').to.equal(codes.length);
      expect($(el, 'tr.answer[data-link-id="t1"]'), 'answers still shown').to.exist;
    });

    it('reports unknown linkIds and malformed rules, one event per distinct warning', async () => {
      const q = structuredClone(files['who-5']) as Questionnaire;
      const t1 = q.item!.flatMap((i) => i.item ?? []).find((i) => i.linkId === 't1')!;
      const rule = t1.extension!.find((x) => x.url.endsWith('answerSignificance'))!;
      const condition = rule.extension!.find((x) => x.url.endsWith('ehealth-answer-Condition'))!;
      condition.extension = condition.extension!.map((x) => (x.url === 'operator' ? { url: 'operator', valueCode: '~' } : x));
      const response: QuestionnaireResponse = { ...responseOf('who5-32'), item: [...responseOf('who5-32').item!, { linkId: 'zz', answer: [{ valueString: 'x' }] }] };
      let events: KproErrorEvent[] = [];
      const el = await render({ questionnaire: q, responses: [response, { ...response, id: 'older' }] }, (e) => (events = collect(e)));
      const codes = events.map((e) => e.detail.code).sort();
      expect(codes).to.deep.equal(['rule-bad-operator', 'unknown-link-id']);
      const box = text(el, '[part~="warnings"]');
      expect(box).to.contain('ukendt operator (~)');
      expect(box).to.contain('(zz)');
      expect($(el, 'tr.answer[data-link-id="who5-score"]')!.dataset.significance).to.equal('red');
    });

    it('shows an error state and fires kpro-error (error) for something that is not a Questionnaire', async () => {
      let events: KproErrorEvent[] = [];
      const el = await render({ questionnaire: { resourceType: 'Patient' } }, (e) => (events = collect(e)));
      expect($(el, '.error-state')!.getAttribute('role')).to.equal('alert');
      expect(text(el, '.error-state')).to.contain('ikke et FHIR-spørgeskema (men Patient)');
      expect(events.map((e) => [e.detail.code, e.detail.severity])).to.deep.equal([['not-a-questionnaire', 'error']]);
    });

    it('shows an error state for responses that are not responses', async () => {
      let events: KproErrorEvent[] = [];
      const el = await render({ responses: { resourceType: 'Patient' } }, (e) => (events = collect(e)));
      expect($(el, '.error-state')).to.exist;
      expect(events.map((e) => [e.detail.code, e.detail.severity])).to.deep.equal([['not-responses', 'error']]);
    });

    it('leaves out list entries that are not responses, with a warning', async () => {
      let events: KproErrorEvent[] = [];
      const el = await render({ responses: [responseOf('who5-32'), { resourceType: 'Patient' }] }, (e) => (events = collect(e)));
      expect(events.map((e) => e.detail.code)).to.deep.equal(['response-skipped']);
      expect(text(el, '[part~="warnings"]')).to.contain('Besvarelse nr. 2 er ikke en besvarelse');
      expect($(el, '[data-link-id="who5-score"]')).to.exist;
    });

    it('shows an empty state without responses', async () => {
      const el = await fixture<KproAnswerView>(html`<kpro-answer-view lang="da" .questionnaire=${library} .responses=${[]}></kpro-answer-view>`);
      await el.updateComplete;
      expect(text(el, '.state')).to.equal('Der er ingen besvarelser at vise endnu.');
      expect($(el, '[data-link-id]')).to.not.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('reflow (WCAG 1.4.10)', () => {
    /** Everything in the shadow root that reaches past the host, except inside the course's own scroll region. */
    const clipped = (node: Element | null): boolean => !!node && (getComputedStyle(node).clip !== 'auto' || clipped(node.parentElement));
    function overflowing(el: KproAnswerView): string[] {
      const host = el.getBoundingClientRect();
      const scroller = $(el, '.course .scroll');
      const out: string[] = [];
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        if (scroller && scroller !== node && scroller.contains(node)) continue;
        if (clipped(node)) continue; // visually hidden (1 px, clipped) on purpose
        if (node instanceof SVGElement && !(node instanceof SVGSVGElement)) continue;
        const box = node.getBoundingClientRect();
        if (!box.width && !box.height) continue;
        const name = `${node.localName}${node.className && typeof node.className === 'string' ? `.${node.className.trim().replace(/\s+/g, '.')}` : ''}`;
        if (box.right > host.right + 0.5 || box.left < host.left - 0.5) out.push(`${name}: ${Math.round(box.left - host.left)}…${Math.round(box.right - host.left)} of ${Math.round(host.width)}`);
        else if (node !== scroller && node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') out.push(`${name}: scrolls ${node.scrollWidth} > ${node.clientWidth}`);
      }
      return out;
    }

    for (const width of [320, 600]) {
      it(`fits a ${width} px wide container with a course: only the course table scrolls, in its own labelled region`, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><kpro-answer-view lang="da"></kpro-answer-view></div>`);
        const el = wrapper.querySelector('kpro-answer-view')!;
        el.questionnaire = library;
        el.responses = rehabCourse();
        el.requests = courseRequests;
        await el.updateComplete;
        const check = (state: string) => {
          expect(el.getBoundingClientRect().width, state).to.equal(width);
          expect(overflowing(el), state).to.deep.equal([]);
          expect(el.scrollWidth, `${state}: the host`).to.be.at.most(width);
        };
        check('as rendered');
        // And with everything laid out (content-visibility: auto skips what is off screen).
        for (const s of $$(el, '.domain, .course')) s.style.contentVisibility = 'visible';
        check('everything laid out');
        for (const s of $$(el, '.domain, .course')) s.style.contentVisibility = '';
        const scroller = $(el, '.course .scroll')!;
        expect(scroller.tabIndex).to.equal(0);
        expect(scroller.getAttribute('role')).to.equal('region');
        expect(scroller.getAttribute('aria-label') || scroller.getAttribute('aria-labelledby')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('course: the newest response is always in view', () => {
    for (const width of [1400, 840, 390]) {
      it(`shows the question and the newest response without scrolling sideways at ${width} px, even with many responses`, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><kpro-answer-view lang="da"></kpro-answer-view></div>`);
        const el = wrapper.querySelector('kpro-answer-view')!;
        const course = rehabCourse();
        // Nine responses: wider than any screen.
        const many = [...course, ...course, ...course].map((r, i) => ({ ...r, id: `r${i}`, authored: `2026-0${9 - i}-01T10:00:00Z` }));
        el.questionnaire = library;
        el.responses = many;
        await el.updateComplete;
        $<HTMLButtonElement>(el, '.course-toggle')?.click();
        await el.updateComplete;
        const course$ = $(el, '.course')!;
        course$.style.contentVisibility = 'visible';
        const scroller = $(el, '.course .scroll')!;
        expect(scroller.scrollWidth, 'the course is wider than its box').to.be.greaterThan(scroller.clientWidth);
        const box = scroller.getBoundingClientRect();
        const newest = $(el, `.course thead th[data-response-id="r0"]`)!.getBoundingClientRect();
        const question = $(el, '.course tbody tr.course-item th')!.getBoundingClientRect();
        expect(newest.right, 'newest column inside the box').to.be.at.most(box.right + 1);
        expect(newest.left, 'newest column inside the box').to.be.at.least(box.left - 1);
        expect(question.left).to.be.at.least(box.left - 1);
        // Scrolled to the start, the end or anywhere between, both stay.
        scroller.scrollLeft = scroller.scrollWidth / 2;
        const mid = $(el, `.course thead th[data-response-id="r0"]`)!.getBoundingClientRect();
        expect(mid.right).to.be.at.most(box.right + 1);
        const midQuestion = $(el, '.course tbody tr.course-item th')!.getBoundingClientRect();
        expect(midQuestion.left).to.be.at.least(box.left - 1);
        expect(midQuestion.right, 'the question and the newest column do not overlap').to.be.at.most(mid.left + 1);
      });
    }
  });

  describe('big-screen mode', () => {
    it('uses large, citizen-friendly words and hides everything internal', async () => {
      const q = structuredClone(files['kommunal-rehabilitering']);
      const el = await render({ bigScreen: true, questionnaire: q, responses: [{ ...responseOf('rehab-red'), item: [...responseOf('rehab-red').item!, { linkId: 'zz' }] }] });
      expect(el.hasAttribute('big-screen')).to.equal(true);
      const all = text(el);
      expect(all).to.contain('Det vil vi gerne tale med dig om');
      expect(all).to.contain('Det vil du gerne tale om');
      expect(all).to.not.contain('kræver særlig opmærksomhed');
      expect(all, 'no rule syntax').to.not.contain('→ rød');
      expect(all, 'no rule syntax').to.not.contain('højst');
      expect(all, 'no version').to.not.contain('version');
      expect(all, 'no linkIds').to.not.contain('who5-score');
      expect($(el, '.reason')).to.not.exist;
      expect($(el, '.source')).to.not.exist;
      expect($(el, '[part~="warnings"]')).to.not.exist;
      expect(parseFloat(getComputedStyle($(el, '.base')!).fontSize)).to.be.greaterThan(20);
      // The contract attributes stay.
      expect($(el, 'tr.answer[data-link-id="h1"]')!.dataset.significance).to.equal('red');
    });
  });

  describe('print', () => {
    it('the print layout expands every domain and hides the buttons', async () => {
      const el = await render();
      $<HTMLButtonElement>(el, 'button.collapse-all')!.click();
      await el.updateComplete;
      expect($(el, '.domain-body')!.checkVisibility()).to.equal(false);
      el.print = true;
      await el.updateComplete;
      expect($(el, '.domain-body')!.checkVisibility()).to.equal(true);
      expect($(el, '.toolbar')!.checkVisibility()).to.equal(false);
      expect($$(el, '.badge').every((b) => b.querySelector('.icon')!.textContent!.trim() !== '')).to.equal(true);
    });
  });

  describe('localisation', () => {
    it('speaks English', async () => {
      const el = await render({ lang: 'en', responses: rehabCourse(), requests: courseRequests });
      const all = text(el);
      expect(all).to.contain('What the citizen wants to talk about');
      expect(all).to.contain('Red – needs special attention');
      expect(all).to.contain('Show only red and yellow');
      expect(text(el, '.trend[data-score="who5-score"] .change')).to.contain('Better: +12 points, clinically meaningful');
      expect(text(el, 'tr.answer[data-link-id="h1"] .reason')).to.contain('A little → green');
      expect(text(el, '.course thead')).to.contain('Jan 15, 2025');
    });

    it('follows a lang change on an ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="da"><kpro-answer-view></kpro-answer-view></div>`);
      const el = wrapper.querySelector('kpro-answer-view')!;
      el.questionnaire = library;
      el.responses = [responseOf('who5-32')];
      await el.updateComplete;
      expect(text(el, '.overview')).to.contain('Overblik');
      el.lang = 'en';
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, '.overview')).to.contain('Overview');
      expect(text(el, 'tr.answer[data-link-id="who5-score"] .reason')).to.contain('at most 35 → red');
    });
  });

  describe('theming', () => {
    it('takes the status colour tokens from an ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="--kpro-color-critical-fill: rgb(1, 2, 3)"><kpro-answer-view lang="da"></kpro-answer-view></div>`);
      const el = wrapper.querySelector('kpro-answer-view')!;
      el.questionnaire = library;
      el.responses = [responseOf('who5-32')];
      await el.updateComplete;
      expect(getComputedStyle($(el, '.overall .badge[data-colour="red"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });

  it('is registered once, and a second define does not throw', async () => {
    const { defineElement } = await import('../shared/define.js');
    const { KproAnswerView } = await import('./answer-view.js');
    expect(customElements.get('kpro-answer-view')).to.equal(KproAnswerView);
    expect(() => defineElement('kpro-answer-view', class extends HTMLElement {})).to.not.throw();
    expect(example('who5-32').id).to.equal('who5-32');
  });
});
