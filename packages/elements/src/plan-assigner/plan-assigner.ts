import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  addAdHoc,
  assignmentIdOf,
  assignPlan,
  buildAdHocRequest,
  buildAssignment,
  hasApplyOperation,
  mergeServerApply,
  cancelOccurrence,
  cancelPlan,
  formatDate,
  isConflict,
  isRetryable,
  localDate,
  newAssignmentId,
  PlanError,
  planErrorCode,
  planSchedule,
  planViews,
  readPlanTemplates,
  validateSchedule,
  FhirRequestError,
  type Capabilities,
  type FhirDataSource,
  type Occurrence,
  type OccurrenceStatus,
  type PlanErrorCode,
  type PlanProblem,
  type PlanTemplate,
  type PlanView,
  type Reference,
} from '@kpro/core';
import { capabilitiesContext, fhirContext, patientContext, userContext } from '../shared/context.js';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { combine, nowOr, planAssignerText } from '@kpro/core';
import { KproErrorEvent } from '../shared/error-event.js';
import { KproPlanAssignEvent, KproPlanCancelEvent, KproPlanChangeEvent, KproPlanOpenResponseEvent } from './plan-assigner.events.js';
import styles from './plan-assigner.styles.js';

const ICONS: Record<OccurrenceStatus, string> = { planned: '○', due: '◔', answered: '✓', overdue: '!', cancelled: '✕' };

type Step = 'template' | 'dates' | 'preview';
interface Failure {
  code: PlanErrorCode;
  params: Record<string, string | number>;
  problems: PlanProblem[];
  /** What the error panel offers: reload (conflict, load failure) or retry (server, network). */
  action?: 'reload' | 'retry';
  retry?: () => void;
}
type CancelTarget = { kind: 'plan'; view: PlanView } | { kind: 'occurrence'; occurrence: Occurrence };

/**
 * `<kpro-plan-assigner>`: a citizen's plans of questionnaires (each occurrence with its date and status),
 * assigning a plan from a template (search, start date, adjustable dates, care team, preview, confirm),
 * cancelling a plan or one occurrence with a reason, and sending an extra questionnaire now.
 *
 * Data: properties alone (`templates`, `plans`, `requests`, `responses`, `questionnaires`, `careTeams`),
 * or, inside the app, the FHIR data source, patient, user and capabilities from context: it then loads
 * and writes itself (one transaction per assignment, If-Match on every change, never DELETE).
 *
 * @tagname kpro-plan-assigner
 * @summary A citizen's plans of questionnaires: assign from a template, follow, cancel.
 * @status experimental
 * @fires kpro-plan-assign - Before a plan is written (cancelable: the host may veto).
 * @fires kpro-plan-cancel - Before a plan or occurrence is revoked (cancelable).
 * @fires kpro-plan-change - After a write succeeded.
 * @fires kpro-plan-open-response - An answered occurrence was opened; `detail` is `{ responseId }`.
 * @fires kpro-plan-reload - The clinician asked to reload after a conflict, without a data source: the host reloads the properties.
 * @fires kpro-error - Bad input or a failed request (translated message, stable code).
 * @csspart base - The wrapper.
 * @csspart state - The summary line.
 * @csspart plan - Each plan.
 * @csspart error - The error panel.
 * @cssproperty --kpro-plan-gap - Space between the plans.
 */
export class KproPlanAssigner extends LitElement {
  static override styles = [hostStyles, styles];

  /** Plan templates: PlanDefinitions with their ActivityDefinitions (and Questionnaires), a Bundle, or an array. */
  @property({ attribute: false }) templates?: unknown;
  /** The citizen's CarePlans. */
  @property({ attribute: false }) plans?: fhir4.CarePlan[];
  /** The citizen's ServiceRequests. */
  @property({ attribute: false }) requests?: fhir4.ServiceRequest[];
  /** The citizen's QuestionnaireResponses (answered = completed/amended and `basedOn` a request). */
  @property({ attribute: false }) responses?: fhir4.QuestionnaireResponse[];
  /** Questionnaires known on the server: for extra questionnaires and to report missing ones. */
  @property({ attribute: false }) questionnaires?: fhir4.Questionnaire[];
  /** Care teams to choose the responsible one from. */
  @property({ attribute: false }) careTeams?: fhir4.CareTeam[];
  /** Show plans only, no assign/cancel controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** "Now" for statuses and validation (default: the clock). */
  @property({ attribute: false }) now?: Date | string;
  /** The data source; default: the one in context. */
  @property({ attribute: false }) dataSource?: FhirDataSource;
  /** The citizen; default: the one in context. */
  @property({ attribute: false }) patient?: fhir4.Patient;
  /** The clinician; default: the one in context. */
  @property({ attribute: false }) user?: Reference;
  /** What the user may do; default: the context's. Without CarePlan and ServiceRequest write: read-only. */
  @property({ attribute: false }) capabilities?: Capabilities;

