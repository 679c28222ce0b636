import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  FhirRequestError,
  combine,
  completeTask,
  formatDate,
  hoursWaited,
  memoryTaskSource,
  releaseTask,
  takeTask,
  taskCountSearches,
  taskOverviewText,
  taskRows,
  taskSearch,
  versionTag,
  TASK_COLOURS,
  type FhirDataSource,
  type Reference,
  type TaskColour,
  type TaskFilter,
  type TaskRow,
  type TaskScope,
} from '@kpro/core';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { KproErrorEvent } from '../shared/error-event.js';
import { fhirContext, userContext } from '../shared/context.js';
import { KproTaskChangeEvent, KproTaskOpenEvent } from './task-overview.events.js';
import { COLOUR_ICON, PAGE_SIZE, type SortKey } from './task-overview.types.js';
import styles from './task-overview.styles.js';

interface Page {
  rows: TaskRow[];
  total: number;
  next?: string;
}

/**
 * `<kpro-task-overview>`: the clinician's worklist across citizens (opgaveoverblik). Open tasks of the user's
 * care teams on FUT's Task model, red first, then yellow, green, no colour and missing answers; per row the
 * citizen, the questionnaire and its occurrence, the colour with icon and words, when it arrived, how long it has
 * waited and who owns it. Take, release, mark assessed with a note, open the citizen. One page of 50 rows is
 * fetched at a time, on the server (never every task), with counts per colour.
 *
 * Data: a FHIR data source (property `dataSource`, or the app's context) and the user (`user`, or context);
 * or, without a server, every resource as `resources` (Tasks with their Patients and the user's CareTeams).
 *
 * @tagname kpro-task-overview
 * @summary The clinician's task overview across citizens, red first.
 * @status experimental
 * @fires kpro-task-open - The clinician opens a task's citizen; `detail` is `{ patient, task }`. The host opens the citizen (in the EHR: a new launch with that citizen in context).
 * @fires kpro-task-change - A task was taken, released or marked assessed (after the server said yes); `detail` is `{ action, task }`.
 * @fires kpro-error - A failed load or save, with a translated message and a stable code.
 * @csspart base - The wrapper.
 * @csspart counts - The counts per colour.
 * @csspart filters - Scope, colour and name filters.
 * @csspart table - The task table.
 * @csspart row - Each task row.
 * @csspart badge - Each colour badge (icon and words).
 * @csspart more - The "show more" button.
 * @csspart status - The status line (confirmations, conflicts, errors).
 * @cssproperty --kpro-task-overview-max-width - Widest the overview gets (default 90rem).
 */
export class KproTaskOverview extends LitElement {
  static override styles = [hostStyles, styles];

  /** The FHIR server; default: the one in context. */
  @property({ attribute: false }) dataSource?: FhirDataSource;
  /** Everything in memory instead of a server: Tasks, their Patients, ServiceRequests and the user's CareTeams. */
  @property({ attribute: false }) resources?: fhir4.Resource[];
  /** The logged-in clinician; default: the one in context. */
  @property({ attribute: false }) user?: Reference;
  /** The care teams the user belongs to; default: looked up on the server (`CareTeam?participant=<user>`). */
  @property({ attribute: false }) teams?: fhir4.CareTeam[];
  /** Read-only users see the list, without take/release/assessed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @consume({ context: fhirContext, subscribe: true }) @state() private ctxFhir?: FhirDataSource;
  @consume({ context: userContext, subscribe: true }) @state() private ctxUser?: Reference;

  @state() private scope: TaskScope = 'teams';
  @state() private colour?: TaskColour;
  @state() private name = '';
  @state() private sort: { by: SortKey; dir: 'asc' | 'desc' } = { by: 'colour', dir: 'asc' };
  @state() private extra: TaskRow[] = [];
  @state() private extraNext?: string;
  @state() private busy?: string;
  @state() private message?: { kind: 'ok' | 'conflict' | 'error'; text: string };
  @state() private handling?: TaskRow;

  private readonly i18n = new LocalizeController(this, combine({ taskOverview: taskOverviewText }));
  #memory?: ReturnType<typeof memoryTaskSource>;
  #memoryFor?: fhir4.Resource[];
  #nameTimer?: ReturnType<typeof setTimeout>;
  /** Bumped to load again after a write or a conflict. */
  @state() private revision = 0;

  private get source(): FhirDataSource | undefined {
    if (this.resources) {
      if (this.#memoryFor !== this.resources) {
        this.#memory = memoryTaskSource(this.resources);
        this.#memoryFor = this.resources;
      }
      return this.#memory;
    }
    return this.dataSource ?? this.ctxFhir;
  }

