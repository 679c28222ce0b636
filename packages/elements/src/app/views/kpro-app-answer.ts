import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  errorKindOf,
  FhirRequestError,
  formatDate,
  newCorrelationId,
  occurrenceName,
  personName,
  questionnaireLists,
  questionnaireTitle,
  type Occurrence,
  type Questionnaire,
  type QuestionnaireResponse,
} from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import '../../questionnaire/kpro-questionnaire.js';
import type { KproQuestionnaire } from '../../questionnaire/questionnaire.js';
import type { KproResponseSubmitEvent } from '../../questionnaire/questionnaire.events.js';
import { questionnaireOfRequest, requestsOf, responsesOf } from '../data.js';
import { AppView } from './view-base.js';

const IDENTIFIER_SYSTEM = 'urn:ietf:rfc:3986';

interface Choice {
  questionnaire: Questionnaire;
  request?: fhir4.ServiceRequest;
  /** A response to show read-only (an answered entry). */
  response?: QuestionnaireResponse;
}

/** A list entry: an occurrence (open or coming) or an answered response; named at render, in the language on screen. */
interface Entry {
  key: string;
  questionnaire?: Questionnaire;
  occurrence?: Occurrence;
  response?: QuestionnaireResponse;
  /** The request an answered response is `basedOn`, for the conversation's name. */
  request?: fhir4.ServiceRequest;
}

/**
 * Answering: the citizen's waiting questionnaires (and, for clinicians, any questionnaire), the renderer,
 * and saving to the server. A submit carries a stable identifier and is created with If-None-Exist, so a
 * retried submit never makes a second response.
 */
export class KproAppAnswer extends AppView {
  static override styles = [
    hostStyles,
    css`
      .entries {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .entries li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kpro-space-xs) var(--kpro-space-m);
        align-items: baseline;
        padding-block: var(--kpro-space-s);
        border-block-end: 1px solid var(--kpro-color-border);
      }
      .entries .name {
        flex: 1 1 16rem;
      }
      .entries .when {
        color: var(--kpro-color-text-muted);
      }
      .entries li[data-status='overdue'] .when {
        color: var(--kpro-color-text);
        font-weight: 600;
      }
      .back {
        margin-block-end: var(--kpro-space-m);
      }
      .status {
        padding: var(--kpro-space-s) var(--kpro-space-m);
        border-radius: var(--kpro-radius);
        background: var(--kpro-color-surface-alt);
      }
      .status.error {
        background: var(--kpro-color-error-soft);
        border-inline-start: 6px solid var(--kpro-color-error);
      }
      .status.ok {
        background: var(--kpro-color-success-soft);
        border-inline-start: 6px solid var(--kpro-color-success);
      }
    `,
  ];

  /** `clinician` enters answers on the citizen's behalf; `citizen` answers their own. */
  @property() mode: 'clinician' | 'citizen' = 'clinician';