  @consume({ context: fhirContext, subscribe: true }) @state() private ctxFhir?: FhirDataSource;
  @consume({ context: patientContext, subscribe: true }) @state() private ctxPatient?: fhir4.Patient;
  @consume({ context: userContext, subscribe: true }) @state() private ctxUser?: Reference;
  @consume({ context: capabilitiesContext, subscribe: true }) @state() private ctxCapabilities?: Capabilities;

  @state() private loading = false;
  @state() private failure?: Failure;
  @state() private announcement = '';
  /** The last assignment or cancellation that was saved, shown until the next action (and announced). */
  @state() private confirmation = '';
  @state() private busy = false;
  @state() private panel?: 'assign' | 'ad-hoc';
  @state() private step: Step = 'template';
  @state() private search = '';
  @state() private selectedTemplate?: string;
  @state() private start = '';
  @state() private adjusted: Record<string, string> = {};
  @state() private careTeam = '';
  @state() private cancelTarget?: CancelTarget;
  @state() private reason = '';
  @state() private reasonMissing = false;
  @state() private adHocQuestionnaire = '';

  private readonly i18n = new LocalizeController(this, combine({ planAssigner: planAssignerText }));
  private loaded: {
    templates?: unknown;
    plans?: fhir4.CarePlan[];
    requests?: fhir4.ServiceRequest[];
    responses?: fhir4.QuestionnaireResponse[];
    questionnaires?: fhir4.Questionnaire[];
    careTeams?: fhir4.CareTeam[];
  } = {};
  private models: PlanTemplate[] = [];
  private views: PlanView[] = [];
  /** The assignment being attempted: its inputs and bundle, re-sent unchanged on a retry. */
  private pending?: { key: string; bundle: fhir4.Bundle };
  private pendingAdHoc?: { key: string; sr: fhir4.ServiceRequest };
  private loadedFor?: string;

  private get fhir(): FhirDataSource | undefined {
    return this.dataSource ?? this.ctxFhir;
  }
  private get citizen(): fhir4.Patient | undefined {
    return this.patient ?? this.ctxPatient;
  }
  private get clinician(): Reference | undefined {
    return this.user ?? this.ctxUser;
  }
  /** True when the user may assign and cancel. */
  get canEdit(): boolean {
    if (this.readonly) return false;
    const caps = this.capabilities ?? this.ctxCapabilities;
    return !caps || (caps.canWrite('CarePlan') && caps.canWrite('ServiceRequest'));
  }
  private get nowValue(): Date {
    return nowOr(this.now);
  }
  private get data() {
    const l = this.loaded;
    return {
      templates: this.templates ?? l.templates,
      plans: this.plans ?? l.plans ?? [],
      requests: this.requests ?? l.requests ?? [],
      responses: this.responses ?? l.responses ?? [],
      questionnaires: this.questionnaires ?? l.questionnaires,
      careTeams: this.careTeams ?? l.careTeams ?? [],
    };
  }

  /** The plans as shown (read-only). */
  get planViews(): readonly PlanView[] {
    return this.views;
  }

