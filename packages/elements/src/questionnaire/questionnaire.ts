import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { property, state } from 'lit/decorators.js';
import {
  KproError,
  answerKey,
  buildResponse,
  createQuestionnaireSession,
  draftKey,
  formatDate,
  indexedDbDrafts,
  loadResponse,
  parseTypedNumber,
  textFor,
  validateForm,
  type AnswerValue,
  type DraftStore,
  type Form,
  type ItemNode,
  type KproWarning,
  type Questionnaire,
  type QuestionnaireResponse,
  type Reference,
  type ValidationIssue,
} from '@kpro/core';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { isAskedQuestion, nowIso, questionnaireText, submitDecision } from '@kpro/core';
import { KproErrorEvent } from '../shared/error-event.js';
import styles from './questionnaire.styles.js';
import { KproResponseChangeEvent, KproResponseSubmitEvent } from './questionnaire.events.js';
import { choiceControl, optionsOf, richHtml, type ItemContext } from './item-html.js';
import { ItemView } from './item-view.js';

const DRAFT_DEBOUNCE_MS = 250;
/** What an untouched item shows: shared, as a big form asks for every item several times per render. */
const NO_ISSUES: ValidationIssue[] = Object.freeze([]) as unknown as ValidationIssue[];

/**
 * Renders a FHIR R4 (SDC) Questionnaire for a citizen or a clinician on the citizen's behalf, keeps a
 * draft in IndexedDB as they type, and reports the QuestionnaireResponse through events.
 *
 * @tagname kpro-questionnaire
 * @summary A FHIR questionnaire renderer.
 * @status experimental
 * @event kpro-response-change - The answers changed; `detail` is the in-progress QuestionnaireResponse.
 * @event kpro-response-submit - The citizen submitted a valid form; `detail` is the completed response. Cancelable: call `preventDefault()` to save it yourself, then `markSubmitted()`.
 * @event kpro-error - Bad input or a failure; `detail` is `{ code, message, severity }`.
 * @csspart base - The wrapper.
 * @csspart header - Title, description and mode.
 * @csspart item - Every question.
 * @csspart group - Every group.
 * @csspart label - Question labels.
 * @csspart error - Validation messages next to a field.
 * @csspart summary - The error summary shown after a submit with errors.
 * @csspart actions - The navigation and submit bar.
 * @csspart submit - The submit button.
 * @csspart display - Display items (text between questions).
 * @csspart hint - Format and limits under a field.
 * @csspart help - Help text of an item.
 * @csspart help-toggle - The button that shows an item's help.
 * @csspart value - Calculated and read-only values.
 * @csspart grid - A gtable/grid group as a table.
 * @csspart progress - Page progress (paged questionnaires).
 * @csspart warnings - Notices about the questionnaire (e.g. unknown item controls).
 * @csspart draft-notice - "Your draft was restored" notice.
 * @csspart submitted - The confirmation after a submit (to the citizen, or in clinician mode to the clinician).
 * @csspart submit-check - "Nothing answered" (nothing is sent) or "N of M unanswered. Send anyway?" (asked once).
 * @csspart live - The visually hidden live region for screen readers.
 * @slot empty - Shown while no questionnaire is set (and not loading).
 * @cssproperty --kpro-questionnaire-max-width - Widest the form gets (default 48rem).
 * @cssproperty --kpro-questionnaire-gap - Space between items.
 * @cssproperty --kpro-color-primary - Buttons, focus and selection colour.
 */
export class KproQuestionnaire extends LitElement {
  static override styles = [hostStyles, styles];

  /** The FHIR R4 Questionnaire (object, or a JSON string). */
  @property({ attribute: false }) questionnaire?: Questionnaire | string;

  /** Review mode: answers are shown, nothing can be changed or submitted. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** `citizen` (default) or `clinician` (entering answers on the citizen's behalf): sets author/source. */
  @property({ reflect: true }) mode: 'citizen' | 'clinician' = 'citizen';

  /** The citizen the answers are about (`QuestionnaireResponse.subject`). */
  @property({ attribute: false }) subject?: Reference;

  /** Who enters the answers when `mode="clinician"` (a Practitioner or PractitionerRole reference). */
  @property({ attribute: false }) author?: Reference;