  private get me(): Reference | undefined {
    return this.user ?? this.ctxUser;
  }

  /** The user's teams: loaded once per source and user. */
  private readonly setup = new Task(this, {
    task: async ([source, me, teams]) => {
      // Nothing to show yet (no server or user): stay in the initial state, not "empty".
      if (!source || !me) return initialState;
      const myTeams = teams ?? (await source.search<fhir4.CareTeam>('CareTeam', { participant: me.reference ?? '', status: 'active', _count: '100' })).resources;
      return { teams: myTeams };
    },
    args: () => [this.source, this.me, this.teams] as const,
  });

  /** One page (the first) for the filters; later pages are added by "Vis flere". */
  private readonly page = new Task(this, {
    task: async ([setup], { signal }) => {
      const source = this.source;
      if (!setup || !source || !this.me) return initialState;
      this.extra = [];
      this.extraNext = undefined;
      const viewer = { user: this.me, teams: setup.teams };
      const result = await source.search<fhir4.Task>('Task', taskSearch(this.#filter(), viewer, PAGE_SIZE));
      signal.throwIfAborted();
      const page: Page = { rows: taskRows(result.resources, result.included), total: result.total ?? result.resources.length, ...(result.next ? { next: result.next } : {}) };
      return page;
    },
    // Plain values only: the task runs again when one of them changes, not on every render.
    args: () => [this.setup.value, this.#scopeKey(), this.colour, this.name.trim(), this.sort.by, this.sort.dir, this.revision] as const,
  });

  /** Counts per colour for the scope and name (not the colour filter: they are its choices). */
  private readonly counts = new Task(this, {
    task: async ([setup, , name]) => {
      const source = this.source;
      if (!setup || !source || !this.me) return initialState;
      const searches = taskCountSearches({ scope: this.scope, name }, { user: this.me, teams: setup.teams });
      const entries = await Promise.all(TASK_COLOURS.map(async (c) => [c, (await source.search('Task', searches[c])).total ?? 0] as const));
      return Object.fromEntries(entries) as Record<TaskColour, number>;
    },
    args: () => [this.setup.value, this.#scopeKey(), this.name.trim(), this.revision] as const,
  });

  #scopeKey(): string {
    return typeof this.scope === 'object' ? `team:${this.scope.team}` : this.scope;
  }

  #filter(): TaskFilter {
    return { scope: this.scope, ...(this.colour ? { colour: this.colour } : {}), ...(this.name.trim() ? { name: this.name.trim() } : {}), sort: this.sort };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resources')) this.revision++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#nameTimer);
  }

  // ------------------------------------------------------------------------------------------ actions

  #onName = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#nameTimer);
    // Debounced: one search when the clinician stops typing, not one per key.
    this.#nameTimer = setTimeout(() => (this.name = value), 250);
  };

  #sortBy(by: SortKey): void {
    this.sort = { by, dir: this.sort.by === by && this.sort.dir === 'asc' ? 'desc' : 'asc' };
  }