  /** Loads (or reloads) everything from the data source in context. */
  async reload(): Promise<void> {
    const fhir = this.fhir;
    const patient = this.citizen;
    if (!fhir || !patient?.id) return;
    this.loading = true;
    this.failure = undefined;
    const subject = `Patient/${patient.id}`;
    try {
      const [plans, requests, responses, planDefs, activityDefs, questionnaires, careTeams] = await Promise.all([
        fhir.search<fhir4.CarePlan>('CarePlan', { subject, _count: '200' }),
        fhir.search<fhir4.ServiceRequest>('ServiceRequest', { subject, _count: '500' }),
        fhir.search<fhir4.QuestionnaireResponse>('QuestionnaireResponse', { subject, _count: '500' }),
        fhir.search<fhir4.PlanDefinition>('PlanDefinition', { status: 'active', _count: '200' }),
        fhir.search<fhir4.ActivityDefinition>('ActivityDefinition', { _count: '500' }),
        fhir.search<fhir4.Questionnaire>('Questionnaire', { _count: '500' }),
        fhir.search<fhir4.CareTeam>('CareTeam', { status: 'active', _count: '200' }),
      ]);
      this.loaded = {
        plans: plans.resources,
        requests: requests.resources,
        responses: responses.resources,
        templates: [...planDefs.resources, ...activityDefs.resources],
        questionnaires: questionnaires.resources,
        careTeams: careTeams.resources,
      };
    } catch (e) {
      this.fail(e, 'reload');
    } finally {
      this.loading = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = this.fhir && this.citizen?.id ? `${this.fhir.baseUrl}|${this.citizen.id}` : undefined;
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.reload();
    }
    const d = this.data;
    const qs = d.questionnaires;
    this.models = readPlanTemplates(qs ? [d.templates ?? [], qs] : (d.templates ?? []), { checkQuestionnaires: !!qs });
    this.views = planViews(d.plans, d.requests, d.responses, this.nowValue);
    if (!this.start) this.start = localDate(this.nowValue);
    if (!this.careTeam && d.careTeams.length === 1) this.careTeam = `CareTeam/${d.careTeams[0]!.id}`;
    void changed;
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const lang = this.i18n.lang;
    const edit = this.canEdit;
    return html`<section class="base" part="base" lang=${lang} aria-labelledby="title" aria-busy=${this.loading || this.busy ? 'true' : 'false'}>
      <header>
        <h2 id="title">${t.title}</h2>
        <p class="state" part="state" data-state=${this.loading ? 'loading' : this.views.length ? 'plans' : 'empty'}>
          ${this.loading ? t.loading : this.views.length ? t.summary(this.views.filter((v) => v.id).length) : t.empty}
        </p>
        ${edit
          ? html`<div class="toolbar">
              <button type="button" class="primary" data-action="assign" aria-expanded=${this.panel === 'assign' ? 'true' : 'false'} @click=${() => this.openPanel('assign')}>${t.assign}</button>
              <button type="button" data-action="ad-hoc" aria-expanded=${this.panel === 'ad-hoc' ? 'true' : 'false'} @click=${() => this.openPanel('ad-hoc')}>${t.addAdHoc}</button>
            </div>`
          : nothing}
      </header>
      ${edit ? nothing : html`<p class="notice" data-state="read-only">${t.readOnly}</p>`} ${this.renderFailure()}
      ${edit && this.panel === 'assign' ? this.renderAssign() : nothing} ${edit && this.panel === 'ad-hoc' ? this.renderAdHoc() : nothing}
      ${this.confirmation ? html`<p class="confirmation" data-state="confirmation"><span aria-hidden="true">✓ </span>${this.confirmation}</p>` : nothing}
      ${edit && this.cancelTarget ? this.renderCancel() : nothing} ${this.views.map((v) => this.renderPlan(v))}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  // ---- plans -------------------------------------------------------------------------------------

  private renderPlan(v: PlanView): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const lang = this.i18n.lang;
    const title = v.id ? v.title : t.adHocGroup;
    const hid = `plan-${v.id ?? 'ad-hoc'}`;
    const team = v.carePlan?.careTeam?.[0]?.display;
    const period = v.carePlan?.period;
    const open = v.carePlan && ['active', 'on-hold', 'draft'].includes(v.carePlan.status);
    return html`<article class="plan" part="plan" data-plan-id=${v.id ?? 'ad-hoc'} data-plan-status=${v.status} aria-labelledby=${hid}>
      <div class="plan-head">
        <h3 id=${hid}>${title}</h3>
        <span class="badge">${t.planStatus[v.status] ?? v.status}</span>
        ${period?.start ? html`<span class="muted">${t.period(formatDate(period.start, lang), period.end ? formatDate(period.end, lang) : '…')}</span>` : nothing}
        ${team ? html`<span class="muted">${t.careTeam(team)}</span>` : nothing}
        ${this.canEdit && open
          ? html`<span class="toolbar"><button type="button" data-action="cancel-plan" aria-label=${t.cancelPlanLabel(title)} @click=${() => this.askCancel({ kind: 'plan', view: v })}>${t.cancelPlan}</button></span>`
          : nothing}
      </div>
      <table>
        <caption class="visually-hidden">${title}</caption>
        <thead>
          <tr>
            <th scope="col">${t.questionnaire}</th>
            <th scope="col">${t.date}</th>
            <th scope="col">${t.statusHeading}</th>
            <th scope="col"><span class="visually-hidden">${t.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${v.occurrences.map((o) => this.renderOccurrence(o))}
        </tbody>
      </table>
    </article>`;
  }

  private renderOccurrence(o: Occurrence): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const lang = this.i18n.lang;
    const date = formatDate(o.start, lang);
    const cancellable = this.canEdit && ['planned', 'due', 'overdue'].includes(o.status) && ['active', 'on-hold', 'draft'].includes(o.request.status);
    return html`<tr data-occurrence=${o.key} data-status=${o.status}>
      <th scope="row">${o.title}${o.of > 1 ? html` <span class="muted">(${t.occurrenceOf(o.index + 1, o.of)})</span>` : nothing}</th>
      <td><time datetime=${o.start}>${date}</time>${o.end && (o.status === 'due' || o.status === 'planned') ? html`<br /><span class="muted">${t.answerBy(formatDate(o.end, lang))}</span>` : nothing}</td>
      <td><span class="status"><span class="icon" aria-hidden="true">${ICONS[o.status]}</span>${t.status[o.status]}</span></td>
      <td>
        ${o.status === 'answered' && o.responseId
          ? html`<button type="button" data-action="open-response" aria-label=${t.openResponseLabel(o.title, date)} @click=${() => this.dispatchEvent(new KproPlanOpenResponseEvent({ responseId: o.responseId!, requestId: o.request.id }))}>
              ${t.openResponse}
            </button>`
          : nothing}
        ${cancellable
          ? html`<button type="button" data-action="cancel-occurrence" aria-label=${t.cancelOccurrenceLabel(o.title, date)} @click=${() => this.askCancel({ kind: 'occurrence', occurrence: o })}>
              ${t.cancelOccurrence}
            </button>`
          : nothing}
      </td>
    </tr>`;
  }

  // ---- errors ------------------------------------------------------------------------------------

  private renderFailure(): TemplateResult | typeof nothing {
    const f = this.failure;
    if (!f) return nothing;
    const t = this.i18n.t.planAssigner;
    const extra = f.problems.slice(1);
    return html`<div class="error-state" part="error" role="alert" data-code=${f.code}>
      <p><strong>${t.errorTitle}:</strong> ${t.errors[f.code](f.params)}</p>
      ${extra.length ? html`<ul>${extra.map((p) => html`<li data-code=${p.code}>${t.errors[p.code](p.params)}</li>`)}</ul>` : nothing}
      <div class="buttons">
        ${f.action === 'reload' ? html`<button type="button" class="primary" data-action="reload" @click=${() => void this.onReload()}>${t.reload}</button>` : nothing}
        ${f.action === 'retry' && f.retry ? html`<button type="button" class="primary" data-action="retry" @click=${f.retry}>${t.retry}</button>` : nothing}
      </div>
    </div>`;
  }

  private async onReload(): Promise<void> {
    this.failure = undefined;
    this.cancelTarget = undefined;
    if (this.fhir && this.citizen?.id) await this.reload();
    else this.dispatchEvent(new Event('kpro-plan-reload', { bubbles: true, composed: true }));
  }

  /** Shows a failure (translated) and fires kpro-error. */
  private fail(e: unknown, action?: 'reload' | 'retry', retry?: () => void): void {
    const code = planErrorCode(e);
    const problems = e instanceof PlanError ? (e.problems.length ? e.problems : [{ code, params: e.params }]) : [];
    const params: Record<string, string | number> = e instanceof PlanError ? e.params : e instanceof FhirRequestError && code === 'invalid' ? { detail: e.message } : {};
    const conflict = isConflict(e);
    const act = conflict ? 'reload' : action === 'reload' ? 'reload' : isRetryable(e) && retry ? 'retry' : undefined;
    this.failure = { code, params, problems, action: act, retry };
    const message = this.i18n.t.planAssigner.errors[code](params);
    this.announcement = '';
    this.confirmation = '';
    this.dispatchEvent(new KproErrorEvent({ code: `plan-${code}`, message, severity: 'error', params }));
  }

  // ---- assign ------------------------------------------------------------------------------------

  private openPanel(p: 'assign' | 'ad-hoc'): void {
    this.panel = this.panel === p ? undefined : p;
    this.failure = undefined;
    this.confirmation = '';
    this.step = 'template';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${p}-title`)?.focus());
  }

  private closePanel(): void {
    const p = this.panel;
    this.panel = undefined;
    this.pending = undefined;
    this.pendingAdHoc = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-action="${p}"]`)?.focus());
  }

  private get template(): PlanTemplate | undefined {
    return this.models.find((m) => m.canonical === this.selectedTemplate);
  }

  private renderAssign(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const steps: Record<Step, string> = { template: t.stepTemplate, dates: t.stepDates, preview: t.stepPreview };
    return html`<section class="panel" data-panel="assign" aria-labelledby="assign-title">
      <h3 id="assign-title" tabindex="-1">${t.assignTitle}</h3>
      <p class="muted" data-step=${this.step}>${steps[this.step]}</p>
      ${this.step === 'template' ? this.renderTemplates() : this.step === 'dates' ? this.renderDates() : this.renderPreview()}
    </section>`;
  }

  private offsetText(a: { offset: { value: number; unit: 'd' | 'wk' | 'mo' | 'a' }; repeat?: { count: number; period: number; periodUnit: 'd' | 'wk' | 'mo' | 'a' } }): string {
    const t = this.i18n.t.planAssigner;
    return `${t.offset(a.offset.value, a.offset.unit)}${a.repeat && a.repeat.count > 1 ? ` (${t.repeat(a.repeat.count, a.repeat.period, a.repeat.periodUnit)})` : ''}`;
  }

  private renderTemplates(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const q = this.search.trim().toLowerCase();
    const list = this.models.filter((m) => !q || `${m.title} ${m.description ?? ''}`.toLowerCase().includes(q));
    return html`<div class="field">
        <label for="template-search">${t.searchTemplates}</label>
        <input id="template-search" type="search" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
      </div>
      <fieldset>
        <legend>${t.stepTemplate}</legend>
        ${!this.models.length ? html`<p class="muted">${t.noTemplatesAtAll}</p>` : !list.length ? html`<p class="muted">${t.noTemplates}</p>` : nothing}
        <ul class="templates">
          ${list.map(
            (m, i) => html`<li data-template=${m.id}>
              <input
                type="radio"
                name="template"
                id=${`tpl-${i}`}
                .checked=${this.selectedTemplate === m.canonical}
                aria-describedby=${`tpl-${i}-desc`}
                @change=${() => {
                  this.selectedTemplate = m.canonical;
                  this.adjusted = {};
                  this.failure = undefined;
                }}
              />
              <div>
                <label for=${`tpl-${i}`}><span class="name">${m.title}</span>${m.problems.length ? html` <span class="badge">${t.unusable}</span>` : nothing}</label>
                <div id=${`tpl-${i}-desc`}>
                  ${m.description ? html`<p class="muted">${m.description}</p>` : nothing}
                  ${m.activities.length
                    ? html`<span class="visually-hidden">${t.sends}:</span>
                        <ul class="sends">
                          ${m.activities.map((a) => html`<li>${this.offsetText(a)}: ${a.title}${a.questionnaireTitle ? ` (${a.questionnaireTitle})` : ''}</li>`)}
                        </ul>`
                    : nothing}
                </div>
              </div>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="buttons">
        <button type="button" class="primary" data-action="next" ?disabled=${!this.template} @click=${() => this.toDates()}>${t.next}</button>
        <button type="button" data-action="close" @click=${() => this.closePanel()}>${t.close}</button>
      </div>`;
  }

  private toDates(): void {
    const m = this.template;
    if (!m) return;
    if (m.problems.length) {
      this.fail(new PlanError(m.problems[0]!.code, m.problems[0]!.params, m.problems));
      return;
    }
    this.failure = undefined;
    this.step = 'dates';
  }

  private renderDates(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const m = this.template!;
    const schedule = planSchedule(m, this.start, this.adjusted);
    const teams = this.data.careTeams;
    return html`<div class="field">
        <label for="start">${t.startDate}</label>
        <input id="start" type="date" required .value=${this.start} @change=${(e: Event) => (this.start = (e.target as HTMLInputElement).value)} />
      </div>
      <fieldset>
        <legend>${m.title}</legend>
        ${schedule.map(
          (a) => html`<div class="field" data-action-id=${a.actionId}>
            <label for=${`date-${a.actionId}`}>${t.dateFor(a.title)} <span class="muted">(${this.offsetText(m.activities.find((x) => x.actionId === a.actionId)!)}${a.adjusted ? `, ${t.adjusted}` : ''})</span></label>
            <input
              id=${`date-${a.actionId}`}
              type="date"
              .value=${a.date}
              @change=${(e: Event) => (this.adjusted = { ...this.adjusted, [a.actionId]: (e.target as HTMLInputElement).value })}
            />
          </div>`,
        )}
        ${Object.keys(this.adjusted).length ? html`<button type="button" data-action="reset-dates" @click=${() => (this.adjusted = {})}>${t.resetDates}</button>` : nothing}
      </fieldset>
      <div class="field">
        <label for="care-team">${t.careTeamLabel}</label>
        <select id="care-team" required @change=${(e: Event) => (this.careTeam = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.careTeam}>${t.chooseCareTeam}</option>
          ${teams.map((c) => html`<option value=${`CareTeam/${c.id}`} ?selected=${this.careTeam === `CareTeam/${c.id}`}>${c.name ?? c.id}</option>`)}
        </select>
      </div>
      <div class="buttons">
        <button type="button" class="primary" data-action="preview" @click=${() => this.toPreview()}>${t.next}</button>
        <button type="button" data-action="back" @click=${() => (this.step = 'template')}>${t.back}</button>
        <button type="button" data-action="close" @click=${() => this.closePanel()}>${t.close}</button>
      </div>`;
  }

  private careTeamRef(): fhir4.Reference {
    const team = this.data.careTeams.find((c) => `CareTeam/${c.id}` === this.careTeam);
    return this.careTeam ? { reference: this.careTeam, ...(team?.name ? { display: team.name } : {}) } : {};
  }

  private toPreview(): void {
    const m = this.template!;
    const problems = validateSchedule(m, planSchedule(m, this.start, this.adjusted), { now: this.nowValue });
    if (!this.careTeam) problems.push({ code: 'no-care-team', params: {} });
    if (problems.length) {
      this.fail(new PlanError(problems[0]!.code, problems[0]!.params, problems));
      return;
    }
    this.failure = undefined;
    this.step = 'preview';
  }

  private renderPreview(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const lang = this.i18n.lang;
    const m = this.template!;
    const schedule = planSchedule(m, this.start, this.adjusted);
    const team = this.careTeamRef();
    return html`<p>${t.previewIntro(m.title, schedule.length)}</p>
      <ul data-preview>
        ${schedule.map((a) => html`<li data-action-id=${a.actionId}><time datetime=${a.date}>${formatDate(a.date, lang)}</time>: ${a.title}${a.adjusted ? html` <span class="muted">(${t.adjusted})</span>` : nothing}</li>`)}
      </ul>
      <p>${t.careTeam(team.display ?? team.reference ?? '')}</p>
      <div class="buttons">
        <button type="button" class="primary" data-action="confirm" ?disabled=${this.busy} @click=${() => void this.submit()}>${this.busy ? t.saving : t.confirm}</button>
        <button type="button" data-action="back" ?disabled=${this.busy} @click=${() => (this.step = 'dates')}>${t.back}</button>
        <button type="button" data-action="close" ?disabled=${this.busy} @click=${() => this.closePanel()}>${t.close}</button>
      </div>`;
  }

  /**
   * Where the server has PlanDefinition/$apply, it fills in what the definitions say; our dates, team and
   * identifiers stay. A server without it (or an $apply that fails) gets the bundle built here.
   */
  private async withServerApply(fhir: FhirDataSource, m: PlanTemplate, bundle: fhir4.Bundle): Promise<fhir4.Bundle> {
    if (!fhir.get || !m.id) return bundle;
    try {
      this.capabilityStatement ??= fhir.get<fhir4.CapabilityStatement>('metadata');
      if (!hasApplyOperation(await this.capabilityStatement)) return bundle;
      const subject = this.patientRef().reference;
      const applied = await fhir.get<fhir4.Resource>(`PlanDefinition/${encodeURIComponent(m.id)}/$apply?subject=${encodeURIComponent(subject ?? '')}`);
      return mergeServerApply(bundle, applied);
    } catch {
      return bundle;
    }
  }

  private capabilityStatement?: Promise<fhir4.CapabilityStatement | undefined>;

  private patientRef(): fhir4.Reference {
    const p = this.citizen;
    if (!p?.id) return {};
    const n = p.name?.[0];
    const display = n?.text ?? [...(n?.given ?? []), n?.family].filter(Boolean).join(' ');
    return { reference: `Patient/${p.id}`, ...(display ? { display } : {}) };
  }

  /**
   * Sends the assignment. The bundle (and its identifier) is made once per set of inputs: a retry after a
   * failure, or a second click, sends the very same conditional creates, so no second plan appears.
   */
  async submit(): Promise<void> {
    const m = this.template;
    if (!m || this.busy) return;
    const key = JSON.stringify([m.canonical, this.start, this.adjusted, this.careTeam, this.citizen?.id]);
    if (this.pending?.key !== key) {
      try {
        const bundle = buildAssignment(m, {
          patient: this.patientRef(),
          start: this.start,
          careTeam: this.careTeamRef(),
          author: this.clinician ?? {},
          adjustedDates: this.adjusted,
          now: this.nowValue,
          assignmentId: newAssignmentId(),
        });
        this.pending = { key, bundle };
      } catch (e) {
        this.fail(e);
        return;
      }
    }
    const bundle = this.pending.bundle;
    const event = new KproPlanAssignEvent({ template: m.canonical, assignmentId: assignmentIdOf(bundle)!, bundle });
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.announcement = this.i18n.t.planAssigner.vetoed;
      return;
    }
    const fhir = this.fhir;
    if (!fhir) {
      this.done(this.i18n.t.planAssigner.assigned(m.title));
      return;
    }
    this.busy = true;
    this.failure = undefined;
    try {
      const result = await assignPlan(fhir, await this.withServerApply(fhir, m, bundle));
      this.pending = undefined;
      this.dispatchEvent(new KproPlanChangeEvent({ kind: 'assigned', references: [result.carePlan, ...result.requests].filter((x): x is string => !!x) }));
      this.done(this.i18n.t.planAssigner.assigned(m.title));
      await this.reload();
    } catch (e) {
      this.fail(e, undefined, () => void this.submit());
    } finally {
      this.busy = false;
    }
  }

  private done(message: string): void {
    this.closePanel();
    this.failure = undefined;
    this.announcement = message;
    this.confirmation = message;
  }

  // ---- cancel ------------------------------------------------------------------------------------

  private askCancel(target: CancelTarget): void {
    this.confirmation = '';
    this.cancelTarget = target;
    this.reason = '';
    this.reasonMissing = false;
    this.failure = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cancel-reason')?.focus());
  }

  private renderCancel(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const c = this.cancelTarget!;
    const lang = this.i18n.lang;
    const title = c.kind === 'plan' ? t.cancelPlanTitle(c.view.title) : t.cancelOccurrenceTitle(c.occurrence.title, formatDate(c.occurrence.start, lang));
    return html`<section class="panel" data-panel="cancel" aria-labelledby="cancel-title">
      <h3 id="cancel-title">${title}</h3>
      ${c.kind === 'occurrence' && c.occurrence.of > 1 ? html`<p class="muted">${t.cancelRepeatingNote}</p>` : nothing}
      <div class="field">
        <label for="cancel-reason">${t.reason}</label>
        <textarea
          id="cancel-reason"
          rows="2"
          required
          aria-invalid=${this.reasonMissing ? 'true' : 'false'}
          aria-describedby=${this.reasonMissing ? 'reason-error' : nothing}
          .value=${this.reason}
          @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.reasonMissing ? html`<p id="reason-error" class="error-text">${t.reasonRequired}</p>` : nothing}
      </div>
      <div class="buttons">
        <button type="button" class="primary" data-action="confirm-cancel" ?disabled=${this.busy} @click=${() => void this.confirmCancel()}>
          ${this.busy ? t.saving : c.kind === 'plan' ? t.confirmCancelPlan : t.confirmCancelOccurrence}
        </button>
        <button type="button" data-action="keep" ?disabled=${this.busy} @click=${() => (this.cancelTarget = undefined)}>${t.keep}</button>
      </div>
    </section>`;
  }

  /** Revokes the plan (and its open requests, one transaction) or one request, with If-Match. */
  async confirmCancel(): Promise<void> {
    const c = this.cancelTarget;
    if (!c || this.busy) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonMissing = true;
      this.renderRoot.querySelector<HTMLElement>('#cancel-reason')?.focus();
      return;
    }
    const t = this.i18n.t.planAssigner;
    const event = new KproPlanCancelEvent(c.kind === 'plan' ? { kind: 'plan', carePlan: c.view.carePlan, reason } : { kind: 'occurrence', request: c.occurrence.request, reason });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const fhir = this.fhir;
    const opts = { reason, author: this.clinician, now: this.nowValue };
    const message = c.kind === 'plan' ? t.planCancelled(c.view.title) : t.occurrenceCancelled(c.occurrence.title);
    if (!fhir) {
      this.cancelTarget = undefined;
      this.announcement = message;
      this.confirmation = message;
      return;
    }
    this.busy = true;
    try {
      let refs: string[];
      if (c.kind === 'plan' && c.view.carePlan) {
        await cancelPlan(fhir, c.view.carePlan, c.view.requests, opts);
        refs = [`CarePlan/${c.view.carePlan.id}`, ...c.view.requests.map((r) => `ServiceRequest/${r.id}`)];
      } else if (c.kind === 'occurrence') {
        await cancelOccurrence(fhir, c.occurrence.request, opts);
        refs = [`ServiceRequest/${c.occurrence.request.id}`];
      } else return;
      this.cancelTarget = undefined;
      this.announcement = message;
      this.confirmation = message;
      this.dispatchEvent(new KproPlanChangeEvent({ kind: c.kind === 'plan' ? 'plan-cancelled' : 'occurrence-cancelled', references: refs }));
      await this.reload();
    } catch (e) {
      this.fail(e, undefined, () => void this.confirmCancel());
    } finally {
      this.busy = false;
    }
  }

  // ---- ad hoc ------------------------------------------------------------------------------------

  private renderAdHoc(): TemplateResult {
    const t = this.i18n.t.planAssigner;
    const qs = this.data.questionnaires ?? [];
    return html`<section class="panel" data-panel="ad-hoc" aria-labelledby="ad-hoc-title">
      <h3 id="ad-hoc-title" tabindex="-1">${t.adHocTitle}</h3>
      <div class="field">
        <label for="ad-hoc-questionnaire">${t.adHocQuestionnaire}</label>
        <select id="ad-hoc-questionnaire" @change=${(e: Event) => (this.adHocQuestionnaire = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.adHocQuestionnaire}>${t.adHocChoose}</option>
          ${qs.map((q) => {
            const c = q.version ? `${q.url}|${q.version}` : (q.url ?? '');
            return html`<option value=${c} ?selected=${this.adHocQuestionnaire === c}>${q.title ?? q.name ?? q.id}${q.version ? ` (${q.version})` : ''}</option>`;
          })}
        </select>
      </div>
      <div class="buttons">
        <button type="button" class="primary" data-action="send-ad-hoc" ?disabled=${!this.adHocQuestionnaire || this.busy} @click=${() => void this.sendAdHoc()}>
          ${this.busy ? t.saving : t.adHocSend}
        </button>
        <button type="button" data-action="close" @click=${() => this.closePanel()}>${t.close}</button>
      </div>
    </section>`;
  }

  /** Sends one extra questionnaire now (a conditional create: a retry does not send it twice). */
  async sendAdHoc(): Promise<void> {
    const canonical = this.adHocQuestionnaire;
    if (!canonical || this.busy) return;
    const q = (this.data.questionnaires ?? []).find((x) => (x.version ? `${x.url}|${x.version}` : x.url) === canonical);
    const title = q?.title ?? q?.name ?? canonical;
    const key = JSON.stringify([canonical, this.citizen?.id]);
    if (this.pendingAdHoc?.key !== key) {
      this.pendingAdHoc = {
        key,
        sr: buildAdHocRequest({ patient: this.patientRef(), questionnaire: canonical, title, author: this.clinician ?? {}, careTeam: this.careTeam ? this.careTeamRef() : undefined, now: this.nowValue }),
      };
    }
    const fhir = this.fhir;
    if (!fhir) {
      this.done(this.i18n.t.planAssigner.adHocSent(title));
      return;
    }
    this.busy = true;
    try {
      const sr = await addAdHoc(fhir, this.pendingAdHoc.sr);
      this.pendingAdHoc = undefined;
      this.dispatchEvent(new KproPlanChangeEvent({ kind: 'ad-hoc', references: [`ServiceRequest/${sr.id}`] }));
      this.done(this.i18n.t.planAssigner.adHocSent(title));
      await this.reload();
    } catch (e) {
      this.fail(e, undefined, () => void this.sendAdHoc());
    } finally {
      this.busy = false;
    }
  }
}