  @state() private open?: Entry[];
  @state() private upcoming: Entry[] = [];
  @state() private answered: Entry[] = [];
  @state() private all?: Questionnaire[];
  @state() private choice?: Choice;
  @state() private saving: 'idle' | 'saving' | 'saved' | 'failed' = 'idle';
  @state() private saveError = '';
  #pending?: { element: KproQuestionnaire; response: QuestionnaireResponse };

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const fhir = this.fhir!;
      const patientId = this.patient!.id!;
      const [responses, requests] = await Promise.all([responsesOf(fhir, patientId), requestsOf(fhir, patientId)]);
      const questionnaireOf = (canonical: string | undefined) => (canonical ? this.questionnaires.get(canonical).catch(() => undefined) : Promise.resolve(undefined));
      // One status for every list: core's occurrence status (the plan view shows the same).
      const lists = questionnaireLists(requests, responses);
      const entryOf = async (o: Occurrence): Promise<Entry> => ({ key: o.key, questionnaire: await questionnaireOf(questionnaireOfRequest(o.request)), occurrence: o });
      const byId = new Map(requests.map((r) => [r.id, r]));
      const answeredOf = async (r: QuestionnaireResponse): Promise<Entry> => {
        const request = r.basedOn?.map((b) => byId.get(b.reference?.split('/').pop())).find(Boolean);
        return { key: r.id ?? '', questionnaire: await questionnaireOf(r.questionnaire), response: r, ...(request ? { request } : {}) };
      };
      const [open, upcoming, answered] = await Promise.all([
        Promise.all(lists.open.map(entryOf)),
        Promise.all(lists.upcoming.map(entryOf)),
        Promise.all(responses.map(answeredOf)),
      ]);
      this.upcoming = upcoming;
      this.answered = answered;
      this.open = open;
      if (this.mode === 'clinician') this.all = await this.questionnaires.all();
    } catch (e) {
      this.report(e);
    }
  }

  #draftKey(c: Choice): string {
    return c.request?.id ? `ServiceRequest/${c.request.id}` : `ad-hoc`;
  }

  /** One identifier per answering, kept for retries (also across a reload of the page). */
  #identifierFor(c: Choice): string {
    const key = `kpro-submit-id:${this.patient?.id}:${c.questionnaire.url ?? c.questionnaire.id}:${this.#draftKey(c)}`;
    let id = sessionStorage.getItem(key);
    if (!id) {
      id = `urn:uuid:${newCorrelationId()}`;
      sessionStorage.setItem(key, id);
    }
    return id;
  }

  #onSubmit = (e: KproResponseSubmitEvent): void => {
    e.preventDefault(); // we save to the server; the element keeps its draft until we confirm
    this.#pending = { element: e.target as KproQuestionnaire, response: e.detail };
    void this.#save();
  };

  async #save(): Promise<void> {
    const pending = this.#pending;
    const c = this.choice;
    if (!pending || !c) return;
    const identifier = this.#identifierFor(c);
    const response: QuestionnaireResponse = {
      ...pending.response,
      identifier: { system: IDENTIFIER_SYSTEM, value: identifier },
      subject: { reference: `Patient/${this.patient!.id}` },
      ...(c.request?.id ? { basedOn: [{ reference: `ServiceRequest/${c.request.id}` }] } : {}),
    };
    this.saving = 'saving';
    try {
      await this.fhir!.create(response, { ifNoneExist: `identifier=${IDENTIFIER_SYSTEM}|${identifier}` });
      sessionStorage.removeItem(`kpro-submit-id:${this.patient?.id}:${c.questionnaire.url ?? c.questionnaire.id}:${this.#draftKey(c)}`);
      await pending.element.markSubmitted();
      this.saving = 'saved';
      this.#pending = undefined;
      void this.#load();
    } catch (e) {
      if (e instanceof FhirRequestError && e.kind === 'unauthorized') return this.report(e);
      this.saving = 'failed';
      this.saveError = errorKindOf(e); // a kind the message translates, never the browser's English text
    }
  }

  /** "Kommunal rehabilitering – Afsluttende samtale (uge 12)", in the language on screen. */
  #nameOf(e: Entry): string {
    const t = this.localize.t.app;
    const title = e.questionnaire ? questionnaireTitle(e.questionnaire, this.localize.lang) : undefined;
    if (e.occurrence) {
      const n = occurrenceName(e.occurrence, title);
      return t.entryName(n.questionnaire, n.occurrence, n.number);
    }
    const q = title ?? e.response?.questionnaire?.split('|')[0]?.split('/').pop() ?? '';
    const own = e.request?.code?.text?.trim();
    return t.entryName(q, own && own !== q ? own : undefined);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app;
    if (this.choice) return this.#renderForm(this.choice);
    if (!this.open) return html`<p role="status">${this.localize.t.loading}</p>`;
    const lang = this.localize.lang;
    const name = personName(this.patient);
    return html`${this.saving === 'saved'
        ? html`<p class="status ok" role="status">✓ ${this.mode === 'clinician' ? t.savedFor(name) : t.savedCitizen}</p>`
        : nothing}
      <section aria-labelledby="due-h">
        <h2 id="due-h">${t.dueTitle}</h2>
        ${this.open.length
          ? html`<ul class="entries">
              ${this.open.map((e) => {
                const o = e.occurrence!;
                const name = this.#nameOf(e);
                const deadline = o.end ? formatDate(o.end, lang) : '';
                return html`<li data-request-id=${o.request.id ?? ''} data-occurrence=${o.key} data-status=${o.status}>
                  <strong class="name">${name}</strong>
                  ${deadline ? html`<span class="when">${o.status === 'overdue' ? t.overdueSince(deadline) : t.dueDate(deadline)}</span>` : nothing}
                  ${e.questionnaire
                    ? html`<button type="button" aria-label="${t.startAnswering}: ${name}" @click=${() => this.#open({ questionnaire: e.questionnaire!, request: o.request })}>${t.startAnswering}</button>`
                    : nothing}
                </li>`;
              })}
            </ul>`
          : html`<p>${t.noDue}</p>`}
      </section>
      ${this.upcoming.length
        ? html`<section aria-labelledby="upcoming-h">
            <h2 id="upcoming-h">${t.upcomingTitle}</h2>
            <ul class="entries">
              ${this.upcoming.map(
                (e) => html`<li data-request-id=${e.occurrence!.request.id ?? ''} data-occurrence=${e.key} data-status="planned">
                  <strong class="name">${this.#nameOf(e)}</strong> <span class="when">${t.opensOn(formatDate(e.occurrence!.start, lang, true))}</span>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      ${this.mode === 'clinician' && this.all?.length
        ? html`<section aria-labelledby="all-h">
            <h2 id="all-h">${t.allQuestionnaires}</h2>
            <ul class="entries">
              ${this.all.map((q) => {
                const title = questionnaireTitle(q, lang);
                return html`<li data-questionnaire-id=${q.id ?? ''}>
                  <strong class="name">${title}</strong>
                  <button type="button" aria-label="${t.startAnswering}: ${title}" @click=${() => this.#open({ questionnaire: q })}>${t.startAnswering}</button>
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}
      <section aria-labelledby="done-h">
        <h2 id="done-h">${t.answeredTitle}</h2>
        ${this.answered.length
          ? html`<ul class="entries">
              ${this.answered.map((e) => {
                const date = e.response!.authored ? formatDate(e.response!.authored, lang, true) : '';
                const name = this.#nameOf(e);
                return html`<li data-response-id=${e.key}>
                  <strong class="name">${name}</strong> ${date ? html`<span class="when">${t.answeredOn(date)}</span>` : nothing}
                  ${e.questionnaire
                    ? html`<button type="button" aria-label=${t.showAnswersLabel(name, date)} @click=${() => this.#open({ questionnaire: e.questionnaire!, response: e.response! })}>
                        ${t.showAnswers}
                      </button>`
                    : nothing}
                </li>`;
              })}
            </ul>`
          : html`<p>${t.noResponses}</p>`}
      </section>`;
  }

  #open(c: Choice): void {
    this.saving = 'idle';
    this.choice = c;
  }

  #renderForm(c: Choice): TemplateResult {
    const t = this.localize.t.app;
    const back = html`<button type="button" class="back" @click=${() => ((this.choice = undefined), void this.#load())}>← ${t.back}</button>`;
    if (c.response) {
      return html`${back}
        <kpro-questionnaire readonly no-draft mode=${this.mode} .questionnaire=${c.questionnaire} .response=${c.response}></kpro-questionnaire>`;
    }
    return html`${back}
      ${this.saving === 'saving' ? html`<p class="status" role="status">${t.saving}</p>` : nothing}
      ${this.saving === 'failed'
        ? html`<div class="status error" role="alert">${t.saveFailed(this.saveError)} <button type="button" @click=${() => this.#save()}>${t.retry}</button></div>`
        : nothing}
      <kpro-questionnaire
        mode=${this.mode}
        draft-key=${this.#draftKey(c)}
        .questionnaire=${c.questionnaire}
        .subject=${{ reference: `Patient/${this.patient!.id}`, display: personName(this.patient) }}
        .launchContext=${{ patient: this.patient }}
        .author=${this.user}
        @kpro-response-submit=${this.#onSubmit}
      ></kpro-questionnaire>`;
  }
}

defineElement('kpro-app-answer', KproAppAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-answer': KproAppAnswer;
  }
}