  /**
   * SDC launch contexts for the questionnaire's expressions, e.g. `{ patient }` (read as `%patient` by an
   * initialExpression). Read when a questionnaire is opened; a questionnaire that declares a context the
   * host does not give reads it as empty.
   */
  @property({ attribute: false }) launchContext?: Record<string, fhir4.Resource | undefined>;

  /** Extra key to tell drafts apart (e.g. the ServiceRequest id); never put a CPR here. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Turns off keeping drafts in IndexedDB. */
  @property({ type: Boolean, attribute: 'no-draft' }) noDraft = false;

  /** Shows the loading state; set it while you fetch the questionnaire. The element sets it while it loads FHIRPath. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** Where drafts are kept (IndexedDB by default). */
  @property({ attribute: false }) draftStore: DraftStore = indexedDbDrafts;

  @state() private form?: Form;
  @state() private error?: { code: string; message: string; params: Record<string, string | number> };
  @state() private page = 0;
  @state() private submitted = false;
  @state() private showAllErrors = false;
  /** A submit was refused or needs a yes: nothing answered, or optional questions left unanswered. */
  @state() private submitCheck?: { kind: 'empty' } | { kind: 'confirm'; unanswered: number; asked: number };
  @state() private draftRestoredAt?: string;
  @state() private draftFailed = false;
  @state() private warnings: KproWarning[] = [];
  /** Text for the polite live region: inline validation messages are announced when a field is left. */
  @state() private announcement = '';

  private readonly localize = new LocalizeController(this, questionnaireText);
  #base: Partial<QuestionnaireResponse> = {};
  #pendingResponse?: QuestionnaireResponse;
  /** Nodes by id, built on first look-up after a structural change (a first render does not need it). */
  #byId?: Map<string, ItemNode>;
  #raw = new Map<string, string>();
  #parseErrors = new Map<string, ValidationIssue>();
  #touched = new Set<string>();
  #slots = new Map<string, number>();
  #expandedHelp = new Set<string>();
  #issues: ValidationIssue[] = [];
  #issuesRevision = -1;
  #loadToken = 0;
  #draftTimer?: ReturnType<typeof setTimeout>;
  /** The form whose draft look-up has not answered yet (drafts are neither saved nor lost meanwhile). */
  #draftLookup?: Form;
  /** Questions answered before the draft arrived: their answers are put back over the restored draft. */
  #earlyEdits = new Set<ItemNode>();
  /** A save asked for while the draft look-up ran; it happens as soon as the look-up is done. */
  #saveAfterLookup = false;
  #offForm?: () => void;
  /** The items' DOM (see item-view.ts): rendered detached, then inserted once; updated item by item. */
  #view = new ItemView();
  /** Bumped on structural changes (repeats added or removed, a response loaded): they re-render all items. */
  #structure = 0;
  /** The item whose field the citizen is typing in: it is patched, never replaced. */
  #editing?: { nodeId: string; kind: string };

  /** The live QuestionnaireResponse; set it to resume a draft or review a submitted response. */
  get response(): QuestionnaireResponse | undefined {
    if (!this.form) return this.#pendingResponse;
    return this.#build(this.submitted ? 'completed' : undefined);
  }

  set response(value: QuestionnaireResponse | undefined) {
    this.#pendingResponse = value;
    if (this.form && value) this.#applyResponse(value);
    this.requestUpdate('response');
  }

  /** Validates everything and shows the errors; returns true when the form can be submitted. */
  validate(): boolean {
    this.showAllErrors = true;
    return this.#currentIssues().length === 0;
  }

  /** Call after a host saved a submitted response itself (see `kpro-response-submit`). */
  async markSubmitted(): Promise<void> {
    this.submitted = true;
    await this.#clearDraft();
  }

