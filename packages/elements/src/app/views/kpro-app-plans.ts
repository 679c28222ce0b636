import { html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { formatDate } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { AppView } from './view-base.js';

/** The citizen's plans (read-only overview until the plan assigner lands). */
export class KproAppPlans extends AppView {
  @state() private plans?: fhir4.CarePlan[];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const { resources } = await this.fhir!.search<fhir4.CarePlan>('CarePlan', { subject: `Patient/${this.patient!.id}` });
      this.plans = resources;
    } catch (e) {
      this.report(e);
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app;
    const lang = this.localize.lang;
    if (!this.plans) return html`<p role="status">${this.localize.t.loading}</p>`;
    return html`<h2>${t.plansTitle}</h2>
      ${this.plans.length
        ? html`<ul>
            ${this.plans.map(
              (p) => html`<li data-careplan-id=${p.id ?? ''}>
                <strong>${p.title ?? p.instantiatesCanonical?.[0] ?? p.id}</strong> (${p.status})
                ${p.period?.start ? html` · ${formatDate(p.period.start, lang)}${p.period.end ? html` – ${formatDate(p.period.end, lang)}` : ''}` : ''}
              </li>`,
            )}
          </ul>`
        : html`<p>${t.noPlans}</p>`}`;
  }
}

defineElement('kpro-app-plans', KproAppPlans);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-plans': KproAppPlans;
  }
}
