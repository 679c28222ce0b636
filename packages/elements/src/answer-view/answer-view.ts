import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  canonicalOf,
  courseOf,
  responseSaysSomething,
  findTriagingResult,
  readClinicalImpression,
  questionnaireTitle,
  triageResponse,
  type ClinicalImpression,
  type DomainTriage,
  type ItemTriage,
  type Questionnaire,
  type QuestionnaireResponse,
  type ScoreCourse,
  type ScoreTriage,
  type Significance,
  type TriageCourse,
  type TriageResult,
} from '@kpro/core';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { answerViewText, combine, DEFAULT_LANGUAGE, formatNumber, triageText } from '@kpro/core';
import { KproErrorEvent } from '../shared/error-event.js';
import styles from './answer-view.styles.js';
import { KproAnswerSelectEvent } from './answer-view.events.js';
import { COUNTED, FLAGGED, ICON, SIGNIFICANCE_ORDER, type AnswerViewTriage, type ConversationSource } from './answer-view.types.js';

type Params = Record<string, string | number>;

/** A warning to show and report: from the engine (`triage.warnings`) or the view's own (`response-skipped`). */
interface ViewWarning {
  code: string;
  message: string;
  params: Params;
}

/** One response with its triage result, as a column of the course. */
interface Column {
  response: QuestionnaireResponse;
  result: TriageResult;
  /** Formatted date (Intl) of `authored`, or ''. */
  date: string;
  /** Which conversation: the ServiceRequest/CarePlan activity title, else "2. besvarelse". */
  conversation: string;
  /** The result's items by linkId (several for repeated items). */
  readonly byLinkId: Map<string, ItemTriage[]>;
  domainsById: Map<string, DomainTriage>;
}

/** A block of answer rows in the details: a domain, or the questions outside any domain. */
interface Group {
  key: string;
  text: string;
  domain?: DomainTriage;
  items: { item: ItemTriage; key: string }[];
}

/** Everything the render needs, built once per computation (never per render). */
interface View {
  lang: string;
  /** Newest first, as the responses were given. */
  columns: Column[];
  course?: TriageCourse;
  /** The older responses are still being coloured (the newest is shown already). */
  coursePending: boolean;
  /** The newest response's domains, red first, then yellow, green, grey, uncoloured. */
  ordered: DomainTriage[];
  /** Detail blocks in the same order, then the questions outside any domain. */
  groups: Group[];
  warnings: ViewWarning[];
}

type Input =
  | { error: { code: 'not-a-questionnaire' | 'not-responses'; params: Params; message: string } }
  | {
      questionnaire?: Questionnaire | Questionnaire[];
      responses: QuestionnaireResponse[];
      skipped: number[];
      /** How many responses were left out because they hold no answers. */
      blank: number;
      results: TriageResult[];
      impressions: ClinicalImpression[];
    };

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object';
const isQuestionnaire = (x: unknown): x is Questionnaire => isObject(x) && x.resourceType === 'Questionnaire';
const isResponse = (x: unknown): x is QuestionnaireResponse => isObject(x) && x.resourceType === 'QuestionnaireResponse';
const isResult = (x: unknown): x is TriageResult => isObject(x) && (x.source === 'computed' || x.source === 'server') && Array.isArray(x.items);
const rank = (s: Significance) => SIGNIFICANCE_ORDER.indexOf(s);

/** Resolves after the next painted frame (or 50 ms when frames are not drawn, e.g. a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

/** How long the older responses are coloured before yielding to the browser. */
const SLICE_MS = 8;
/**
 * Up to this many responses the course table shows every question at once; with more, it starts with the
 * domains (a colour per response each) and a button that shows the questions. Twenty responses of 50
 * questions are 1,000 cells, which few read at once and which took most of the view's render time.
 */
export const COURSE_QUESTIONS_SHOWN_UP_TO = 6;

/** Yields to the browser (input, rendering) without setTimeout's clamping of nested timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/**
 * Triage results by input objects and language, shared by every answer view on the page: a response
 * is coloured once per questionnaire (or server verdict) and language, however often it is rendered.
 */
const memo = new WeakMap<object, unknown>();
const LANGS = {};

/** A triage result on its way; `value` once it is there (so a view of known results renders at once). */
interface Entry {
  promise: Promise<TriageResult>;
  value?: TriageResult;
}

function cached(keys: object[], lang: string, make?: () => Promise<TriageResult>): Entry | undefined {
  let level = memo;
  for (const k of keys) {
    let next = level.get(k) as WeakMap<object, unknown> | undefined;
    if (!next) {
      if (!make) return undefined;
      level.set(k, (next = new WeakMap()));
    }
    level = next;
  }
  let byLang = level.get(LANGS) as Map<string, Entry> | undefined;
  if (!byLang) {
    if (!make) return undefined;
    level.set(LANGS, (byLang = new Map()));
  }
  let entry = byLang.get(lang);
  if (!entry && make) {
    const e: Entry = { promise: make() };
    e.promise.then(
      (v) => (e.value = v),
      () => byLang!.delete(lang),
    );
    byLang.set(lang, (entry = e));
  }
  return entry;
}

/** Intl formatters are costly to create; one per language and options. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: 'n' | 'd', lang: string, opts: object): T {
  const key = `${kind}|${lang}|${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = kind === 'n' ? new Intl.NumberFormat(lang, opts) : new Intl.DateTimeFormat(lang, opts)));
  return f as T;
}
const num = (n: number, lang: string, opts: Intl.NumberFormatOptions = { maximumFractionDigits: 1 }) => formatter<Intl.NumberFormat>('n', lang, opts).format(n);
/** As core's formatDate: a date alone is local midnight; unreadable input is shown as given. */
function date(iso: string, lang: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : formatter<Intl.DateTimeFormat>('d', lang, { dateStyle: 'medium' }).format(d);
}

