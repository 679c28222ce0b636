import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { FhirRequestError, careTeamsOf, personName, teamMembers, withTeamMember, withoutTeamMember, type Reference } from '@kpro/core';
import { defineElement } from '../../shared/define.js';
import { hostStyles } from '../../shared/host.styles.js';
import { AppView } from './view-base.js';

/**
 * The citizen's care teams (those of her open plans and active episodes of care) and the staff on them: a clinician whose role
 * may change teams adds or removes a staff member (a CareTeam write with If-Match; the server audits it).
 */
export class KproAppCareTeam extends AppView {
  static override styles = [
    hostStyles,
    css`
      .team {
        border: 1px solid var(--kpro-color-border-soft);
        border-radius: var(--kpro-radius);
        padding: var(--kpro-space-m);
        margin-block: var(--kpro-space-m);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kpro-space-s);
        align-items: center;
        justify-content: space-between;
        padding-block: var(--kpro-space-xs);
        border-block-end: 1px solid var(--kpro-color-border-soft);
      }
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kpro-space-s);
        align-items: flex-end;
        margin-block-start: var(--kpro-space-s);
      }
      .add label {
        display: grid;
        gap: var(--kpro-space-xs);
      }
      .status {
        padding: var(--kpro-space-s) var(--kpro-space-m);
        border-radius: var(--kpro-radius);
        background: var(--kpro-color-success-soft);
        border-inline-start: 6px solid var(--kpro-color-success);
      }
      .status.error {
        background: var(--kpro-color-error-soft);
        border-color: var(--kpro-color-error);
      }
    `,
  ];

  @state() private teams?: fhir4.CareTeam[];
  @state() private staff: fhir4.Practitioner[] = [];
  @state() private message?: { kind: 'ok' | 'error'; text: string };
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('fhir') || changed.has('patient')) && this.fhir && this.patient?.id) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const fhir = this.fhir!;
      const [plans, episodes] = await Promise.all([
        fhir.search<fhir4.CarePlan>('CarePlan', { subject: `Patient/${this.patient!.id}`, _count: '100' }).then((r) => r.resources),
        fhir.search<fhir4.EpisodeOfCare>('EpisodeOfCare', { patient: `Patient/${this.patient!.id}`, _count: '100' }).then((r) => r.resources, () => [] as fhir4.EpisodeOfCare[]),
      ]);
      const refs = careTeamsOf(plans, episodes);
      this.teams = (await Promise.all(refs.map((r) => fhir.read<fhir4.CareTeam>('CareTeam', r.split('/').pop()!).catch(() => undefined)))).filter((t): t is fhir4.CareTeam => !!t);
      if (this.#canEdit) this.staff = (await fhir.search<fhir4.Practitioner>('Practitioner', { _count: '200' })).resources;
    } catch (e) {
      this.report(e);
    }
  }

  get #canEdit(): boolean {
    return !!this.capabilities?.canWrite('CareTeam');
  }

  async #change(team: fhir4.CareTeam, member: Reference, add: boolean): Promise<void> {
    const t = this.localize.t.app.team;
    const name = member.display ?? member.reference ?? '';
    const teamName = team.name ?? team.id ?? '';
    this.busy = true;
    this.message = undefined;
    try {
      const changed = add ? withTeamMember(team, member) : withoutTeamMember(team, member);
      const saved = await this.fhir!.update(changed, { ...(team.meta?.versionId ? { ifMatch: `W/"${team.meta.versionId}"` } : {}) });
      this.teams = this.teams!.map((x) => (x.id === saved.id ? saved : x));
      this.message = { kind: 'ok', text: add ? t.added(name, teamName) : t.removed(name, teamName) };
    } catch (e) {
      if (e instanceof FhirRequestError && e.kind === 'conflict') {
        this.message = { kind: 'error', text: t.conflict };
        await this.#load();
      } else if (e instanceof FhirRequestError && e.kind === 'unauthorized') this.report(e);
      else this.message = { kind: 'error', text: t.failed };
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.app.team;
    if (!this.teams) return html`<p role="status">${this.localize.t.loading}</p>`;
    return html`<section aria-labelledby="team-title">
      <h2 id="team-title">${t.title}</h2>
      <p>${t.intro}</p>
      ${this.message ? html`<p class="status ${this.message.kind}" role="status">${this.message.text}</p>` : nothing}
      ${this.#canEdit ? nothing : html`<p class="muted">${t.readOnly}</p>`}
      ${this.teams.length ? this.teams.map((team) => this.#team(team)) : html`<p>${t.none}</p>`}
    </section>`;
  }

  #team(team: fhir4.CareTeam): TemplateResult {
    const t = this.localize.t.app.team;
    const name = team.name ?? team.id ?? '';
    const members = teamMembers(team);
    const others = this.staff.filter((p) => !members.some((m) => m.reference === `Practitioner/${p.id}`));
    const selectId = `add-${team.id}`;
    return html`<article class="team" data-care-team=${team.id ?? ''} aria-labelledby="t-${team.id}">
      <h3 id="t-${team.id}">${name}</h3>
      <h4>${t.members}</h4>
      ${members.length
        ? html`<ul>
            ${members.map(
              (m) => html`<li data-member=${m.reference ?? ''}>
                <span>${m.display ?? m.reference}</span>
                ${this.#canEdit
                  ? html`<button type="button" data-action="remove-member" aria-label=${t.removeLabel(m.display ?? '', name)} ?disabled=${this.busy} @click=${() => this.#change(team, m, false)}>
                      ${t.remove}
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p>${t.noMembers}</p>`}
      ${this.#canEdit && others.length
        ? html`<div class="add">
            <label for=${selectId}>${t.choose}<select id=${selectId}>${others.map((p) => html`<option value=${p.id ?? ''}>${personName(p)}</option>`)}</select></label>
            <button
              type="button"
              data-action="add-member"
              aria-label=${t.addLabel(name)}
              ?disabled=${this.busy}
              @click=${() => {
                const id = (this.renderRoot.querySelector(`#${CSS.escape(selectId)}`) as HTMLSelectElement).value;
                const p = this.staff.find((x) => x.id === id);
                if (p) void this.#change(team, { reference: `Practitioner/${p.id}`, display: personName(p) }, true);
              }}
            >
              ${t.add}
            </button>
          </div>`
        : nothing}
    </article>`;
  }
}

defineElement('kpro-app-care-team', KproAppCareTeam);

declare global {
  interface HTMLElementTagNameMap {
    'kpro-app-care-team': KproAppCareTeam;
  }
}