  async #more(): Promise<void> {
    const source = this.source;
    const next = this.extraNext ?? this.page.value?.next;
    if (!source?.searchNext || !next) return;
    try {
      const result = await source.searchNext<fhir4.Task>('Task', next);
      // Appended below what is on screen: rows never move under the clinician's eyes.
      this.extra = [...this.extra, ...taskRows(result.resources, result.included)];
      this.extraNext = result.next ?? '';
    } catch (e) {
      this.#fail(e, 'task-load-failed');
    }
  }

  async #write(row: TaskRow, action: 'take' | 'release' | 'complete', note?: string): Promise<void> {
    const source = this.source;
    const me = this.me;
    if (!source || !me || this.readonly) return;
    const t = this.i18n.t.taskOverview;
    const changed = action === 'take' ? takeTask(row.task, me) : action === 'release' ? releaseTask(row.task) : completeTask(row.task, me, note);
    this.busy = row.id;
    this.message = undefined;
    try {
      const saved = await source.update(changed, { ...(versionTag(row.task) ? { ifMatch: versionTag(row.task)! } : {}) });
      const text = (action === 'take' ? t.taken : action === 'release' ? t.released : t.completed)(row.citizen.name);
      this.message = { kind: 'ok', text };
      this.handling = undefined;
      this.dispatchEvent(new KproTaskChangeEvent({ action, task: saved }));
      this.revision++;
    } catch (e) {
      if (e instanceof FhirRequestError && e.kind === 'conflict') {
        // Someone else took or changed it: show them the list as it is now.
        this.message = { kind: 'conflict', text: t.conflict };
        this.handling = undefined;
        this.revision++;
      } else this.#fail(e, 'task-save-failed', t.saveFailed);
    } finally {
      this.busy = undefined;
    }
  }

  #open(row: TaskRow): void {
    if (!row.citizen.id) return;
    this.dispatchEvent(new KproTaskOpenEvent({ patient: { reference: `Patient/${row.citizen.id}`, display: row.citizen.name }, task: row.task }));
  }

  #fail(e: unknown, code: string, text?: string): void {
    const message = text ?? this.i18n.t.taskOverview.failed;
    this.message = { kind: 'error', text: message };
    this.dispatchEvent(new KproErrorEvent({ code, message: (e as Error)?.message ?? message, severity: 'error' }));
  }

  // ------------------------------------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const t = this.i18n.t.taskOverview;
    return html`<section class="base" part="base" lang=${this.i18n.lang} aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      ${this.#counts()} ${this.#filters()}
      <p class="status ${this.message?.kind ?? ''}" part="status" role="status" aria-live="polite">${this.message?.text ?? ''}</p>
      ${this.setup.status === TaskStatus.ERROR || this.page.status === TaskStatus.ERROR
        ? html`<div class="error-state" role="alert" data-state="error">
            <p>${t.failed}</p>
            <button type="button" data-action="retry" @click=${() => (this.setup.run(), this.revision++)}>${t.retry}</button>
          </div>`
        : this.#table()}
      ${this.handling ? this.#handledDialog(this.handling) : nothing}
    </section>`;
  }

  #counts(): TemplateResult {
    const t = this.i18n.t.taskOverview;
    const counts = this.counts.value;
    return html`<ul class="counts" part="counts" aria-label=${t.countsLabel}>
      ${TASK_COLOURS.map(
        (c) => html`<li data-colour=${c} data-count=${counts?.[c] ?? ''}>
          <button type="button" aria-pressed=${this.colour === c ? 'true' : 'false'} @click=${() => (this.colour = this.colour === c ? undefined : c)}>
            <span class="icon" aria-hidden="true">${COLOUR_ICON[c]}</span> ${t.colour[c]}: <strong>${counts ? counts[c] : '…'}</strong>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #filters(): TemplateResult {
    const t = this.i18n.t.taskOverview;
    const teams = this.setup.value?.teams ?? [];
    const scopeValue = typeof this.scope === 'object' ? `team:${this.scope.team}` : this.scope;
    return html`<div class="filters" part="filters">
      <label class="field"
        >${t.scope}
        <select
          data-filter="scope"
          .value=${scopeValue}
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.scope = v === 'mine' || v === 'teams' ? v : { team: v.slice(5) };
          }}
        >
          <option value="teams" ?selected=${scopeValue === 'teams'}>${t.scopeTeams}</option>
          <option value="mine" ?selected=${scopeValue === 'mine'}>${t.scopeMine}</option>
          ${teams.map((team) => html`<option value="team:${team.id}" ?selected=${scopeValue === `team:${team.id}`}>${team.name ?? team.id}</option>`)}
        </select>
      </label>
      <label class="field"
        >${t.colourFilter}
        <select data-filter="colour" .value=${this.colour ?? ''} @change=${(e: Event) => (this.colour = ((e.target as HTMLSelectElement).value || undefined) as TaskColour | undefined)}>
          <option value="" ?selected=${!this.colour}>${t.allColours}</option>
          ${TASK_COLOURS.map((c) => html`<option value=${c} ?selected=${this.colour === c}>${t.colour[c]}</option>`)}
        </select>
      </label>
      <label class="field grow"
        >${t.search}
        <input type="search" data-filter="name" autocomplete="off" aria-describedby="search-hint" .value=${this.name} @input=${this.#onName} />
        <span id="search-hint" class="hint">${t.searchHint}</span>
      </label>
    </div>`;
  }

  #table(): TemplateResult {
    const t = this.i18n.t.taskOverview;
    const page = this.page.value;
    if (!page && this.page.status !== TaskStatus.COMPLETE) return html`<p class="state" role="status" data-state="loading">${t.loading}</p>`;
    const rows = [...(page?.rows ?? []), ...this.extra];
    if (!rows.length) {
      const filtered = !!this.colour || !!this.name.trim();
      return html`<p class="state" data-state="empty">${filtered ? t.emptyFiltered : t.empty}</p>`;
    }
    const total = page?.total ?? rows.length;
    const next = this.extraNext === undefined ? page?.next : this.extraNext;
    const header = (key: SortKey | undefined, label: string) => {
      if (!key) return html`<th scope="col">${label}</th>`;
      const active = this.sort.by === key;
      const dir = active ? this.sort.dir : 'asc';
      return html`<th scope="col" aria-sort=${active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" class="sort" data-sort=${key} aria-label=${t.sortBy(label, active && dir === 'asc' ? 'desc' : 'asc')} @click=${() => this.#sortBy(key)}>
          ${label}<span aria-hidden="true">${active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>`;
    };
    return html`<div class="scroll">
        <table part="table" aria-labelledby="title" aria-describedby="shown">
          <thead>
            <tr>
              ${header('colour', t.columns.colour)} ${header(undefined, t.columns.citizen)} ${header(undefined, t.columns.questionnaire)}
              ${header('arrived', t.columns.arrived)} ${header(undefined, t.columns.waited)} ${header(undefined, t.columns.owner)}
              ${header(undefined, t.columns.actions)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => this.#row(r))}
          </tbody>
        </table>
      </div>
      <p class="shown" id="shown">${t.shownOf(rows.length, total)}</p>
      ${next ? html`<button type="button" class="more" part="more" data-action="more" @click=${() => this.#more()}>${t.more(rows.length, total)}</button>` : nothing}`;
  }

  #row(r: TaskRow): TemplateResult {
    const t = this.i18n.t.taskOverview;
    const lang = this.i18n.lang;
    const mine = !!r.owner && r.owner.reference === this.me?.reference;
    const hours = hoursWaited(r.arrived);
    const busy = this.busy === r.id;
    const label = (action: string) => t.rowLabel(action, r.citizen.name);
    return html`<tr part="row" data-task-id=${r.id} data-colour=${r.colour} data-status=${r.status}>
      <td><span class="badge" part="badge" data-colour=${r.colour}><span class="icon" aria-hidden="true">${COLOUR_ICON[r.colour]}</span> ${t.colourLong[r.colour]}</span></td>
      <th scope="row" class="citizen">${r.citizen.name}</th>
      <td>${r.title}</td>
      <td>${r.arrived ? html`<time datetime=${r.arrived}>${formatDate(r.arrived, lang, true)}</time>` : nothing}</td>
      <td>${hours === undefined ? nothing : t.waited(hours)}</td>
      <td>${r.owner ? (mine ? t.you : (r.owner.display ?? r.owner.reference)) : html`<span class="muted">${t.nobody}</span>`}</td>
      <td class="actions">
        <button type="button" data-action="open" aria-label=${label(t.open)} ?disabled=${!r.citizen.id} @click=${() => this.#open(r)}>${t.open}</button>
        ${this.readonly
          ? nothing
          : html`${mine
                ? html`<button type="button" data-action="release" aria-label=${label(t.release)} ?disabled=${busy} @click=${() => this.#write(r, 'release')}>${t.release}</button>`
                : html`<button type="button" data-action="take" aria-label=${label(t.take)} ?disabled=${busy} @click=${() => this.#write(r, 'take')}>${t.take}</button>`}
              <button type="button" data-action="handled" aria-label=${label(t.handled)} ?disabled=${busy} @click=${() => this.#askHandled(r)}>${t.handled}</button>`}
      </td>
    </tr>`;
  }

  #askHandled(r: TaskRow): void {
    this.handling = r;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  #handledDialog(r: TaskRow): TemplateResult {
    const t = this.i18n.t.taskOverview;
    return html`<dialog aria-labelledby="handled-title" @close=${() => (this.handling = undefined)}>
      <form
        method="dialog"
        @submit=${(e: Event) => {
          e.preventDefault();
          const note = (this.renderRoot.querySelector('#handled-note') as HTMLTextAreaElement | null)?.value;
          void this.#write(r, 'complete', note);
        }}
      >
        <h3 id="handled-title">${t.handledTitle(r.citizen.name)}</h3>
        <label for="handled-note">${t.note}</label>
        <textarea id="handled-note" rows="3" aria-describedby="handled-hint"></textarea>
        <p id="handled-hint" class="hint">${t.noteHint}</p>
        <div class="buttons">
          <button type="submit" class="primary" data-action="save-handled" ?disabled=${this.busy === r.id}>${t.saveHandled}</button>
          <button type="button" data-action="cancel-handled" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}