/**
 * The first Intl formatter on a page costs 40–80 ms (the browser loads its locale data), a date
 * formatter another 8–25 ms: more than colouring several responses. Paid once per page, in idle time
 * after the element is defined (usually while the host fetches the data), not when the answers arrive.
 */
function warmUpFormats(): void {
  const langs = new Set([document.documentElement.lang || DEFAULT_LANGUAGE, DEFAULT_LANGUAGE]);
  for (const lang of langs) {
    try {
      num(0, lang);
      formatNumber(0, lang);
      date('2000-01-01', lang);
    } catch {
      // An unknown language tag: the first render reports nothing either, it falls back.
    }
  }
}
if (typeof window !== 'undefined') {
  if ('requestIdleCallback' in window) window.requestIdleCallback(warmUpFormats, { timeout: 1000 });
  else setTimeout(warmUpFormats, 0);
}

/**
 * Shows a citizen's answers to a questionnaire the way clinicians prioritise a conversation: the
 * citizen's own agenda first, then the domains red, yellow, green, grey with their scores; every
 * answer with its colour and the reason for it; and, with several responses, the course over time
 * with the change of each score and whether it is clinically meaningful. Colours come from the
 * server's triage result when there is one for a response, else from the `@kpro/core` triage engine
 * with the rules of the questionnaire version the response was given in.
 *
 * Every answer row and every domain row carries `data-link-id` and `data-significance` (`red`,
 * `yellow`, `green`, `grey` for unanswered, `none` for no rule): the newest response's colours.
 *
 * @tagname kpro-answer-view
 * @summary Colour-coded answers with the reason for every colour, the course over time and a big-screen mode.
 * @status experimental
 * @event kpro-answer-select - The clinician selected an answer row (click, Enter or Space); `detail` is `{ linkId }`.
 * @event kpro-error - Bad input: `severity: 'error'` when nothing can be shown, `'warning'` (once per distinct warning) when the rest still is.
 * @csspart base - The wrapper.
 * @csspart header - Title, date, overall colour and where the colours come from.
 * @csspart warnings - The warning box.
 * @csspart agenda - What the citizen wants to talk about.
 * @csspart overview - The table of domains.
 * @csspart toolbar - Filter and expand/collapse buttons.
 * @csspart domain - Each domain block in the details.
 * @csspart answer - Each answer row.
 * @csspart badge - Each colour badge (icon and text).
 * @csspart trends - The scores over time (several responses).
 * @csspart course - Every answer over time, a column per response (several responses).
 * @csspart course-toggle - The button that shows the course's questions or only its domains (open by default up to six responses).
 * @csspart trend-chart - Each score's trend chart.
 * @cssproperty --kpro-color-critical-fill - Red: background (also -border, -on for border and text).
 * @cssproperty --kpro-color-attention-fill - Yellow: background (also -border, -on).
 * @cssproperty --kpro-color-normal-fill - Green: background (also -border, -on).
 * @cssproperty --kpro-color-unknown-fill - Grey (not answered): background (also -border, -on).
 * @cssproperty --kpro-answer-view-gap - Space between the sections.
 * @cssproperty --kpro-answer-view-max-width - Widest the view gets (default 72rem).
 * @cssproperty --kpro-answer-view-big-font-size - Type size in big-screen mode (default 1.5rem).
 */
export class KproAnswerView extends LitElement {
  static override styles = [hostStyles, styles];

  /** The Questionnaire, or every version you have: each response is coloured with the version it names. */
  @property({ attribute: false }) questionnaire?: Questionnaire | Questionnaire[] | string;

  /** The citizen's QuestionnaireResponses, newest first. */
  @property({ attribute: false }) responses?: QuestionnaireResponse[];

  /** The server's triage results: FUT TriagingResult ClinicalImpressions, or TriageResult objects. Shown instead of computing. */
  @property({ attribute: false }) triage?: AnswerViewTriage[] | AnswerViewTriage;

  /** ServiceRequests or CarePlans the responses are `basedOn`: their titles name the conversations ("Midtvejssamtale"). */
  @property({ attribute: false }) requests?: ConversationSource[];

  /** For the conversation with the citizen on a big screen: large type, high contrast, plain words, nothing internal. */
  @property({ type: Boolean, reflect: true, attribute: 'big-screen' }) bigScreen = false;

  /** Shows the print layout on screen (every domain expanded, no buttons). Printing uses it anyway. */
  @property({ type: Boolean, reflect: true }) print = false;

  /** Shows only red and yellow answers in the details (the "Vis kun røde og gule" toggle). */
  @property({ type: Boolean, reflect: true, attribute: 'only-flagged' }) onlyFlagged = false;

  @state() private view?: View;
  @state() private status: 'empty' | 'loading' | 'ready' | 'error' = 'empty';
  /** Responses left out because they hold no answers (said in the warnings, or in the empty state). */
  @state() private blank = 0;
  @state() private error?: { code: string; params: Params; message: string };
  @state() private collapsed: ReadonlySet<string> = new Set();
  @state() private selectedKey?: string;
  /** The course's questions shown (true) or only its domains (false); undefined: by the number of responses. */
  @state() private courseItemsOpen?: boolean;
  /** While the page prints: the course shows every question, as the print layout shows everything. */
  @state() private printing = false;

