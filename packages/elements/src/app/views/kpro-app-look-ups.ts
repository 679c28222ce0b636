import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDate, lookUpsOf, type LookUp } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import { AppView } from './view-base.js';

/**
 * The citizen's own MinLog in the app: who has opened their data, when and in which system, one row per
 * look-up (a launch from the EHR, however many requests it made). Read with the citizen's own token from
 * the AuditEvents the FHIR server wrote; the citizen's own use is left out.
 */
export class KproAppLookUps extends AppView {
  static override styles = [
    hostStyles,
    css`
      section {
        margin-block-start: var(--kpro-space-l, 1.5rem);
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        text-align: start;
        padding: var(--kpro-space-xs, 0.25rem) var(--kpro-space-s, 0.5rem);
        border-block-end: 1px solid var(--kpro-color-border, #ccc);
      }
      td.count {
        text-align: end;
      }
    `,
  ];

  @state() private lookUps?: LookUp[];
  @state() private failed = false;
  #loadedFor?: string;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const id = this.patient?.id;
    if (this.fhir && id && this.#loadedFor !== id) {
      this.#loadedFor = id;
      void this.#load(id);
    }
  }

  async #load(patientId: string): Promise<void> {
    try {
      const { resources } = await this.fhir!.search<fhir4.AuditEvent>('AuditEvent', { patient: `Patient/${patientId}`, _sort: '-date', _count: '1000' });
      this.lookUps = lookUpsOf(patientId, resources);
      this.failed = false;
    } catch {
      // The look-ups are extra to what the citizen came for: say so here, do not stop the app.
      this.failed = true;
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app.lookUps;
    const lang = this.localize.lang;
    return html`<section aria-labelledby="look-ups-title" data-testid="look-ups">
      <h2 id="look-ups-title">${t.title}</h2>
      <p>${t.intro}</p>
      ${this.failed
        ? html`<p role="status">${t.failed}</p>`
        : !this.lookUps
          ? html`<p role="status">${t.loading}</p>`
          : this.lookUps.length === 0
            ? html`<p data-testid="no-look-ups">${t.none}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t.when}</th>
                    <th scope="col">${t.who}</th>
                    <th scope="col">${t.system}</th>
                    <th scope="col">${t.requests}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.lookUps.map(
                    (l) => html`<tr data-look-up=${l.correlationId}>
                      <td>${formatDate(l.first, lang, true)}</td>
                      <td>${l.who}</td>
                      <td>${l.system}</td>
                      <td class="count">${l.count}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`}
    </section>`;
  }
}

defineElement('kpro-app-look-ups', KproAppLookUps);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-look-ups': KproAppLookUps;
  }
}
