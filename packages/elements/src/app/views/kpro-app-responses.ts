import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { nowIso, triageResponse, type Questionnaire, type QuestionnaireResponse, type TriageResult } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import '../../answer-view/kpro-answer-view.js';
import '../../action-guide/kpro-action-guide.js';
import type { KproActionCompleteEvent } from '../../action-guide/action-guide.events.js';
import { responsesOf } from '../data.js';
import { AppView } from './view-base.js';

/** Where the guides stop standing beside the answers (the .split layout's breakpoint). */
const NARROW = '(max-width: 64rem)';

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
      /* Answers and guides side by side on wide screens, stacked on narrow ones. */
      .split {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);
        gap: var(--kpro-space-l);
        align-items: start;
      }
      .split kpro-answer-view {
        min-width: 0;
        overflow-x: auto;
      }
      .split kpro-action-guide {
        position: sticky;
        top: 0;
        max-height: 100vh;
        overflow: auto;
      }
      @media (max-width: 64rem) {
        .split {
          grid-template-columns: minmax(0, 1fr);
        }
        .split kpro-action-guide {
          position: static;
          max-height: none;
        }
      }
      /* Narrow screens: the guide of a selected answer opens as a sheet over the answers, in view at once. */
      dialog.guide-sheet {
        inset-block: auto 0;
        margin: 0;
        width: 100%;
        max-width: 100%;
        max-height: 85vh;
        padding: var(--kpro-space-m);
        border: 0;
        border-radius: var(--kpro-radius) var(--kpro-radius) 0 0;
        box-shadow: 0 -4px 24px rgb(0 0 0 / 0.3);
        background: var(--kpro-color-surface);
        color: var(--kpro-color-text);
      }
      dialog.guide-sheet[open] {
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      .sheet-body {
        overflow: auto;
        min-height: 0;
      }
      dialog.guide-sheet::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      .sheet-back {
        flex: none;
        align-self: flex-start;
        margin-block-end: var(--kpro-space-s);
      }
      @media print {
        .bar,
        .split kpro-action-guide,
        dialog {
          display: none !important;
        }
        .split {
          display: block;
        }
        .split kpro-answer-view {
          overflow: visible;
        }
      }
    `,
  ];

  @state() private courses?: Course[];
  @state() private selected = 0;
  @state() private versions?: Questionnaire[];
  @state() private requests: fhir4.ServiceRequest[] = [];
  @state() private verdicts: fhir4.ClinicalImpression[] = [];
  @state() private bigScreen = false;
  @state() private guides: fhir4.Resource[] = [];
  @state() private municipality?: string;
  @state() private latestTriage?: TriageResult;
  /** The answer whose guide the sheet shows (narrow screens). */
  @state() private sheetLinkId?: string;
  /** Where focus goes back to when the guide sheet closes ("Tilbage til svaret"). */
  #returnFocus?: HTMLElement;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const fhir = this.fhir!;
      const patient = `Patient/${this.patient!.id}`;
      const [responses, requests, verdicts, guides, municipality] = await Promise.all([
        responsesOf(fhir, this.patient!.id!),
        fhir.search<fhir4.ServiceRequest>('ServiceRequest', { subject: patient, _count: '200' }).then((r) => r.resources),
        // The server's own triage results, if it makes them (FUT does); a server without them returns none.
        fhir
          .search<fhir4.ClinicalImpression>('ClinicalImpression', { subject: patient, _count: '200' })
          .then((r) => r.resources)
          .catch(() => [] as fhir4.ClinicalImpression[]),
        // Action guides (FUT ehealth-actionguidance Basic resources); none on a server that has none.
        fhir
          .search<fhir4.Basic>('Basic', { code: 'actionguidance', _count: '200' })
          .then((r) => r.resources)
          .catch(() => [] as fhir4.Basic[]),
        this.#municipality(),
      ]);
      this.guides = guides;
      this.municipality = municipality;
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
    // The guides react to the newest response's colours.
    this.latestTriage = this.versions.length ? await triageResponse(this.versions, course.responses[0]!, { lang: this.localize.lang }).catch(() => undefined) : undefined;
  }

  /** The citizen's municipality (their managing organisation): selects the municipal guide overlay. */
  async #municipality(): Promise<string | undefined> {
    const ref = this.patient?.managingOrganization?.reference;
    if (!ref?.startsWith('Organization/')) return this.patient?.managingOrganization?.display;
    const org = await this.fhir!.read<fhir4.Organization>('Organization', ref.slice(13)).catch(() => undefined);
    return org?.identifier?.find((i) => /kommunekode|municipality/i.test(i.system ?? ''))?.value ?? org?.name ?? this.patient?.managingOrganization?.display;
  }

  /**
   * "Drøftet med borgeren" is saved as a ClinicalImpression (code MeasurementAssessment): an assessment that
   * has happened, by whom and when, about which response (investigation) and following which guide
   * (protocol). A Task would be work to do and, in FUT, would land in other clinicians' work lists.
   */
  #onDiscussed = async (e: KproActionCompleteEvent): Promise<void> => {
    if (!this.capabilities?.canWrite('ClinicalImpression')) {
      e.preventDefault();
      return;
    }
    const d = e.detail;
    try {
      await this.fhir!.create<fhir4.ClinicalImpression>({
        resourceType: 'ClinicalImpression',
        status: 'completed',
        code: {
          coding: [{ system: 'http://ehealth.sundhed.dk/cs/clinicalimpression-codes', code: 'MeasurementAssessment' }],
          text: 'Handlevejledning drøftet med borgeren',
        },
        subject: { reference: `Patient/${this.patient!.id}` },
        assessor: this.user,
        date: nowIso(),
        summary: d.guideId,
        ...(d.responseId ? { investigation: [{ code: { text: 'QuestionnaireResponse' }, item: [{ reference: `QuestionnaireResponse/${d.responseId}` }] }] } : {}),
        ...(d.guideResource ? { protocol: [`${this.fhir!.baseUrl}/${d.guideResource}`] } : {}),
        finding: d.linkIds.map((linkId) => ({ itemCodeableConcept: { text: linkId } })),
      });
    } catch (err) {
      this.report(err);
    }
  };

  /** On a narrow screen the guide column sits far below: the selected answer's guide opens in a sheet instead. */
  #onSelect = (e: CustomEvent<{ linkId: string }>): void => {
    if (this.bigScreen || !matchMedia(NARROW).matches) return;
    const view = e.currentTarget as HTMLElement;
    this.#returnFocus = (view.shadowRoot?.activeElement as HTMLElement | null) ?? view;
    this.sheetLinkId = e.detail.linkId;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  };

  #closeSheet = (): void => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  #onSheetClose = (): void => {
    this.sheetLinkId = undefined;
    // "Tilbage til svaret": focus returns to the answer row the guide was opened from.
    this.#returnFocus?.focus();
    this.#returnFocus = undefined;
  };

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
        <button type="button" data-action="print" @click=${() => window.print()}>${t.app.print}</button>
      </div>
      ${this.versions
        ? html`<div class=${this.bigScreen ? '' : 'split'}>
            <kpro-answer-view
              id="answers"
              @kpro-answer-select=${this.#onSelect}
              ?big-screen=${this.bigScreen}
              .questionnaire=${this.versions}
              .responses=${course.responses}
              .requests=${this.requests}
              .triage=${this.verdicts}
            ></kpro-answer-view>
            ${this.bigScreen
              ? nothing
              : html`<kpro-action-guide
                  for="answers"
                  .guides=${this.guides}
                  .triage=${this.latestTriage ?? null}
                  municipality=${this.municipality ?? nothing}
                  @kpro-action-complete=${this.#onDiscussed}
                ></kpro-action-guide>`}
          </div>
          <dialog class="guide-sheet" aria-label=${t.app.guideSheet} @close=${this.#onSheetClose}>
            <button type="button" class="sheet-back" data-action="back-to-answer" @click=${this.#closeSheet}>← ${t.app.backToAnswer}</button>
            <div class="sheet-body">
              ${this.sheetLinkId
                ? html`<kpro-action-guide
                    for="answers"
                    .guides=${this.guides}
                    .triage=${this.latestTriage ?? null}
                    .selectedLinkId=${this.sheetLinkId}
                    municipality=${this.municipality ?? nothing}
                    @kpro-action-complete=${this.#onDiscussed}
                  ></kpro-action-guide>`
                : nothing}
            </div>
          </dialog>`
        : html`<p role="status">${t.loading}</p>`}`;
  }
}

defineElement('kpro-app-responses', KproAppResponses);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-responses': KproAppResponses;
  }
}
