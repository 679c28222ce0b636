import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import {
  ageOn,
  capabilitiesFromScopes,
  cprIdentifier,
  newCorrelationId,
  cprOf,
  formatCpr,
  formatDate,
  maskCpr,
  type Capabilities,
  type FhirDataSource,
  type LaunchFailure,
  type Reference,
} from '@kpro/core';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { translation } from '@kpro/core';
import { KproErrorEvent } from '../shared/error-event.js';
import { capabilitiesContext, fhirContext, localeContext, patientContext, userContext } from '../shared/context.js';
import { failureOf } from './failures.js';
import { KproPatientOpenEvent } from './app.events.js';
import styles from './app.styles.js';
import './views/kpro-app-responses.js';
import './views/kpro-app-answer.js';
import './views/kpro-app-look-ups.js';
import '../plan-assigner/kpro-plan-assigner.js';
import '../task-overview/kpro-task-overview.js';
import './views/kpro-app-care-team.js';
import type { KproTaskOpenEvent } from '../task-overview/task-overview.events.js';

export type AppIntent = 'answers' | 'plans' | 'answer-on-behalf' | 'citizen' | 'tasks' | 'team';

/** Failures a new attempt may mend: the server did not answer. The others need a new launch or another role. */
const RETRYABLE = new Set<LaunchFailure>(['server-down']);

/**
 * The SMART app shell: given a FHIR data source and the launch context, finds the citizen (by id or by
 * CPR), provides the context to every component, and shows the view the EHR asked for. It writes no
 * audit: the FHIR server records every look-up itself (MinLog), where no client can skip or forge it.
 *
 * @tagname kpro-app
 * @summary The PRO app shell launched from the EHR.
 * @status experimental
 * @event kpro-patient-open - The citizen was found and opened.
 * @event kpro-error - A launch or server failure; `detail.code` is the failure.
 * @csspart base - The wrapper.
 * @csspart banner - The patient banner (only when the EHR asks for it).
 * @csspart nav - The view tabs.
 * @csspart failure - The launch failure screen (with what to do next, and "Prøv igen" where a new attempt can help).
 * @csspart app-bar - The language switch above the views.
 */
export class KproApp extends LitElement {
  static override styles = [hostStyles, styles];

  /** The FHIR server (authorised). */
  @property({ attribute: false }) fhir?: FhirDataSource;
  /** The citizen's Patient id from the token (`patient`). */
  @property({ attribute: 'patient-id' }) patientId?: string;
  /** The citizen's CPR from `fhirContext`, when the EHR gave no Patient id. Never an attribute: never in the DOM. */
  @property({ attribute: false }) cpr?: string;
  /** The logged-in user (`fhirUser`). */
  @property({ attribute: false }) user?: Reference;
  /** Granted scopes; read-only users get no write controls. */
  @property() scopes = '';
  /** Which view the EHR asked for. */
  @property() intent: AppIntent = 'answers';
  /** Show our patient banner (the EHR shows its own when false). */
  @property({ type: Boolean, attribute: 'need-patient-banner' }) needPatientBanner = false;
  /** SMART client id. */
  @property({ attribute: 'client-id' }) clientId?: string;
  /** A failure found before the app could start (no launch, consent denied …). */
  @property() failure?: LaunchFailure;

  @state() private patient?: fhir4.Patient;
  @state() private loading = false;
  @state() private showCpr = false;
  @state() private view: AppIntent = 'answers';

  private readonly localize = new LocalizeController(this, translation);
  #fhirProvider = new ContextProvider(this, { context: fhirContext });
  #patientProvider = new ContextProvider(this, { context: patientContext });
  #userProvider = new ContextProvider(this, { context: userContext });
  #capsProvider = new ContextProvider(this, { context: capabilitiesContext });
  #localeProvider = new ContextProvider(this, { context: localeContext });
  #opened?: string;

  /** What the user may do, from the granted scopes (read-only). */
  get capabilities(): Capabilities {
    return capabilitiesFromScopes(this.scopes);
  }

  /**
   * SMART Web Messaging with the EHR (the token's `smart_web_messaging_origin` and `_handle`): how the task
   * overview asks the EHR to open a citizen (a new launch with that citizen in context).
   */
  @property({ attribute: false }) webMessaging?: { origin: string; handle: string };