  private readonly localize = new LocalizeController(this, combine({ answerView: answerViewText, triage: triageText }));
  #token = 0;
  #lang?: string;
  /** The colouring in progress; `updateComplete` waits for it. */
  #pending?: Promise<void>;
  /** Warnings and errors already reported for the current input (each is reported once). */
  #reported = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
  }

  #beforePrint = (): void => {
    this.printing = true;
    // Rendered now, in this task, so the printed page has the rows.
    this.performUpdate();
  };

  #afterPrint = (): void => {
    this.printing = false;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') || changed.has('responses') || changed.has('triage') || changed.has('requests')) {
      this.#reported.clear();
      this.#start(true);
    } else if (this.#lang !== undefined && this.#lang !== this.localize.lang && this.status !== 'error') {
      // `lang` changed on the element or <html> (the controller saw it): the texts are in the results.
      this.#start(false);
    }
  }

  protected override updated(): void {
    // The language is resolved by the controller during the update; a change re-colours (texts are in it).
    if (this.#lang !== undefined && this.#lang !== this.localize.lang && this.status !== 'error') this.#start(false);
  }

  // ------------------------------------------------------------------------------------------ input

  #readInput(): Input {
    let q: unknown = this.questionnaire;
    if (typeof q === 'string') {
      try {
        q = JSON.parse(q);
      } catch {
        return { error: { code: 'not-a-questionnaire', params: {}, message: 'The questionnaire is not valid JSON.' } };
      }
    }
    let questionnaire: Questionnaire | Questionnaire[] | undefined;
    if (Array.isArray(q)) {
      // The list itself when it is clean: it is the cache key of the results, so it must stay the same object.
      questionnaire = q.every(isQuestionnaire) ? (q as Questionnaire[]) : q.filter(isQuestionnaire);
      if (!questionnaire.length) {
        const rt = isObject(q[0]) ? String(q[0].resourceType ?? '') : '';
        return { error: { code: 'not-a-questionnaire', params: { resourceType: rt }, message: 'No Questionnaire in the list.' } };
      }
    } else if (q !== undefined && q !== null) {
      if (!isQuestionnaire(q)) {
        const rt = isObject(q) ? String(q.resourceType ?? '') : typeof q;
        return { error: { code: 'not-a-questionnaire', params: { resourceType: rt }, message: `Not a Questionnaire (${rt}).` } };
      }
      questionnaire = q;
    }

    const given: unknown = this.responses;
    let list: unknown[];
    if (given === undefined || given === null) list = [];
    else if (Array.isArray(given)) list = given;
    else if (isResponse(given)) list = [given];
    else return { error: { code: 'not-responses', params: {}, message: 'responses is not an array of QuestionnaireResponse.' } };
    const responses: QuestionnaireResponse[] = [];
    const skipped: number[] = [];
    let blank = 0;
    list.forEach((r, i) => {
      if (!isResponse(r)) skipped.push(i + 1);
      // A response without a single answer says nothing: it never leads and is not a column of the course.
      else if (!responseSaysSomething(r)) blank++;
      else responses.push(r);
    });
    if (list.length && !responses.length && !blank) {
      return { error: { code: 'not-responses', params: {}, message: 'None of the responses is a QuestionnaireResponse.' } };
    }

    const triage = this.triage === undefined || this.triage === null ? [] : Array.isArray(this.triage) ? this.triage : [this.triage];
    return {
      ...(questionnaire ? { questionnaire } : {}),
      responses,
      skipped,
      blank,
      results: triage.filter(isResult),
      impressions: triage.filter((x): x is ClinicalImpression => isObject(x) && x.resourceType === 'ClinicalImpression'),
    };
  }

  /** The server's verdict on a response if there is one, else the colours computed from the rules. */
  #resultFor(input: Extract<Input, { responses: unknown }>, response: QuestionnaireResponse, lang: string): Promise<TriageResult> {
    const q = input.questionnaire!;
    const given = response.id ? input.results.find((r) => r.responseId === response.id) : undefined;
    if (given) return Promise.resolve(given);
    const ci = findTriagingResult(input.impressions, response);
    if (ci) return cached([ci, q, response], lang, () => readClinicalImpression(ci, q, { response, lang }))!.promise;
    return cached([q, response], lang, () => triageResponse(q, response, { lang }))!.promise;
  }

  /** The result of a response if it is at hand now (given, or coloured before), without starting anything. */
  #known(input: Extract<Input, { responses: unknown }>, response: QuestionnaireResponse, lang: string): TriageResult | undefined {
    const q = input.questionnaire!;
    const given = response.id ? input.results.find((r) => r.responseId === response.id) : undefined;
    if (given) return given;
    const ci = findTriagingResult(input.impressions, response);
    return cached(ci ? [ci, q, response] : [q, response], lang)?.value;
  }

  #start(inputChanged: boolean): void {
    const token = ++this.#token;
    this.#pending = undefined;
    const lang = this.localize.lang;
    this.#lang = lang;
    const input = this.#readInput();
    if ('error' in input) {
      this.status = 'error';
      this.error = input.error;
      this.view = undefined;
      this.#report({ ...input.error, severity: 'error' });
      return;
    }
    this.error = undefined;
    const skipped: ViewWarning[] = input.skipped.map((index) => ({
      code: 'response-skipped',
      message: `Response ${index} is not a QuestionnaireResponse; left out.`,
      params: { index },
    }));
    if (input.blank) skipped.push({ code: 'responses-blank', message: `${input.blank} response(s) without answers left out.`, params: { count: input.blank } });
    this.blank = input.blank;
    if (!input.responses.length) {
      this.status = 'empty';
      this.view = undefined;
      for (const w of skipped) this.#report({ ...w, severity: 'warning' });
      return;
    }
    if (!input.questionnaire) {
      // Responses without their questionnaire yet: the host is still fetching it.
      this.status = 'loading';
      this.view = undefined;
      return;
    }
    if (inputChanged) {
      this.view = undefined;
      this.selectedKey = undefined;
    }
    this.status = this.view ? 'ready' : 'loading';
    const job = this.#colour(token, input, skipped, lang).catch((e: unknown) => {
      if (token !== this.#token) return;
      const message = e instanceof Error ? e.message : String(e);
      this.status = 'error';
      this.view = undefined;
      this.error = { code: 'triage-failed', params: { message }, message };
      this.#report({ ...this.error, severity: 'error' });
    });
    this.#pending = job;
    void job.finally(() => {
      if (this.#pending === job) this.#pending = undefined;
    });
  }

  /**
   * Colours the responses: the newest first, shown at once (what the clinician looks at first), then the
   * older ones one by one, yielding to the browser in between, and the course when all are done.
   */
  async #colour(token: number, input: Extract<Input, { responses: unknown }>, skipped: ViewWarning[], lang: string): Promise<void> {
    const stale = () => token !== this.#token;
    const all = input.responses;
    const known = all.map((r) => this.#known(input, r, lang));
    const results: TriageResult[] = [];
    if (known.every(Boolean)) {
      // Given or coloured before: shown in this very update.
      results.push(...(known as TriageResult[]));
    } else {
      results.push(known[0] ?? (await this.#resultFor(input, all[0]!, lang)));
      if (stale()) return;
      if (all.length > 1 && !this.view) {
        this.view = this.#buildView(input, results, skipped, lang);
        this.status = 'ready';
        await afterPaint();
      }
      // The older ones in slices of about 8 ms between yields (input and frames go first), not one
      // response per task: colouring one takes a few milliseconds now, less than a yield may cost.
      let slice = performance.now();
      for (const [i, r] of all.entries()) {
        if (i === 0) continue;
        if (stale()) return;
        const k = known[i];
        results.push(k ?? (await this.#resultFor(input, r, lang)));
        if (!k && performance.now() - slice > SLICE_MS) {
          await nextTask();
          slice = performance.now();
        }
      }
      if (stale()) return;
    }
    this.view = this.#buildView(input, results, skipped, lang);
    this.status = 'ready';
    for (const w of this.view.warnings) this.#report({ ...w, severity: 'warning' });
  }

  /** The triage results shown, newest first (one per response; fewer while the course is being coloured). */
  get results(): readonly TriageResult[] {
    return this.view?.columns.map((c) => c.result) ?? [];
  }

  /** Resolves when the colours of the current input are shown (the triage runs asynchronously). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#pending) {
      await this.#pending;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  #report(d: { code: string; message: string; params: Params; severity: 'error' | 'warning' }): void {
    const key = `${d.severity}|${d.code}|${JSON.stringify(d.params)}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.dispatchEvent(new KproErrorEvent({ code: d.code, message: d.message, severity: d.severity, params: d.params }));
  }

  // ------------------------------------------------------------------------------------------- view

  #buildView(input: Extract<Input, { responses: unknown }>, results: TriageResult[], skipped: ViewWarning[], lang: string): View {
    const titles = conversationTitles(this.requests);
    const n = input.responses.length;
    const columns: Column[] = input.responses.slice(0, results.length).map((response, i) => {
      const result = results[i]!;
      const authored = response.authored ?? result.authored;
      // Items by linkId, built on first use: only the course's question rows need it for the older responses.
      let byLinkId: Map<string, ItemTriage[]> | undefined;
      return {
        response,
        result,
        date: authored ? date(authored, lang) : '',
        conversation: conversationOf(response, titles) ?? this.localize.t.answerView.ordinal(n - i),
        get byLinkId() {
          if (!byLinkId) {
            byLinkId = new Map();
            for (const item of result.items) {
              const list = byLinkId.get(item.linkId);
              if (list) list.push(item);
              else byLinkId.set(item.linkId, [item]);
            }
          }
          return byLinkId;
        },
        domainsById: new Map(result.domains.map((d) => [d.linkId, d])),
      };
    });
    const newest = columns[0]!.result;
    const ordered = newest.domains
      .map((d, i) => ({ d, i }))
      .sort((a, b) => rank(a.d.significance) - rank(b.d.significance) || a.i - b.i)
      .map((x) => x.d);

    const agendaIds = new Set(newest.agenda.items.map((a) => a.linkId));
    const domainIds = new Set(newest.domains.map((d) => d.linkId));
    const occurrences = new Map<string, number>();
    const keyed = newest.items.map((item) => {
      const k = occurrences.get(item.linkId) ?? 0;
      occurrences.set(item.linkId, k + 1);
      return { item, key: `${item.linkId}#${k}` };
    });
    const groups: Group[] = ordered.map((d) => ({ key: d.linkId, text: d.text, domain: d, items: keyed.filter((x) => x.item.domain === d.linkId) }));
    const other = keyed.filter((x) => !agendaIds.has(x.item.linkId) && !(x.item.domain && domainIds.has(x.item.domain)));
    if (other.length) groups.push({ key: '', text: this.localize.t.answerView.otherItems, items: other });

    const seen = new Set<string>();
    const warnings: ViewWarning[] = [];
    for (const w of [...skipped, ...results.flatMap((r) => r.warnings)]) {
      const key = `${w.code}|${JSON.stringify(w.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ code: w.code, message: w.message, params: w.params });
    }
    return {
      lang,
      columns,
      coursePending: results.length < n,
      ...(columns.length > 1 ? { course: courseOf(results, { lang }) } : {}),
      ordered,
      groups,
      warnings,
    };
  }

  // ---------------------------------------------------------------------------------------- actions

  #onRowClick = (e: Event): void => {
    const row = (e.target as Element | null)?.closest?.('tr.answer');
    if (row instanceof HTMLElement) this.#select(row);
  };

  #onRowKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ' && e.key !== 'Spacebar') return;
    const row = e.target as HTMLElement;
    if (!row.matches?.('tr.answer')) return;
    e.preventDefault();
    this.#select(row);
  };

  #select(row: HTMLElement): void {
    const linkId = row.dataset.linkId;
    if (!linkId) return;
    this.selectedKey = row.dataset.key;
    this.dispatchEvent(new KproAnswerSelectEvent({ linkId }));
  }

  #toggle = (e: Event): void => {
    const key = (e.currentTarget as HTMLElement).dataset.toggle ?? '';
    const next = new Set(this.collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  };

  #expandAll = (): void => {
    this.collapsed = new Set();
  };

  #collapseAll = (): void => {
    this.collapsed = new Set(this.view?.groups.map((g) => g.key) ?? []);
  };

  #toggleCourseItems = (): void => {
    const columns = this.view?.columns.length ?? 0;
    this.courseItemsOpen = !(this.courseItemsOpen ?? columns <= COURSE_QUESTIONS_SHOWN_UP_TO);
  };

  #toggleFilter = (): void => {
    this.onlyFlagged = !this.onlyFlagged;
  };

  // ----------------------------------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const a = this.localize.t.answerView;
    const lang = this.localize.lang;
    if (this.status === 'error' && this.error) {
      const text = a.errors[this.error.code as keyof typeof a.errors]?.(this.error.params) ?? this.error.message;
      return html`<div class="base" part="base" lang=${lang}>
        <div class="error-state" role="alert"><strong>${a.errorTitle}</strong><p>${text}</p></div>
      </div>`;
    }
    const view = this.view;
    if (!view) {
      return html`<div class="base" part="base" lang=${lang}>
        ${this.status === 'loading'
          ? html`<p class="state" role="status" aria-live="polite">${a.loading}</p>`
          : html`<p class="state">${a.empty}</p>
              ${this.blank ? html`<p class="state" data-code="responses-blank">${a.responsesBlank({ count: this.blank })}</p>` : nothing}`}
      </div>`;
    }
    const newest = view.columns[0]!;
    return html`<div class="base" part="base" lang=${view.lang}>
      ${this.#header(view, newest)} ${this.#warnings(view)} ${this.#agenda(newest)} ${this.#overview(view, newest.result)}
      ${view.coursePending ? html`<p class="state course-pending" role="status">${this.localize.t.answerView.courseLoading}</p>` : nothing}
      ${view.course ? this.#trends(view, view.course) : nothing} ${this.#details(view)} ${view.course ? this.#course(view) : nothing}
    </div>`;
  }

  #label(s: Significance): string {
    const a = this.localize.t.answerView;
    return this.bigScreen ? a.statusCitizen[s] : a.status[s];
  }

  #badge(s: Significance, text = this.#label(s)): TemplateResult {
    return html`<span class="badge" part="badge" data-colour=${s}><span class="icon" aria-hidden="true">${ICON[s]}</span><span>${text}</span></span>`;
  }

  #header(view: View, newest: Column): TemplateResult {
    const a = this.localize.t.answerView;
    const r = newest.result;
    const used = questionnaireOf(this.questionnaire, r.questionnaire);
    const title = (used && questionnaireTitle(used, view.lang)) || a.title;
    let source = '';
    if (r.source === 'server') source = a.sourceServer(r.date ? date(r.date, view.lang) : '');
    else if (r.questionnaire) source = a.sourceComputed(used ? questionnaireTitle(used, view.lang) || r.questionnaire : r.questionnaire.split('|')[0]!, used?.version ?? r.questionnaire.split('|')[1] ?? '');
    return html`<header class="header" part="header">
      <h2>${title}</h2>
      <p class="meta">${newest.date ? a.answered(newest.date) : nothing}${newest.date ? ' · ' : nothing}${newest.conversation}</p>
      <p class="overall">${a.overall}: ${this.#badge(r.overall)}</p>
      ${this.bigScreen || !source ? nothing : html`<p class="source" data-source=${r.source}>${source}</p>`}
    </header>`;
  }

  #warnings(view: View): TemplateResult | typeof nothing {
    if (this.bigScreen || !view.warnings.length) return nothing;
    const t = this.localize.t;
    const engine = t.triage.warnings as Record<string, ((p: Params) => string) | undefined>;
    const own: Record<string, ((p: Params) => string) | undefined> = { 'response-skipped': t.answerView.responseSkipped, 'responses-blank': t.answerView.responsesBlank };
    const text = (w: ViewWarning) => own[w.code]?.(w.params) ?? engine[w.code]?.(w.params) ?? w.message;
    return html`<div class="notice warning" part="warnings" role="status">
      <strong><span aria-hidden="true">⚠ </span>${t.answerView.warningsTitle}</strong>
      <ul>
        ${view.warnings.map((w) => html`<li data-code=${w.code}>${text(w)}</li>`)}
      </ul>
    </div>`;
  }

  #agenda(newest: Column): TemplateResult | typeof nothing {
    const a = this.localize.t.answerView;
    const r = newest.result;
    // A questionnaire without an agenda question has nothing to show here: no empty box.
    if (!r.agenda.items.length) return nothing;
    const answered = r.agenda.items.some((i) => i.answers.length);
    return html`<section class="agenda" part="agenda" aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">${this.bigScreen ? a.agendaTitleCitizen : a.agendaTitle}</h3>
      ${r.agenda.items.length
        ? html`<ul class="agenda-items">
            ${r.agenda.items.map((ai) => {
              const item = newest.byLinkId.get(ai.linkId)?.[0];
              return html`<li class="agenda-item" data-link-id=${ai.linkId} data-significance=${item?.significance ?? 'none'}>
                ${r.agenda.items.length > 1 ? html`<p>${ai.text}</p>` : nothing}
                ${ai.answers.length
                  ? html`<ul class="agenda-topics">
                      ${ai.answers.map((ans) => {
                        const d = ans.domain ? newest.domainsById.get(ans.domain) : undefined;
                        const other = !ans.domain && ans.value.valueString !== undefined;
                        return html`<li>
                          <span>${other ? a.agendaOther(ans.text) : ans.text}</span>${d ? html` ${this.#badge(d.significance, a.short[d.significance])}` : nothing}
                        </li>`;
                      })}
                    </ul>`
                  : html`<p>${a.agendaEmpty}</p>`}
              </li>`;
            })}
          </ul>`
        : nothing}
      ${!answered && !r.agenda.items.length ? html`<p>${a.agendaEmpty}</p>` : nothing}
    </section>`;
  }

  #scoreText(s: ScoreTriage): string {
    const t = this.localize.t;
    if (s.value === undefined) return t.answerView.scoreMissing(s.label);
    return t.answerView.scoreBand(s.label, num(s.value, this.view!.lang), t.triage.colour[s.significance]);
  }

  #changeText(sc: ScoreCourse | undefined): TemplateResult | typeof nothing {
    const change = sc?.latest;
    if (!change) return nothing;
    const a = this.localize.t.answerView;
    const delta = num(change.delta, this.view!.lang, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const text = (this.bigScreen ? a.changeTextCitizen : a.changeText)(change.direction, delta, change.meaningful);
    const arrow = { better: '↗', worse: '↘', unchanged: '→', up: '↗', down: '↘' }[change.direction];
    const cls = change.direction === 'better' || change.direction === 'worse' ? change.direction : 'neutral';
    return html`<span class="change ${cls}" data-direction=${change.direction}><span aria-hidden="true">${arrow} </span>${text}</span>`;
  }

  #overview(view: View, r: TriageResult): TemplateResult {
    const a = this.localize.t.answerView;
    const counts: Record<Significance, number> = { red: 0, yellow: 0, green: 0, grey: 0, none: 0 };
    for (const i of r.items) counts[i.significance]++;
    const courseOfScore = (linkId: string) => view.course?.scores.find((s) => s.linkId === linkId);
    return html`<section class="overview" aria-labelledby="overview-heading">
      <h3 id="overview-heading">${a.overviewTitle}</h3>
      <ul class="counts" aria-label=${a.countsTitle}>
        ${COUNTED.map(
          (s) => html`<li class="count" data-colour=${s} data-count=${counts[s]}>
            <span class="icon" aria-hidden="true">${ICON[s]}</span><span>${this.#label(s)}: <strong>${a.answers(counts[s])}</strong></span>
          </li>`,
        )}
      </ul>
      <table class="domains stack" part="overview" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${a.domain}</th>
            <th scope="col" role="columnheader">${a.colour}</th>
            <th scope="col" role="columnheader">${a.scores}</th>
            <th scope="col" role="columnheader">${a.answerCounts}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${view.ordered.map(
            (d) => html`<tr class="domain-row" role="row" data-link-id=${d.linkId} data-significance=${d.significance}>
              <th scope="row" role="rowheader">
                <span class="domain-name">${d.text}</span>${d.onAgenda ? html`<span class="on-agenda"><span aria-hidden="true">★ </span>${a.onAgenda}</span>` : nothing}
              </th>
              <td class="colour-cell" role="cell">${d.significance === 'none' ? nothing : this.#badge(d.significance)}</td>
              <td class="scores-cell" role="cell">
                ${d.scores.length
                  ? html`<ul>
                      ${d.scores.map((s) => html`<li data-score=${s.linkId}>${this.#scoreText(s)} ${this.#changeText(courseOfScore(s.linkId))}</li>`)}
                    </ul>`
                  : nothing}
              </td>
              <td class="counts-cell" role="cell">
                ${COUNTED.filter((s) => d.counts[s] > 0).map(
                  (s) => html`<span class="count" data-colour=${s}
                      ><span aria-hidden="true">${ICON[s]}</span> ${d.counts[s]}<span class="visually-hidden"> ${a.short[s]}</span></span
                    > `,
                )}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  #details(view: View): TemplateResult {
    const a = this.localize.t.answerView;
    return html`<section class="details" aria-labelledby="details-heading">
      <h3 id="details-heading">${a.detailsTitle}</h3>
      <div class="toolbar" part="toolbar">
        <button type="button" class="filter" aria-pressed=${this.onlyFlagged ? 'true' : 'false'} @click=${this.#toggleFilter}>${a.onlyFlagged}</button>
        <button type="button" class="expand-all" @click=${this.#expandAll}>${a.expandAll}</button>
        <button type="button" class="collapse-all" @click=${this.#collapseAll}>${a.collapseAll}</button>
      </div>
      <p class="visually-hidden" id="select-hint">${a.selectHint}</p>
      <div class="groups" @click=${this.#onRowClick} @keydown=${this.#onRowKey}>${view.groups.map((g, i) => this.#group(g, i))}</div>
    </section>`;
  }

  #group(g: Group, index: number): TemplateResult {
    const a = this.localize.t.answerView;
    const expanded = !this.collapsed.has(g.key);
    const flagged = (i: ItemTriage) => FLAGGED.includes(i.significance);
    const shown = this.onlyFlagged ? g.items.filter((x) => flagged(x.item)).length : g.items.length;
    const big = this.bigScreen;
    return html`<section class="domain" part="domain" data-domain=${g.key}>
      <h4>
        <button type="button" class="domain-toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="group-${index}" data-toggle=${g.key} @click=${this.#toggle}>
          <span class="chevron" aria-hidden="true">▸</span><span>${g.text}</span>${g.domain?.onAgenda
            ? html`<span class="on-agenda"><span aria-hidden="true">★ </span>${a.onAgenda}</span>`
            : nothing}${g.domain && g.domain.significance !== 'none' ? this.#badge(g.domain.significance) : nothing}
        </button>
      </h4>
      <div class="domain-body" id="group-${index}" ?hidden=${!expanded}>
        ${shown ? nothing : html`<p class="empty-note">${a.noFlagged}</p>`}
        <table class="answers stack" role="table" ?hidden=${!shown}>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${a.question}</th>
              <th scope="col" role="columnheader">${a.answer}</th>
              <th scope="col" role="columnheader">${a.colour}</th>
              ${big ? nothing : html`<th scope="col" role="columnheader">${a.reason}</th>`}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${g.items.map(({ item, key }) => {
              const selected = this.selectedKey === key;
              return html`<tr
                class="answer${this.onlyFlagged && !flagged(item) ? ' filtered-out' : ''}"
                part="answer"
                role="row"
                data-link-id=${item.linkId}
                data-significance=${item.significance}
                data-key=${key}
                tabindex="0"
                aria-current=${selected ? 'true' : nothing}
                aria-describedby="select-hint"
              >
                <th scope="row" role="rowheader">
                  ${selected ? html`<span class="selected-mark" aria-hidden="true">▶ </span>` : nothing}${item.text || item.label}${item.kind !== 'question'
                    ? html` <span class="calculated-tag">${a.calculatedTag}</span>`
                    : nothing}
                </th>
                <td class="answer-cell" role="cell">${answerOf(item, a)}</td>
                <td class="colour-cell" role="cell">${item.significance === 'none' ? nothing : this.#badge(item.significance)}</td>
                ${big ? nothing : html`<td class="reason" role="cell">${item.reason.detail}</td>`}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  /** The scores over time: a small chart, the values in text and the change since last time in words. */
  #trends(view: View, course: TriageCourse): TemplateResult | typeof nothing {
    const scores = course.scores.filter((sc) => sc.points.some((p) => p.value !== undefined));
    if (!scores.length) return nothing;
    const a = this.localize.t.answerView;
    return html`<section class="trends-section" part="trends" aria-labelledby="trends-heading">
      <h3 id="trends-heading">${a.trendsTitle}</h3>
      <ul class="trends">
        ${scores.map((sc) => this.#trend(sc, view))}
      </ul>
    </section>`;
  }

  /** Every answer side by side, a column per response (oldest first). */
  #course(view: View): TemplateResult {
    const a = this.localize.t.answerView;
    const columns = [...view.columns].reverse(); // oldest first, as time runs
    const newest = view.columns[0]!;
    const r = newest.result;
    const domainOrder = r.domains;
    const itemsOf = (domain: string) => view.groups.find((g) => g.key === domain)?.items ?? [];
    const agendaItems = r.items.filter((i) => r.agenda.items.some((x) => x.linkId === i.linkId));
    const flagged = (i: ItemTriage) => FLAGGED.includes(i.significance);
    const questions = agendaItems.length + domainOrder.reduce((n, d) => n + itemsOf(d.linkId).length, 0);
    const open = this.print || this.printing || (this.courseItemsOpen ?? columns.length <= COURSE_QUESTIONS_SHOWN_UP_TO);
    const itemRow = ({ item, key }: { item: ItemTriage; key: string }) => {
      const k = Number(key.slice(key.lastIndexOf('#') + 1));
      return html`<tr class="course-item${this.onlyFlagged && !flagged(item) ? ' filtered-out' : ''}" data-course-link-id=${item.linkId}>
        <th scope="row">${item.text || item.label}${item.kind !== 'question' ? html` <span class="calculated-tag">${a.calculatedTag}</span>` : nothing}</th>
        ${columns.map((c) => {
          const it = c.byLinkId.get(item.linkId)?.[k];
          if (!it) return html`<td><span aria-hidden="true">–</span></td>`;
          const s = it.significance;
          if (s === 'none') return html`<td class="cell">${answerOf(it, a)}</td>`;
          return html`<td class="cell" data-colour=${s}><span class="icon" role="img" aria-label=${a.short[s]}>${ICON[s]}</span> ${answerOf(it, a)}</td>`;
        })}
      </tr>`;
    };
    return html`<section class="course" part="course" aria-labelledby="course-heading">
      <h3 id="course-heading">${a.courseTitle}</h3>
      ${questions
        ? html`<button type="button" class="course-toggle" part="course-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="course-table" @click=${this.#toggleCourseItems}>
            <span class="chevron" aria-hidden="true">▸</span> ${open ? a.courseHideItems : a.courseShowItems(questions)}
          </button>`
        : nothing}
      <div class="scroll" role="region" aria-labelledby="course-caption" tabindex="0">
        <table id="course-table">
          <caption id="course-caption">${a.courseCaption(columns.length)}</caption>
          <thead>
            <tr>
              <th scope="col">${a.question}</th>
              ${columns.map(
                (c) => html`<th scope="col" data-response-id=${c.response.id ?? nothing}>
                  ${c.date ? html`<span class="col-date">${c.date}</span><br />` : nothing}<span class="col-conversation">${c.conversation}</span>${c === newest
                    ? html` <span class="col-latest">(${a.latest})</span>`
                    : nothing}
                </th>`,
              )}
            </tr>
          </thead>
          ${open && agendaItems.length
            ? html`<tbody>
                ${agendaItems.map((item) => itemRow({ item, key: `${item.linkId}#0` }))}
              </tbody>`
            : nothing}
          ${domainOrder.map(
            (d) => html`<tbody>
                <tr class="course-domain" data-course-domain=${d.linkId}>
                  <th scope="row">${d.text}</th>
                  ${columns.map((c) => {
                    const s = c.domainsById.get(d.linkId)?.significance;
                    return s
                      ? html`<td class="cell" data-colour=${s}><span class="icon" aria-hidden="true">${ICON[s]}</span> ${a.short[s]}</td>`
                      : html`<td><span aria-hidden="true">–</span></td>`;
                  })}
                </tr>
              </tbody>
              ${open
                ? html`<tbody class="course-items" ?hidden=${this.collapsed.has(d.linkId)}>
                    ${itemsOf(d.linkId).map(itemRow)}
                  </tbody>`
                : nothing}`,
          )}
        </table>
      </div>
    </section>`;
  }

  #trend(sc: ScoreCourse, view: View): TemplateResult {
    const a = this.localize.t.answerView;
    const lang = view.lang;
    const points = [...sc.points].reverse();
    const fmt = (v: number | undefined) => (v === undefined ? '–' : num(v, lang));
    const values = points.map((p) => fmt(p.value)).join(' → ');
    const defined = points.map((p, i) => ({ p, i })).filter((x) => x.p.value !== undefined);
    const change = this.#changeText(sc);
    return html`<li class="trend" data-score=${sc.linkId}>
      <strong>${sc.label}</strong>
      ${defined.length ? trendChart(points.map((p) => ({ value: p.value, significance: p.significance })), a.trendLabel(sc.label, values)) : nothing}
      <span class="values">${values}</span>
      ${change !== nothing ? change : defined.length ? html`<span class="change neutral">${a.noEarlier}</span>` : nothing}
    </li>`;
  }
}

