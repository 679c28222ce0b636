import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorKindOf, FhirRequestError, formatDate, newCorrelationId, type Questionnaire, type QuestionnaireResponse } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import '../../questionnaire/kpro-questionnaire.js';
import type { KproQuestionnaire } from '../../questionnaire/questionnaire.js';
import type { KproResponseSubmitEvent } from '../../questionnaire/questionnaire.events.js';
import { dueOf, dueRequestsOf, questionnaireOfRequest, responsesOf } from '../data.js';
import { AppView } from './view-base.js';

const IDENTIFIER_SYSTEM = 'urn:ietf:rfc:3986';

interface Choice {
  questionnaire: Questionnaire;
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
      ul {
        padding-inline-start: var(--kpro-space-l);
      }
      li {
        margin-block: var(--kpro-space-s);
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

  @state() private due?: { request: fhir4.ServiceRequest; questionnaire?: Questionnaire }[];
  @state() private answered?: fhir4.QuestionnaireResponse[];
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
      const answered = await responsesOf(fhir, this.patient!.id!);
      const requests = await dueRequestsOf(fhir, this.patient!.id!, answered);
      this.answered = answered;
      this.due = await Promise.all(
        requests.map(async (request) => {
          const canonical = questionnaireOfRequest(request);
          return { request, questionnaire: canonical ? await this.questionnaires.get(canonical).catch(() => undefined) : undefined };
        }),
      );
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

  protected override render(): TemplateResult {
    const t = this.localize.t.app;
    if (this.choice) return this.#renderForm(this.choice);
    if (!this.due) return html`<p role="status">${this.localize.t.loading}</p>`;
    const lang = this.localize.lang;
    return html`${this.saving === 'saved' ? html`<p class="status ok" role="status">✓ ${t.saved}</p>` : nothing}
      <section aria-labelledby="due-h">
        <h2 id="due-h">${t.dueTitle}</h2>
        ${this.due.length
          ? html`<ul>
              ${this.due.map(
                (d) => html`<li data-request-id=${d.request.id ?? ''}>
                  <strong>${d.questionnaire?.title ?? d.request.code?.text ?? d.request.id}</strong>
                  ${dueOf(d.request) ? html` · ${t.dueDate(formatDate(dueOf(d.request), lang))}` : nothing}
                  ${d.questionnaire ? html`<button type="button" @click=${() => this.#open({ questionnaire: d.questionnaire!, request: d.request })}>${t.startAnswering}</button>` : nothing}
                </li>`,
              )}
            </ul>`
          : html`<p>${t.noDue}</p>`}
      </section>
      ${this.mode === 'clinician' && this.all?.length
        ? html`<section aria-labelledby="all-h">
            <h2 id="all-h">${t.allQuestionnaires}</h2>
            <ul>
              ${this.all.map((q) => html`<li data-questionnaire-id=${q.id ?? ''}>${q.title ?? q.name ?? q.id} <button type="button" @click=${() => this.#open({ questionnaire: q })}>${t.startAnswering}</button></li>`)}
            </ul>
          </section>`
        : nothing}
      <section aria-labelledby="done-h">
        <h2 id="done-h">${t.answeredTitle}</h2>
        ${this.answered?.length
          ? html`<ul>${this.answered.map((r) => html`<li data-response-id=${r.id ?? ''}>${r.authored ? formatDate(r.authored, lang, true) : ''} · ${r.questionnaire?.split('|')[0]?.split('/').pop()}</li>`)}</ul>`
          : html`<p>${t.noResponses}</p>`}
      </section>`;
  }

  #open(c: Choice): void {
    this.saving = 'idle';
    this.choice = c;
  }

  #renderForm(c: Choice): TemplateResult {
    const t = this.localize.t.app;
    return html`<button type="button" @click=${() => ((this.choice = undefined), void this.#load())}>← ${t.back}</button>
      ${this.saving === 'saving' ? html`<p class="status" role="status">${t.saving}</p>` : nothing}
      ${this.saving === 'saved' ? html`<p class="status ok" role="status">✓ ${t.saved}</p>` : nothing}
      ${this.saving === 'failed'
        ? html`<div class="status error" role="alert">${t.saveFailed(this.saveError)} <button type="button" @click=${() => this.#save()}>${t.retry}</button></div>`
        : nothing}
      <kpro-questionnaire
        mode=${this.mode}
        draft-key=${this.#draftKey(c)}
        .questionnaire=${c.questionnaire}
        .subject=${{ reference: `Patient/${this.patient!.id}` }}
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