  /** A task's citizen could not be opened from here (no EHR to ask). */
  @state() private openNotice = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('intent')) this.view = this.intent;
    if (changed.has('fhir')) this.#fhirProvider.setValue(this.fhir);
    if (changed.has('user')) this.#userProvider.setValue(this.user);
    if (changed.has('scopes')) this.#capsProvider.setValue(this.capabilities);
    this.#localeProvider.setValue(this.localize.lang);
    // The task overview has no citizen in context: nothing to open (and nothing logged in MinLog).
    if ((changed.has('fhir') || changed.has('patientId') || changed.has('cpr')) && this.fhir && !this.failure && this.intent !== 'tasks') void this.#openPatient();
  }

  async #openPatient(): Promise<void> {
    const fhir = this.fhir!;
    const key = this.patientId ?? (this.cpr ? 'cpr' : '');
    if (!key || this.#opened === key) return;
    this.#opened = key;
    this.loading = true;
    try {
      let patient: fhir4.Patient | undefined;
      if (this.patientId) {
        patient = await fhir.read<fhir4.Patient>('Patient', this.patientId).catch((e) => {
          if ((e as { kind?: string }).kind === 'not-found') return undefined;
          throw e;
        });
      } else {
        // POST search: the CPR goes in the form body, never in a URL.
        const id = cprIdentifier(this.cpr!);
        const { resources } = await fhir.search<fhir4.Patient>('Patient', { identifier: `${id.system}|${id.value}` }, { post: true });
        patient = resources.length === 1 ? resources[0] : undefined;
      }
      if (!patient?.id) {
        this.#fail('citizen-not-found');
        return;
      }
      this.patient = patient;
      this.#patientProvider.setValue(patient);
      this.dispatchEvent(new KproPatientOpenEvent(patient.id));
    } catch (e) {
      this.#fail(failureOf(e), e);
    } finally {
      this.loading = false;
    }
  }

  #fail(code: LaunchFailure, e?: unknown): void {
    this.failure = code;
    // The message never carries a CPR: it comes from our codes or the server's OperationOutcome.
    this.dispatchEvent(new KproErrorEvent({ code, message: (e as Error | undefined)?.message ?? code, severity: 'error' }));
  }

  /** Lets views report a server failure (token refused, server down) to the shell. */
  reportFailure(e: unknown): void {
    this.#fail(failureOf(e), e);
  }

  /** "Prøv igen" on a failure a new attempt can mend (the server did not answer). */
  #retry = (): void => {
    if (!this.fhir) {
      // The launch itself did not get through: start the page again (fhirclient keeps the launch state).
      location.reload();
      return;
    }
    this.failure = undefined;
    this.#opened = undefined;
    void this.#openPatient();
  };

  #setLanguage(lang: string): void {
    this.lang = lang;
  }

  /**
   * Opening a citizen from the task list is a new launch by the EHR with that citizen in context (one MinLog
   * look-up), asked for with SMART Web Messaging; the list itself never reads the citizen's data.
   */
  #openTask = (e: KproTaskOpenEvent): void => {
    const wm = this.webMessaging;
    if (!wm || window.parent === window) {
      this.openNotice = this.localize.t.app.openInRecord(e.detail.patient.display ?? '');
      return;
    }
    this.openNotice = '';
    const messageId = newCorrelationId();
    const name = e.detail.patient.display ?? '';
    // The EHR answers in this frame; a refusal (say, not a citizen of the user's teams) is said here.
    const onAnswer = (m: MessageEvent) => {
      if (m.origin !== wm.origin || m.data?.responseToMessageId !== messageId) return;
      window.removeEventListener('message', onAnswer);
      if (m.data?.payload?.status !== 'success') this.openNotice = this.localize.t.app.openInRecord(name);
    };
    window.addEventListener('message', onAnswer);
    window.parent.postMessage(
      {
        messagingHandle: wm.handle,
        messageId,
        messageType: 'ui.launchActivity',
        payload: { activityType: 'kpro-open-patient', activityParameters: { patient: e.detail.patient.reference, intent: 'answers' } },
      },
      wm.origin,
    );
  };

  #renderBar(): TemplateResult {
    const t = this.localize.t.app;
    const lang = this.localize.lang;
    return html`<div class="app-bar" part="app-bar">
      <div class="languages" role="group" aria-label=${t.language}>
        ${Object.entries(t.languages).map(
          ([code, name]) =>
            html`<button type="button" lang=${code} aria-pressed=${lang === code ? 'true' : 'false'} data-lang=${code} @click=${() => this.#setLanguage(code)}>${name}</button>`,
        )}
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app;
    if (this.failure) {
      const texts = this.intent === 'citizen' ? t.failuresCitizen : t.failures;
      const f = texts[this.failure] ?? texts.unknown;
      return html`<div class="failure" part="base failure" role="alert" lang=${this.localize.lang} data-failure=${this.failure}>
        <h1><span aria-hidden="true">⚠ </span>${f.title}</h1>
        <p>${f.next}</p>
        ${RETRYABLE.has(this.failure) ? html`<button type="button" class="retry" data-action="retry" @click=${this.#retry}>${t.retry}</button>` : nothing}
      </div>`;
    }
    const caps = this.capabilities;
    if (this.intent === 'tasks') {
      return html`<div class="app" part="base" lang=${this.localize.lang}>
        ${this.#renderBar()}
        ${this.openNotice ? html`<p class="notice" role="status">${this.openNotice}</p>` : nothing}
        <main><kpro-task-overview ?readonly=${!caps.canWrite('Task')} @kpro-task-open=${this.#openTask}></kpro-task-overview></main>
      </div>`;
    }
    if (this.loading || !this.patient) return html`<div class="state" part="base" role="status" aria-live="polite">${t.loadingCitizen}</div>`;
    const views: { id: AppIntent; label: string }[] =
      this.intent === 'citizen'
        ? [{ id: 'citizen', label: t.views.citizen }]
        : [
            { id: 'answers', label: t.views.answers },
            { id: 'plans', label: t.views.plans },
            ...(caps.canWrite('QuestionnaireResponse') ? [{ id: 'answer-on-behalf' as const, label: t.views.answerOnBehalf }] : []),
            { id: 'team' as const, label: t.views.team },
          ];
    const lang = this.localize.lang;
    return html`<div class="app" part="base" lang=${lang}>
      ${this.#renderBar()}
      ${this.needPatientBanner ? this.#renderBanner() : nothing}
      ${!caps.canWrite('QuestionnaireResponse') && this.intent !== 'citizen' ? html`<p class="notice" role="note">${t.readOnlyUser}</p>` : nothing}
      ${views.length > 1
        ? html`<nav part="nav" aria-label=${t.title}>
            <ul class="tabs">
              ${views.map(
                (v) => html`<li><button type="button" class=${this.view === v.id ? 'current' : ''} aria-current=${this.view === v.id ? 'page' : 'false'} @click=${() => (this.view = v.id)}>${v.label}</button></li>`,
              )}
            </ul>
          </nav>`
        : nothing}
      <main>${this.#renderView()}</main>
    </div>`;
  }

  #renderView(): TemplateResult {
    switch (this.view) {
      case 'plans':
        return html`<kpro-plan-assigner ?readonly=${!this.capabilities.canWrite('CarePlan')}></kpro-plan-assigner>`;
      case 'answer-on-behalf':
        return this.capabilities.canWrite('QuestionnaireResponse') ? html`<kpro-app-answer mode="clinician"></kpro-app-answer>` : html`<kpro-app-responses></kpro-app-responses>`;
      case 'citizen':
        return html`<kpro-app-answer mode="citizen"></kpro-app-answer><kpro-app-look-ups></kpro-app-look-ups>`;
      case 'team':
        return html`<kpro-app-care-team></kpro-app-care-team>`;
      default:
        return html`<kpro-app-responses></kpro-app-responses>`;
    }
  }

  #renderBanner(): TemplateResult {
    const t = this.localize.t.app;
    const p = this.patient!;
    const name = p.name?.[0];
    const display = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
    const cpr = cprOf(p);
    const lang = this.localize.lang;
    return html`<section class="banner" part="banner" aria-label=${t.citizen}>
      <strong class="name">${display}</strong>
      ${cpr
        ? html`<span class="cpr"
            ><span class="visually-hidden">${t.cpr}: </span><span data-testid="cpr">${this.showCpr ? formatCpr(cpr) : maskCpr(cpr)}</span>
            <button type="button" class="link" aria-pressed=${this.showCpr ? 'true' : 'false'} @click=${() => (this.showCpr = !this.showCpr)}>
              ${this.showCpr ? t.hideCpr : t.showCpr}
            </button></span
          >`
        : nothing}
      ${p.birthDate ? html`<span>${t.born} ${formatDate(p.birthDate, lang)} (${t.age(ageOn(p.birthDate))})</span>` : nothing}
    </section>`;
  }
}