/** A small line chart of a score over time (oldest first): role="img" with the values in its name. */
function trendChart(points: { value?: number; significance: Significance }[], label: string): TemplateResult {
  const W = 120;
  const H = 36;
  const pad = 5;
  const values = points.map((p) => p.value).filter((v): v is number => v !== undefined);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) [min, max] = [min - 1, max + 1];
  const x = (i: number) => (points.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - ((v - min) / (max - min)) * (H - 2 * pad);
  const line = points
    .map((p, i) => (p.value === undefined ? '' : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label} part="trend-chart" focusable="false">
    <polyline points=${line} fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"></polyline>
    ${points.map((p, i) =>
      p.value === undefined ? nothing : svg`<circle class="dot" data-colour=${p.significance} cx=${x(i).toFixed(1)} cy=${y(p.value).toFixed(1)} r="4" stroke="currentColor" stroke-width="1"></circle>`,
    )}
  </svg>`;
}

function answerOf(item: ItemTriage, a: { notAsked: string; notAnswered: string }): string {
  if (!item.enabled && !item.values.length) return a.notAsked;
  return item.answerText || a.notAnswered;
}


/** The questionnaire whose rules made a result (by url|version), from what the host gave. */
function questionnaireOf(given: unknown, canonical: string): Questionnaire | undefined {
  let q = given;
  if (typeof q === 'string') {
    try {
      q = JSON.parse(q);
    } catch {
      return undefined;
    }
  }
  const list = (Array.isArray(q) ? q : [q]).filter(isQuestionnaire);
  return list.find((x) => canonicalOf(x) === canonical) ?? (list.length === 1 ? list[0] : undefined);
}

/** Titles of conversations by reference ("ServiceRequest/123" → "Midtvejssamtale (uge 6)"). */
function conversationTitles(requests: ConversationSource[] | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  for (const r of requests ?? []) {
    if (!isObject(r)) continue;
    if (r.resourceType === 'ServiceRequest' && r.id) {
      const title = r.code?.text ?? r.code?.coding?.find((c) => c.display)?.display;
      if (title) titles.set(`ServiceRequest/${r.id}`, title);
    } else if (r.resourceType === 'CarePlan') {
      for (const act of r.activity ?? []) {
        const ref = act.reference?.reference;
        const title = act.reference?.display ?? act.detail?.description;
        if (ref && title && !titles.has(refKey(ref))) titles.set(refKey(ref), title);
      }
    }
  }
  return titles;
}

/** "https://fhir.example/ServiceRequest/1" and "ServiceRequest/1" alike. */
function refKey(reference: string): string {
  return reference.split('/').slice(-2).join('/');
}

function conversationOf(response: QuestionnaireResponse, titles: Map<string, string>): string | undefined {
  for (const ref of response.basedOn ?? []) {
    if (ref.display) return ref.display;
    const title = ref.reference ? titles.get(refKey(ref.reference)) : undefined;
    if (title) return title;
  }
  return undefined;
}
