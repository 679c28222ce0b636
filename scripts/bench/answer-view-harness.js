// In-page side of the answer-view bench: <kpro-answer-view> from the built bundle, timed from setting
// `questionnaire` and `responses` to the painted frame that shows every answer row of the newest response
// (the triage of every response, the course and the render all count). run.mjs calls this through page.evaluate.
import { generateAnswerViewQuestionnaire, generateAnswerViewResponses } from './answer-view-data.js';

/** Resolves after the next frame has been painted: rAF runs before paint, a posted message after it. */
const nextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );

let el;
let questionnaire;
let responses;
let expected = 0;

/** The element's rows and columns now. */
function seen() {
  const root = el.shadowRoot;
  const last = root.querySelector(`tr.answer[data-link-id="${questionnaire.item.at(-1).item.at(-1).linkId}"]`);
  return {
    rows: root.querySelectorAll('tr.answer[data-link-id]').length,
    columns: root.querySelectorAll('.course thead th[data-response-id]').length,
    newest: root.querySelectorAll('tr.answer[data-link-id]').length === expected && !!last?.checkVisibility(),
  };
}

let computed;

window.kproAnswerBench = {
  /** Loads the bundle (`bundle`: another build's path, for comparing builds), generates the data and mounts an empty element, outside any timing. */
  async prepare(items, count, bundle = '/packages/elements/dist/kpro-elements.js') {
    await import(bundle);
    await customElements.whenDefined('kpro-answer-view');
    questionnaire = generateAnswerViewQuestionnaire(items);
    responses = generateAnswerViewResponses(questionnaire, count);
    expected = questionnaire.item.reduce((n, g) => n + g.item.length, 0);
    el = document.createElement('kpro-answer-view');
    document.getElementById('host').append(el);
    await el.updateComplete;
    await nextPaint();
  },
  /**
   * Milliseconds from handing over the data to the painted frames that show the newest response's colours
   * (`newestMs`) and every response in the course (`ms`), checked every frame.
   */
  async mount() {
    const t0 = performance.now();
    el.questionnaire = questionnaire;
    el.responses = responses;
    let newestMs;
    for (;;) {
      await nextPaint();
      const now = performance.now() - t0;
      const s = seen();
      if (s.newest && newestMs === undefined) newestMs = now;
      if ((s.newest && s.columns === responses.length) || now > 20000) {
        computed = el.results;
        return { ms: now, newestMs, complete: s.newest && s.columns === responses.length, ...s };
      }
    }
  },
  /**
   * The render alone: a fresh element given the triage results as well (as a host with the server's
   * verdicts would), so no colouring runs. Call after mount().
   */
  async mountWithResults() {
    const fresh = document.createElement('kpro-answer-view');
    el.replaceWith(fresh);
    el = fresh;
    await el.updateComplete;
    await nextPaint();
    const t0 = performance.now();
    el.triage = computed;
    el.questionnaire = questionnaire;
    el.responses = responses;
    await el.updateComplete;
    await nextPaint();
    const ms = performance.now() - t0;
    const s = seen();
    return { ms, complete: s.newest && s.columns === responses.length, ...s };
  },
  /**
   * With more than six responses the course starts with its domains: milliseconds from a click on its
   * button to the painted frame with a row per question, each with a cell per response. Call after
   * mountWithResults().
   */
  async expandCourse() {
    const root = el.shadowRoot;
    const toggle = root.querySelector('.course-toggle');
    if (!toggle || toggle.getAttribute('aria-expanded') !== 'false') return { ms: NaN, complete: false, error: 'no closed course button' };
    const t0 = performance.now();
    toggle.click();
    await el.updateComplete;
    await nextPaint();
    const ms = performance.now() - t0;
    const rows = [...root.querySelectorAll('.course tr.course-item')];
    return { ms, complete: rows.length === expected && rows.every((r) => r.querySelectorAll('td').length === responses.length), rows: rows.length };
  },
};
window.kproAnswerBenchReady = true;
