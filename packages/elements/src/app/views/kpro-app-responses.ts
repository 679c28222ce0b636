import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Questionnaire, QuestionnaireResponse } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import '../../answer-view/kpro-answer-view.js';
import { responsesOf } from '../data.js';
import { AppView } from './view-base.js';

interface Course {
  url: string;
  title: string;
  responses: QuestionnaireResponse[];
}

/**
 * The citizen's answers, colour-coded, per questionnaire: the newest response first with the course over
 * time (first, mid-course and final conversation), the server's triage verdicts where it has them, and
 * a big-screen switch for the conversation with the citizen.
 */
export class KproAppResponses extends AppView {
  static override styles = [
    hostStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kpro-space-s);
        align-items: center;
        margin-block-end: var(--kpro-space-m);
      }
      button[aria-pressed='true'] {
        background: var(--kpro-color-primary);
        color: var(--kpro-color-on-primary);
      }
    `,
  ];

  @state() private courses?: Course[];
  @state() private selected = 0;
  @state() private versions?: Questionnaire[];
  @state() private requests: fhir4.ServiceRequest[] = [];
  @state() private verdicts: fhir4.ClinicalImpression[] = [];
  @state() private bigScreen = false;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const fhir = this.fhir!;
      const patient = `Patient/${this.patient!.id}`;
      const [responses, requests, verdicts] = await Promise.all([
        responsesOf(fhir, this.patient!.id!),
        fhir.search<fhir4.ServiceRequest>('ServiceRequest', { subject: patient, _count: '200' }).then((r) => r.resources),
        // The server's own triage results, if it makes them (FUT does); a server without them returns none.
        fhir
          .search<fhir4.ClinicalImpression>('ClinicalImpression', { subject: patient, _count: '200' })
          .then((r) => r.resources)
          .catch(() => [] as fhir4.ClinicalImpression[]),
      ]);
      const byUrl = new Map<string, QuestionnaireResponse[]>();
      for (const r of responses) {
        const url = (r.questionnaire ?? '').split('|')[0]!;
        byUrl.set(url, [...(byUrl.get(url) ?? []), r]);
      }
      const courses: Course[] = [];
      for (const [url, list] of byUrl) {
        const q = await this.questionnaires.get(list[0]!.questionnaire!).catch(() => undefined);
        courses.push({ url, title: q?.title ?? url.split('/').pop() ?? url, responses: list });
      }
      this.requests = requests;
      this.verdicts = verdicts;
      this.courses = courses;
      await this.#select(0);
    } catch (e) {
      this.report(e);
    }
  }

  async #select(i: number): Promise<void> {
    this.selected = i;
    const course = this.courses?.[i];
    if (!course) return;
    // Every version the responses name: each response is coloured with its own version's rules.
    const canonicals = [...new Set(course.responses.map((r) => r.questionnaire!))];
    const versions = await Promise.all(canonicals.map((c) => this.questionnaires.get(c).catch(() => undefined)));
    this.versions = versions.filter((q): q is Questionnaire => !!q);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    if (!this.courses) return html`<p role="status">${t.loading}</p>`;
    if (!this.courses.length) return html`<p>${t.app.noResponses}</p>`;
    const course = this.courses[this.selected]!;
    return html`<div class="bar">
        ${this.courses.length > 1
          ? this.courses.map(
              (c, i) => html`<button type="button" aria-pressed=${i === this.selected ? 'true' : 'false'} @click=${() => this.#select(i)}>${c.title}</button>`,
            )
          : nothing}
        <button type="button" aria-pressed=${this.bigScreen ? 'true' : 'false'} data-testid="big-screen" @click=${() => (this.bigScreen = !this.bigScreen)}>
          ${t.app.bigScreen}
        </button>
      </div>
      ${this.versions
        ? html`<kpro-answer-view
            ?big-screen=${this.bigScreen}
            .questionnaire=${this.versions}
            .responses=${course.responses}
            .requests=${this.requests}
            .triage=${this.verdicts}
          ></kpro-answer-view>`
        : html`<p role="status">${t.loading}</p>`}`;
  }
}

defineElement('kpro-app-responses', KproAppResponses);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-responses': KproAppResponses;
  }
}
