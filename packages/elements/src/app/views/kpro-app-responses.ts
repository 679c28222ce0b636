import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDate, textFor, type Questionnaire } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import '../../questionnaire/kpro-questionnaire.js';
import { responsesOf } from '../data.js';
import { AppView } from './view-base.js';

/** The citizen's responses, newest first, the selected one shown for review. */
export class KproAppResponses extends AppView {
  static override styles = [
    hostStyles,
    css`
      .list {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--kpro-space-s);
      }
      button[aria-pressed='true'] {
        background: var(--kpro-color-primary);
        color: var(--kpro-color-on-primary);
      }
    `,
  ];

  @state() private responses?: fhir4.QuestionnaireResponse[];
  @state() private selected = 0;
  @state() private questionnaire?: Questionnaire;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.responses = await responsesOf(this.fhir!, this.patient!.id!);
      await this.#select(0);
    } catch (e) {
      this.report(e);
    }
  }

  async #select(i: number): Promise<void> {
    this.selected = i;
    const r = this.responses?.[i];
    this.questionnaire = r?.questionnaire ? await this.questionnaires.get(r.questionnaire).catch(() => undefined) : undefined;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app;
    const lang = this.localize.lang;
    if (!this.responses) return html`<p role="status">${this.localize.t.loading}</p>`;
    if (!this.responses.length) return html`<p>${t.noResponses}</p>`;
    const current = this.responses[this.selected];
    return html`<section aria-labelledby="h">
      <h2 id="h">${t.responsesTitle}</h2>
      <ul class="list">
        ${this.responses.map(
          (r, i) => html`<li>
            <button type="button" aria-pressed=${i === this.selected ? 'true' : 'false'} data-response-id=${r.id ?? ''} @click=${() => this.#select(i)}>
              ${r.authored ? formatDate(r.authored, lang) : '—'}
            </button>
          </li>`,
        )}
      </ul>
      ${current && this.questionnaire
        ? html`<h3>${t.responseFrom(current.authored ? formatDate(current.authored, lang, true) : '')}: ${textFor({ plain: this.questionnaire.title ?? '' }, lang)}</h3>
            <kpro-questionnaire readonly no-draft .questionnaire=${this.questionnaire} .response=${current}></kpro-questionnaire>`
        : nothing}
    </section>`;
  }
}

defineElement('kpro-app-responses', KproAppResponses);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-responses': KproAppResponses;
  }
}