  /** Throws away the draft and starts the form again from empty (with initial values). */
  async discardDraft(): Promise<void> {
    await this.#clearDraft();
    this.draftRestoredAt = undefined;
    this.#pendingResponse = undefined;
    this.#open();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire')) this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushDraft();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // pagehide fires on reload and tab close: save what the citizen typed in the last moments.
    window.addEventListener('pagehide', this.#flushDraft);
  }

  #open(): void {
    const token = ++this.#loadToken;
    this.#offForm?.();
    this.form = undefined;
    this.error = undefined;
    this.submitted = false;
    this.showAllErrors = false;
    this.submitCheck = undefined;
    this.page = 0;
    this.warnings = [];
    this.#raw.clear();
    this.#parseErrors.clear();
    this.#touched.clear();
    this.#slots.clear();
    this.#view = new ItemView();
    this.#draftLookup = undefined;
    this.#saveAfterLookup = false;
    this.#reindex();
    if (this.questionnaire === undefined || this.questionnaire === null) return;
    try {
      const session = createQuestionnaireSession(this.questionnaire, (w) => this.#warn(w), { launchContext: this.launchContext });
      if (!session.ready) {
        this.#activate(session.form);
        return;
      }
      this.loading = true;
      session.ready.then(
        () => token === this.#loadToken && this.#activate(session.form),
        (e) => token === this.#loadToken && this.#fail(e),
      );
    } catch (e) {
      this.#fail(e);
    }
  }

  #activate(form: Form): void {
    this.loading = false;
    this.form = form;
    for (const w of form.warnings) this.#warn(w);
    this.#offForm = form.onChange((c) => {
      if (this.#draftLookup === form && c.node && !c.structural) this.#earlyEdits.add(c.node);
      if (c.structural) {
        this.#structure++;
        this.#reindex();
      }
      this.#changed();
    });
    this.#reindex();
    if (this.#pendingResponse) this.#applyResponse(this.#pendingResponse);
    // The draft look-up (opening IndexedDB costs a few ms the first time) starts after the form's first
    // frame, so it does not hold up that paint; a draft found is applied as before, when it arrives.
    else if (this.#draftsOn) {
      this.#draftLookup = form;
      this.#earlyEdits.clear();
      afterNextPaint(() => void this.#restoreDraft(form));
    }
  }

  #applyResponse(qr: QuestionnaireResponse): void {
    if (!this.form) return;
    try {
      const { item: _items, ...base } = qr;
      this.#base = base;
      for (const w of loadResponse(this.form, qr)) this.#warn(w);
      this.submitted = false;
      this.#reindex();
    } catch (e) {
      this.#fail(e);
    }
  }

  #fail(e: unknown): void {
    this.loading = false;
    const err = e instanceof KproError ? e : new KproError('invalid-questionnaire', (e as Error)?.message ?? String(e));
    this.error = { code: err.code, message: err.message, params: err.params };
    this.dispatchEvent(new KproErrorEvent({ code: err.code, message: err.message, severity: 'error', params: err.params }));
  }

  #warn(w: KproWarning): void {
    if (this.warnings.some((x) => x.message === w.message)) return;
    this.warnings = [...this.warnings, w];
    this.dispatchEvent(new KproErrorEvent({ code: w.code, message: w.message, severity: 'warning', params: w.params }));
  }

  #reindex(): void {
    this.#byId = undefined;
  }

  get #nodesById(): Map<string, ItemNode> {
    if (!this.#byId) {
      this.#byId = new Map();
      const all = this.form?.nodes() ?? [];
      for (let i = 0; i < all.length; i++) this.#byId.set(all[i]!.id, all[i]!);
    }
    return this.#byId;
  }


  #build(status?: QuestionnaireResponse['status']): QuestionnaireResponse {
    const clinician = this.mode === 'clinician';
    return buildResponse(this.form!, this.#base, {
      status,
      subject: this.subject,
      author: clinician ? this.author : this.subject,
      source: this.subject,
      language: this.localize.lang,
    });
  }

  #changed(): void {
    this.requestUpdate();
    if (!this.form) return;
    this.dispatchEvent(new KproResponseChangeEvent(() => this.#build()));
    this.#scheduleDraft();
  }

  // ---- drafts --------------------------------------------------------------------------------

  get #draftsOn(): boolean {
    return !this.noDraft && !this.readonly && !!this.form;
  }

  get #key(): string {
    return draftKey(this.form!.def.canonical, this.subject, this.draftKey);
  }

  async #restoreDraft(form: Form): Promise<void> {
    try {
      if (!this.#draftsOn || this.form !== form) return;
      const draft = await this.draftStore.load(this.#key);
      if (!draft || this.form !== form || this.#pendingResponse || draft.response.status !== 'in-progress') return;
      // Whatever the citizen answered while the draft was on its way is newer than the draft: put it back on top.
      const early = [...this.#earlyEdits].map((node) => ({ path: form.pathOf(node), answers: node.answers }));
      this.#applyResponse(draft.response);
      for (const { path, answers } of early) {
        const node = form.nodeAt(path);
        if (node) form.setAnswers(node, answers);
      }
      this.draftRestoredAt = draft.savedAt;
      this.requestUpdate();
    } catch {
      this.draftFailed = true;
    } finally {
      if (this.#draftLookup === form) {
        this.#draftLookup = undefined;
        this.#earlyEdits.clear();
        // A save held back while the look-up ran (so it could not overwrite the stored draft) happens now.
        if (this.#saveAfterLookup) {
          this.#saveAfterLookup = false;
          this.#saveDraft();
        }
      }
    }
  }

  #scheduleDraft(): void {
    if (!this.#draftsOn) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(this.#flushDraft, DRAFT_DEBOUNCE_MS);
  }

  #flushDraft = (): void => {
    if (this.#draftTimer === undefined) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    if (this.#draftLookup && this.#draftLookup === this.form) {
      // The stored draft has not been read yet: saving now would replace it with this partial form.
      this.#saveAfterLookup = true;
      return;
    }
    this.#saveDraft();
  };

  #saveDraft(): void {
    if (!this.#draftsOn || this.submitted) return;
    this.draftStore.save(this.#key, this.#build('in-progress')).then(
      () => this.draftFailed && (this.draftFailed = false),
      () => (this.draftFailed = true),
    );
  }

  async #clearDraft(): Promise<void> {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    this.#saveAfterLookup = false;
    if (!this.form || this.noDraft) return;
    try {
      await this.draftStore.clear(this.#key);
    } catch {
      /* nothing to clear */
    }
  }

  // ---- validation ----------------------------------------------------------------------------

  #currentIssues(): ValidationIssue[] {
    if (!this.form) return [];
    if (this.#issuesRevision !== this.form.revision) {
      this.#issues = validateForm(this.form);
      this.#issuesRevision = this.form.revision;
    }
    const parse = [...this.#parseErrors.values()].filter((i) => this.#nodesById.get(i.nodeId)?.enabled);
    const parsedNodes = new Set(parse.map((i) => i.nodeId));
    // A field with text we could not read reports that, not "required".
    return [...parse, ...this.#issues.filter((i) => !(parsedNodes.has(i.nodeId) && i.code === 'required'))];
  }

  #issuesFor = (node: ItemNode): ValidationIssue[] => {
    if (!this.showAllErrors && !this.#touched.has(node.id)) return NO_ISSUES;
    return this.#currentIssues().filter((i) => i.nodeId === node.id);
  };

  // ---- input handling (delegated: one listener for the whole form) ---------------------------

  #onInput = (e: Event, explicitTarget?: HTMLInputElement): void => {
    const target = explicitTarget ?? (e.target as HTMLInputElement);
    const kind = target.dataset.kind;
    if (!kind || e.type === 'input' && (kind.startsWith('option') || kind === 'boolean' || kind === 'select' || kind === 'unit' || kind === 'attachment' || kind === 'boolean-check')) return;
    const node = this.#nodeOf(target);
    if (!node || !this.form || this.readonly) return;
    // The numbers in a "send anyway?" question are stale once an answer changes.
    if (this.submitCheck) this.submitCheck = undefined;
    this.#editing = { nodeId: node.id, kind: kind === 'text' || kind === 'string' ? kind : kind };
    const index = Number(target.dataset.index ?? 0);
    const def = node.def;
    const options = optionsOf(node);
    const set = (answers: AnswerValue[]) => this.form!.setAnswers(node, answers);
    const setAt = (a: AnswerValue | undefined) => {
      const next = [...node.answers];
      if (a) next[index] = a;
      else next.splice(index, 1);
      set(next.filter(Boolean));
    };
    switch (kind) {
      case 'boolean':
        return set([{ valueBoolean: target.value === 'true' }]);
      case 'boolean-check':
        return set([{ valueBoolean: target.checked }]);
      case 'option-radio':
      case 'option-slider':
        return set(keepOther(node, [options[Number(target.value)]!.value]));
      case 'option-check': {
        const chosen = options[Number(target.value)]!;
        const others = node.answers.filter((a) => optionKeyOf(a, options) !== chosen.key);
        return set(target.checked ? [...others, chosen.value] : others);
      }
      case 'select':
        return set(keepOther(node, target.value === '' ? [] : [options[Number(target.value)]!.value]));
      case 'autocomplete': {
        const match = options.find((o) => textFor(o.label, this.localize.lang, this.form!.def.language).toLowerCase() === target.value.trim().toLowerCase());
        this.#raw.set(`${node.id}:0`, target.value);
        if (match) set([match.value]);
        else if (def.type === 'open-choice' && target.value.trim()) set([{ valueString: target.value.trim() }]);
        else set([]);
        return;
      }
      case 'other': {
        const coded = node.answers.filter((a) => a.valueString === undefined);
        const text = target.value.trim();
        return set(text ? [...(def.repeats ? coded : choiceControl(node) === 'checkbox' ? coded : []), { valueString: text }] : coded);
      }
      case 'free-text':
        return set(target.value.trim() ? [{ valueString: target.value.trim() }] : []);
      case 'integer':
      case 'decimal':
      case 'quantity':
        return this.#numberInput(node, index, target.value, kind);
      case 'number-slider':
        return set([def.type === 'integer' ? { valueInteger: Math.round(Number(target.value)) } : { valueDecimal: Number(target.value) }]);
      case 'unit': {
        const units = def.unitOptions.length ? def.unitOptions : def.unit ? [def.unit] : [];
        const u = units[Number(target.value)];
        const q = (node.answers[0]?.valueQuantity ?? {}) as fhir4.Quantity;
        if (u) this.#quantityUnit.set(node.id, u);
        return q.value === undefined ? this.requestUpdate() : set([{ valueQuantity: { ...q, unit: u?.display ?? u?.code, code: u?.code, system: u?.system } }]);
      }
      case 'date':
        return setAt(target.value ? { valueDate: target.value } : undefined);
      case 'dateTime':
        return setAt(target.value ? { valueDateTime: withSeconds(target.value) } : undefined);
      case 'time':
        return setAt(target.value ? { valueTime: target.value.length === 5 ? `${target.value}:00` : target.value } : undefined);
      case 'url':
        return setAt(target.value.trim() ? { valueUri: target.value.trim() } : undefined);
      case 'reference':
        return setAt(target.value.trim() ? { valueReference: { reference: target.value.trim() } } : undefined);
      case 'attachment':
        return void this.#readFile(node, target);
      default:
        // string and text keep the citizen's spaces while typing; empty means no answer.
        return setAt(target.value !== '' ? { valueString: target.value } : undefined);
    }
  };

  #quantityUnit = new Map<string, fhir4.Coding>();

  /** The item an input belongs to (its closest element with data-item). */
  #nodeOf(el: Element): ItemNode | undefined {
    return this.#nodesById.get(el.closest<HTMLElement>('[data-item]')?.dataset.item ?? '');
  }

  #numberInput(node: ItemNode, index: number, text: string, kind: string): void {
    const key = `${node.id}:${index}`;
    const lang = this.localize.lang;
    const n = parseTypedNumber(text, lang);
    const blank = text.trim() === '';
    const bad = !blank && (Number.isNaN(n) || (node.def.type === 'integer' && !Number.isInteger(n)));
    if (bad) {
      this.#raw.set(key, text);
      this.#parseErrors.set(node.id, { nodeId: node.id, linkId: node.def.linkId, code: 'invalid-number', params: {} });
      this.requestUpdate();
      return;
    }
    this.#raw.delete(key);
    this.#parseErrors.delete(node.id);
    let answer: AnswerValue | undefined;
    if (!blank) {
      if (kind === 'quantity') {
        const u = this.#quantityUnit.get(node.id) ?? node.def.unitOptions[0] ?? node.def.unit;
        answer = { valueQuantity: { value: n, ...(u ? { unit: u.display ?? u.code, code: u.code, system: u.system } : {}) } };
      } else answer = node.def.type === 'integer' ? { valueInteger: n } : { valueDecimal: n };
    }
    // Keep the typed text (e.g. "3,50") while the field has focus.
    if (!blank) this.#raw.set(key, text);
    const next = [...node.answers];
    if (answer) next[index] = answer;
    else next.splice(index, 1);
    this.form!.setAnswers(node, next);
    this.requestUpdate();
  }

  async #readFile(node: ItemNode, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const data = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    this.form!.setAnswers(node, [{ valueAttachment: { contentType: file.type || undefined, data, title: file.name, size: file.size } }]);
    this.#touched.add(node.id);
  }

  #onFocusOut = (e: FocusEvent): void => {
    const t = e.target as HTMLElement;
    if (!t.dataset?.kind) return;
    const id = this.#nodeOf(t)?.id;
    if (!id) return;
    this.#editing = undefined;
    this.#touched.add(id);
    // Once the field is left, show the stored value in the locale's format.
    if (!this.#parseErrors.has(id)) for (const k of [...this.#raw.keys()]) if (k.startsWith(`${id}:`)) this.#raw.delete(k);
    const node = this.#nodesById.get(id);
    const messages = this.localize.t.validation;
    this.announcement = node ? this.#issuesFor(node).map((i) => messages[i.code](i.params)).join(' ') : '';
    this.requestUpdate();
  };

  #onClick = (e: Event): void => {
    const target = e.target as HTMLInputElement;
    if ((target.dataset?.kind === 'option-slider' || target.dataset?.kind === 'number-slider') && !this.readonly) {
      // A click on an unanswered slider's current position is an answer too (no change event fires).
      const node = this.#nodeOf(target);
      if (node && !node.answers.length) this.#onInput(new Event('change', { bubbles: true }), target);
      return;
    }
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!button || !this.form) return;
    const node = this.#nodesById.get(button.dataset.node ?? '');
    const action = button.dataset.action;
    if (action === 'help' && node) {
      if (this.#expandedHelp.has(node.id)) this.#expandedHelp.delete(node.id);
      else this.#expandedHelp.add(node.id);
      this.requestUpdate();
      return;
    }
    if (this.readonly || !node) return;
    switch (action) {
      case 'clear':
        this.form.setAnswers(node, []);
        break;
      case 'add-answer':
        this.#slots.set(node.id, this.#slotCount(node) + 1);
        this.requestUpdate();
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${node.id}-${this.#slotCount(node) - 1}`)?.focus());
        break;
      case 'remove-answer': {
        const i = Number(button.dataset.index);
        this.#slots.set(node.id, Math.max(1, this.#slotCount(node) - 1));
        this.#raw.delete(`${node.id}:${i}`);
        this.form.setAnswers(node, node.answers.filter((_, k) => k !== i));
        break;
      }
      case 'add-repeat': {
        const fresh = this.form.addRepeat(node);
        if (fresh) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-instance="${fresh.id}"] h2`)?.scrollIntoView({ block: 'nearest' }));
        break;
      }
      case 'remove-repeat':
        this.form.removeRepeat(node);
        break;
    }
  };

  #slotCount(node: ItemNode): number {
    return Math.max(1, node.answers.length, this.#slots.get(node.id) ?? 0);
  }

  // ---- navigation and submit -----------------------------------------------------------------

  get #pages(): ItemNode[][] {
    if (!this.form?.def.paged) return [this.form?.root.children ?? []];
    const pages: ItemNode[][] = [];
    let loose: ItemNode[] = [];
    for (const n of this.form.root.children) {
      if (!n.enabled || n.def.hidden) continue;
      if (n.def.type === 'group') {
        if (loose.length) pages.push(loose);
        loose = [];
        pages.push([n]);
      } else loose.push(n);
    }
    if (loose.length) pages.push(loose);
    return pages.length ? pages : [[]];
  }

  #goTo(page: number): void {
    this.page = Math.max(0, Math.min(page, this.#pages.length - 1));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus());
  }

  #submit = (e: Event): void => {
    e.preventDefault();
    this.#trySubmit(false);
  };

  /** The engine decides (core `submitDecision`): nothing answered is never sent; unanswered questions are asked about once. */
  #trySubmit(confirmed: boolean): void {
    if (!this.form || this.readonly) return;
    const decision = submitDecision(this.form, { confirmed, issues: this.#currentIssues() });
    if (decision.kind === 'invalid') {
      this.submitCheck = undefined;
      this.validate();
      this.requestUpdate();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.summary')?.focus());
      return;
    }
    if (decision.kind === 'empty' || decision.kind === 'confirm') {
      this.submitCheck = decision;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.submit-check')?.focus());
      return;
    }
    this.submitCheck = undefined;
    const response = this.#build('completed');
    response.authored = nowIso();
    this.#base = { ...this.#base, authored: response.authored };
    const event = new KproResponseSubmitEvent(response);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) void this.markSubmitted();
  }

  /** "Fortsæt med at svare": back to the first question left unanswered. */
  #keepAnswering = (): void => {
    this.submitCheck = undefined;
    const first = this.form?.nodes().find((n) => isAskedQuestion(n) && !n.answers.length);
    if (!first) return;
    const page = this.#pages.findIndex((nodes) => nodes.some((n) => n === first || first.isDescendantOf(n)));
    if (page >= 0 && page !== this.page) this.page = page;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[id^="${first.id}-"]`)?.focus());
  };

  #jumpTo(issue: ValidationIssue): void {
    const node = this.#nodesById.get(issue.nodeId);
    if (!node) return;
    if (this.form?.def.paged) {
      let top = node;
      while (top.parent && top.parent !== this.form.root) top = top.parent;
      const idx = this.#pages.findIndex((p) => p.includes(top));
      if (idx >= 0) this.page = idx;
    }
    void this.updateComplete.then(() => {
      const item = this.#view.element(node);
      const el = item?.querySelector<HTMLElement>('input, select, textarea');
      el?.focus();
      el?.scrollIntoView({ block: 'center' });
    });
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.localize.t;
    if (this.error) {
      return html`<div class="state error-state" part="base error" role="alert">
        <h2><span aria-hidden="true">⚠ </span>${t.errorTitle}</h2>
        <p>${(t.errors as Record<string, (p: Record<string, string | number>) => string>)[this.error.code]?.(this.error.params) ?? this.error.message}</p>
        <p>${t.errorNextStep}</p>
      </div>`;
    }
    if (this.loading) return html`<div class="state" part="base" role="status" aria-live="polite">${t.loading}</div>`;
    const form = this.form;
    if (!form) return html`<slot name="empty"></slot>`;
    const lang = this.localize.lang;
    const baseLang = form.def.language;
    const ctx: ItemContext = {
      lang,
      baseLang,
      t,
      readonly: this.readonly || this.submitted,
      raw: this.#raw,
      slots: (n) => this.#slotCount(n),
      issues: this.#issuesFor,
      expandedHelp: this.#expandedHelp,
    };
    const pages = this.#pages;
    const page = Math.min(this.page, pages.length - 1);
    const nodes = pages[page] ?? [];
    const issues = this.showAllErrors ? this.#currentIssues() : [];
    // Anything in this key changes every item: render them all again (one innerHTML).
    this.#view.update(form, nodes, ctx, [this.#structure, lang, ctx.readonly, page].join('|'), this.#editing);
    return html`<div class="form" part="base" lang=${lang}>
      ${this.#renderHeader(ctx)}
      ${this.warnings.length
        ? html`<div class="notice warning" part="warnings" role="status">
            <strong><span aria-hidden="true">ⓘ </span>${t.warningsTitle}</strong>
            <ul>${this.warnings.map((w) => html`<li>${(t.errors as Record<string, (p: Record<string, string | number>) => string>)[w.code]?.(w.params) ?? w.message}</li>`)}</ul>
          </div>`
        : nothing}
      ${this.draftRestoredAt && !this.submitted
        ? html`<div class="notice info" role="status" part="draft-notice">
            <span aria-hidden="true">↺ </span>${t.draftRestored(formatDate(this.draftRestoredAt, lang, true))}
            <button type="button" @click=${() => this.discardDraft()}>${t.draftDiscard}</button>
          </div>`
        : nothing}
      ${this.draftFailed ? html`<div class="notice warning" role="alert">${t.draftSaveFailed}</div>` : nothing}
      ${this.submitted
        ? html`<div class="notice success" role="status" part="submitted">
            ${this.mode === 'clinician'
              ? html`<h2><span aria-hidden="true">✓ </span>${t.submittedOnBehalf(this.subject?.display ?? '')}</h2><p>${t.submittedOnBehalfBody}</p>`
              : html`<h2><span aria-hidden="true">✓ </span>${t.submitted}</h2><p>${t.submittedBody}</p>`}
          </div>`
        : nothing}
      ${issues.length
        ? html`<div class="summary" part="summary" role="alert" tabindex="-1">
            <h2>${t.errorSummaryTitle(issues.length)}</h2>
            <ul>
              ${issues.map((i) => {
                const node = this.#nodesById.get(i.nodeId);
                return html`<li><a href="#${i.nodeId}-0" @click=${(e: Event) => { e.preventDefault(); this.#jumpTo(i); }}
                  >${node ? textFor(node.def.text, lang, baseLang) || node.def.linkId : i.linkId}: ${t.validation[i.code](i.params)}</a></li>`;
              })}
            </ul>
          </div>`
        : nothing}
      ${!form.def.all.length ? html`<p class="state">${t.empty}</p>` : nothing}
      ${form.def.paged && pages.length > 1 ? this.#renderProgress(page, pages.length, nodes, ctx) : nothing}
      <div class="visually-hidden" aria-live="polite" part="live">${this.announcement}</div>
      <!-- autocomplete off on the form: answers are not for the browser to remember or suggest (one attribute, not one per input). -->
      <form novalidate autocomplete="off" @submit=${this.#submit} @change=${this.#onInput} @input=${this.#onInput} @focusout=${this.#onFocusOut} @click=${this.#onClick}>
        ${this.#view.container}
        ${ctx.readonly || !form.def.all.length ? nothing : html`${this.#renderSubmitCheck(t)}${this.#renderActions(page, pages.length, t)}`}
      </form>
    </div>`;
  }

  #renderHeader(ctx: ItemContext): TemplateResult {
    const def = this.form!.def;
    return html`<header class="header" part="header">
      ${def.title ? html`<h1 class="title">${unsafeHTML(richHtml(def.title, ctx))}</h1>` : nothing}
      <p class="mode">
        <span class="badge">${this.readonly ? ctx.t.readOnlyNotice : this.mode === 'clinician' ? ctx.t.modeClinician : ctx.t.modeCitizen}</span>
      </p>
    </header>`;
  }

  #renderProgress(page: number, total: number, nodes: ItemNode[], ctx: ItemContext): TemplateResult {
    const title = nodes.length === 1 && nodes[0]!.def.type === 'group' ? textFor(nodes[0]!.def.text, ctx.lang, ctx.baseLang) : '';
    return html`<div class="progress" part="progress">
      <p class="page-heading" tabindex="-1">${ctx.t.pageOf(page + 1, total)}${title ? html`: <strong>${title}</strong>` : nothing}</p>
      <progress max=${total} .value=${page + 1} aria-label=${ctx.t.progress}></progress>
    </div>`;
  }

  #renderSubmitCheck(t: ItemContext['t']): TemplateResult | typeof nothing {
    const c = this.submitCheck;
    if (!c) return nothing;
    if (c.kind === 'empty') {
      return html`<div class="notice warning submit-check" part="submit-check" role="alert" tabindex="-1" data-check="empty">${t.nothingAnswered}</div>`;
    }
    return html`<div class="notice info submit-check" part="submit-check" role="alertdialog" aria-labelledby="submit-check-text" tabindex="-1" data-check="confirm">
      <p id="submit-check-text">${t.confirmUnanswered(c.unanswered, c.asked)}</p>
      <div class="actions">
        <button type="button" class="primary" data-action="send-anyway" @click=${() => this.#trySubmit(true)}>${t.sendAnyway}</button>
        <button type="button" data-action="keep-answering" @click=${this.#keepAnswering}>${t.keepAnswering}</button>
      </div>
    </div>`;
  }

  #renderActions(page: number, total: number, t: ItemContext['t']): TemplateResult {
    const paged = total > 1;
    return html`<div class="actions" part="actions">
      ${paged && page > 0 ? html`<button type="button" @click=${() => this.#goTo(page - 1)}>← ${t.previous}</button>` : nothing}
      ${paged && page < total - 1 ? html`<button type="button" class="primary" @click=${() => this.#goTo(page + 1)}>${t.next} →</button>` : nothing}
      <button type="submit" class=${paged && page < total - 1 ? '' : 'primary'} part="submit">${t.submit}</button>
    </div>`;
  }
}

/** Runs `fn` once after the next frame (or after 100 ms where no frames come, e.g. a hidden tab). */
function afterNextPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

/** For open-choice, picking a coded option keeps a typed "other" answer only when several are allowed. */
function keepOther(node: ItemNode, coded: AnswerValue[]): AnswerValue[] {
  if (node.def.type !== 'open-choice' || !node.def.repeats) return coded;
  return [...coded, ...node.answers.filter((a) => a.valueString !== undefined)];
}

function optionKeyOf(a: AnswerValue, options: { key: string }[]): string | undefined {
  const key = answerKey(a);
  return options.find((o) => o.key === key)?.key;
}

function withSeconds(v: string): string {
  // datetime-local gives "YYYY-MM-DDTHH:mm"; FHIR dateTime with a time needs seconds and a zone.
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}
