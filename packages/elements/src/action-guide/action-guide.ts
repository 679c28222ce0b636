import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  guideFitsQuestionnaire,
  loadGuides,
  matchForLinkId,
  matchGuides,
  resolveGuides,
  type GuidanceWarning,
  type GuideMatch,
  type GuideOrigin,
  type ResolvedGuide,
  type ResolvedOffer,
  type ResolvedPhrase,
  type TriageResult,
} from '@kpro/core';
import { hostStyles } from '../shared/host.styles.js';
import { LocalizeController } from '../shared/localize.js';
import { actionGuideText, combine } from '@kpro/core';
import { KproErrorEvent } from '../shared/error-event.js';
import { KproActionCompleteEvent } from './action-guide.events.js';
import styles from './action-guide.styles.js';

const COPIED_MS = 2500;

/**
 * `<kpro-action-guide>`: the action guides (handlevejledninger) that apply to a citizen's latest
 * response, most severe first, each with the answers that triggered it, phrases to open the
 * conversation (copyable), how to read the answer, what can be agreed, and offers (national, regional
 * and municipal, with their origin). Selecting an answer in `<kpro-answer-view>` opens its guide.
 *
 * @tagname kpro-action-guide
 * @summary Action guides (handlevejledninger) for the answers that need attention, with local offers.
 * @status experimental
 * @fires kpro-action-complete - A guide was marked "Drøftet med borgeren" (cancelable); `detail` names the guide and the answers.
 * @fires kpro-error - A guide or overlay was skipped (`severity: 'warning'`), with a translated message and a stable code.
 * @csspart base - The wrapper.
 * @csspart warnings - The warning box.
 * @csspart guide - Each guide.
 * @csspart state - Empty and "nothing applies" states.
 * @cssproperty --kpro-action-guide-gap - Space between the guides.
 */
export class KproActionGuide extends LitElement {
  static override styles = [hostStyles, styles];

  /** Guides and overlays: our JSON (objects or strings), FUT ehealth-actionguidance Basic resources, a Bundle, or an array of these. */
  @property({ attribute: false }) guides?: unknown;

  /** The triage result of the citizen's latest response (from triageResponse or readClinicalImpression). */
  @property({ attribute: false }) triage?: TriageResult | null;

  /** The municipality in context (code, e.g. "0999", or name): selects its overlays. */
  @property({ reflect: true }) municipality?: string;

  /** The selected answer or domain (linkId): its guide is opened and scrolled into view. */
  @property({ attribute: 'selected-link-id' }) selectedLinkId?: string;

  /** Id of the `<kpro-answer-view>` to follow; without it, every kpro-answer-select on the page is followed. */
  @property({ attribute: 'for' }) for?: string;

  @state() private open: ReadonlySet<string> = new Set();
  @state() private discussed: ReadonlySet<string> = new Set();
  @state() private copied?: string;
  @state() private copyFailed?: string;
  @state() private announcement = '';

  private readonly i18n = new LocalizeController(this, combine({ actionGuide: actionGuideText }));
  private resolved: ResolvedGuide[] = [];
  private warnings: GuidanceWarning[] = [];
  private matched: GuideMatch[] = [];
  private pendingScroll?: string;
  private copyTimer?: ReturnType<typeof setTimeout>;

  private readonly onAnswerSelect = (e: Event): void => {
    const linkId = (e as CustomEvent<{ linkId?: unknown }>).detail?.linkId;
    if (typeof linkId !== 'string') return;
    if (this.for && !e.composedPath().some((n) => n instanceof Element && n.id === this.for)) return;
    this.selectedLinkId = linkId;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('kpro-answer-select', this.onAnswerSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('kpro-answer-select', this.onAnswerSelect);
    clearTimeout(this.copyTimer);
  }

  /** The guides that apply now, most severe first (read-only). */
  get applicable(): readonly GuideMatch[] {
    return this.matched;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('guides') || changed.has('municipality')) {
      const library = loadGuides(this.guides ?? []);
      const layered = resolveGuides(library, this.municipality);
      this.resolved = layered.guides;
      const before = new Set(this.warnings.map((w) => w.message));
      this.warnings = [...library.warnings, ...layered.warnings];
      const lang = this.i18n.lang;
      for (const w of this.warnings) {
        if (before.has(w.message)) continue;
        const message = actionGuideText.for(lang).warnings[w.code](w.params);
        this.dispatchEvent(new KproErrorEvent({ code: w.code, message, severity: 'warning', params: w.params }));
      }
    }
    if (changed.has('guides') || changed.has('municipality') || changed.has('triage')) {
      this.matched = matchGuides(this.resolved, this.triage);
      if (changed.has('triage')) this.discussed = new Set();
    }
    if ((changed.has('selectedLinkId') || changed.has('triage') || changed.has('guides')) && this.selectedLinkId) {
      const m = matchForLinkId(this.matched, this.selectedLinkId);
      if (m) {
        if (!this.open.has(m.guide.id)) this.open = new Set([...this.open, m.guide.id]);
        if (changed.has('selectedLinkId')) {
          this.pendingScroll = m.guide.id;
          this.announcement = this.i18n.t.actionGuide.opened(m.guide.title);
        }
      } else if (changed.has('selectedLinkId')) {
        this.announcement = this.i18n.t.actionGuide.noGuideForAnswer;
      }
    }
  }

  protected override updated(): void {
    if (!this.pendingScroll) return;
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-guide-id="${CSS.escape(this.pendingScroll)}"]`);
    this.pendingScroll = undefined;
    el?.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  protected override render(): TemplateResult {
    const t = this.i18n.t.actionGuide;
    const forThis = this.triage ? this.resolved.filter((g) => guideFitsQuestionnaire(g, this.triage!)) : this.resolved;
    let body: TemplateResult;
    if (!forThis.length) body = html`<p class="state no-guides" part="state" data-state="no-guides">${t.noGuides}</p>`;
    else if (!this.triage) body = html`<p class="state" part="state" data-state="no-triage">${t.noTriage}</p>`;
    else if (!this.matched.length) body = html`<p class="state" part="state" data-state="none">${t.none}</p>`;
    else {
      body = html`<p class="muted count">${t.count(this.matched.length)}</p>
        <ol class="guides">
          ${this.matched.map((m) => this.renderGuide(m))}
        </ol>`;
    }
    return html`<section class="base" part="base" lang=${this.i18n.lang} aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      ${this.renderWarnings()} ${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderWarnings(): TemplateResult | typeof nothing {
    if (!this.warnings.length) return nothing;
    const t = this.i18n.t.actionGuide;
    return html`<div class="warnings" part="warnings" role="note" aria-labelledby="warnings-title">
      <p id="warnings-title">${t.warningsTitle}</p>
      <ul>
        ${this.warnings.map((w) => html`<li data-code=${w.code}>${t.warnings[w.code](w.params)}</li>`)}
      </ul>
    </div>`;
  }

  private renderGuide(m: GuideMatch): TemplateResult {
    const t = this.i18n.t.actionGuide;
    const g = m.guide;
    const open = this.open.has(g.id);
    const discussed = this.discussed.has(g.id);
    const selected = !!this.selectedLinkId && matchForLinkId(this.matched, this.selectedLinkId)?.guide.id === g.id;
    const hid = `g-${g.id}`;
    return html`<li class="guide ${selected ? 'selected' : ''}" part="guide" data-guide-id=${g.id} data-severity=${m.severity}>
      <details ?open=${open} @toggle=${(e: Event) => this.onToggle(g.id, (e.target as HTMLDetailsElement).open)}>
        <summary>
          <span class="badge">${t.colour[m.severity]}</span>
          <h3 id=${hid} lang=${g.lang}>${g.title}</h3>
          ${discussed ? html`<span class="discussed-mark">${t.discussed}</span>` : nothing}
        </summary>
        <div class="body">
          <div class="why">
            <h4>${t.triggeredBy}</h4>
            <ul lang=${this.triage?.lang ?? nothing}>
              ${m.triggers.map(
                (tr) => html`<li data-link-id=${tr.linkId} data-significance=${tr.significance}><span class="visually-hidden">${t.colour[tr.significance]}: </span>${tr.reason}</li>`,
              )}
            </ul>
          </div>
          <div lang=${g.lang}>
            ${g.summary ? html`<h4>${this.heading(t.when)}</h4><p>${g.summary}</p>` : nothing}
            <h4>${this.heading(t.phrases)}</h4>
            <ul class="phrases">
              ${g.phrases.map((p, i) => this.renderPhrase(g, p, i))}
            </ul>
            ${g.interpretation.length ? html`<h4>${this.heading(t.interpretation)}</h4><ul>${g.interpretation.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
            ${g.agreements.length ? html`<h4>${this.heading(t.agreements)}</h4><ul>${g.agreements.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
            ${g.offers.length
              ? html`<h4>${this.heading(t.offers)}</h4>
                  <ul class="offers">
                    ${g.offers.map((o) => this.renderOffer(o))}
                  </ul>`
              : nothing}
          </div>
          <div class="actions">
            <button type="button" class="discuss" aria-pressed=${discussed ? 'true' : 'false'} aria-describedby=${hid} @click=${() => this.markDiscussed(m)}>
              ${discussed ? t.discussed : t.markDiscussed}
            </button>
          </div>
        </div>
      </details>
    </li>`;
  }

  /** Section headings are UI text: they carry the UI language inside content of another language. */
  private heading(text: string): TemplateResult {
    return html`<span lang=${this.i18n.lang}>${text}</span>`;
  }

  private renderPhrase(g: ResolvedGuide, p: ResolvedPhrase, i: number): TemplateResult {
    const t = this.i18n.t.actionGuide;
    const key = `${g.id}/${p.id}`;
    return html`<li class="phrase" data-phrase-id=${p.id}>
      <div>
        <q>${p.text}</q>
        ${p.origin.level !== 'national' ? html`<div class="adapted" lang=${this.i18n.lang}>${t.phraseAdapted(this.placeName(p.origin))}</div>` : nothing}
        ${this.copyFailed === key ? html`<div class="copy-failed" lang=${this.i18n.lang}>${t.copyFailed}</div>` : nothing}
      </div>
      <div class="phrase-actions" lang=${this.i18n.lang}>
        <button type="button" class="copy" data-copied=${this.copied === key ? 'true' : 'false'} aria-label=${t.copyLabel(i + 1)} @click=${(e: Event) => this.copy(key, p.text, e.currentTarget as HTMLElement)}>
          ${this.copied === key ? html`<span aria-hidden="true">✓ </span>${t.copied}` : t.copy}
        </button>
        <span class="copied visually-hidden" role="status">${this.copied === key ? t.copied : ''}</span>
      </div>
    </li>`;
  }

  private renderOffer(o: ResolvedOffer): TemplateResult {
    const t = this.i18n.t.actionGuide;
    // The schema already refused anything but http(s); this is a second guard at the point of use.
    const url = o.url && /^https?:\/\//i.test(o.url) ? o.url : undefined;
    const tel = o.phone ? o.phone.replace(/[^0-9+]/g, '') : undefined;
    return html`<li class="offer" data-offer-id=${o.id} data-level=${o.origin.level}>
      <div class="offer-title">
        ${url
          ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${o.title}<span class="visually-hidden" lang=${this.i18n.lang}> ${t.newWindow}</span></a>`
          : o.title}
      </div>
      ${o.description ? html`<p>${o.description}</p>` : nothing}
      ${tel || o.hours
        ? html`<p class="contact">
            ${tel ? html`<a href="tel:${tel}" lang=${this.i18n.lang}>${t.call(o.phone!)}</a>` : nothing}
            ${o.hours ? html`<span><span lang=${this.i18n.lang}>${t.hours}:</span> ${o.hours}</span>` : nothing}
          </p>`
        : nothing}
      <p class="origin" lang=${this.i18n.lang}>${this.originText(o.origin)}</p>
    </li>`;
  }

  private placeName(origin: GuideOrigin): string {
    return origin.municipality?.name ?? origin.region?.name ?? origin.source;
  }

  private originText(origin: GuideOrigin): string {
    const t = this.i18n.t.actionGuide.origin;
    if (origin.level === 'municipal') return t.municipal(this.placeName(origin));
    if (origin.level === 'regional') return t.regional(origin.region?.name ?? this.placeName(origin));
    return t.national;
  }

  private onToggle(id: string, isOpen: boolean): void {
    if (isOpen === this.open.has(id)) return;
    const next = new Set(this.open);
    if (isOpen) next.add(id);
    else next.delete(id);
    this.open = next;
  }

  private async copy(key: string, text: string, button: HTMLElement): Promise<void> {
    this.copyFailed = undefined;
    let ok = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = this.fallbackCopy(button);
    }
    clearTimeout(this.copyTimer);
    if (ok) {
      this.copied = key;
      this.copyTimer = setTimeout(() => (this.copied = undefined), COPIED_MS);
    } else {
      this.copied = undefined;
      this.copyFailed = key;
    }
  }

  /** Without the Clipboard API: select the phrase and try the old copy command; the selection stays for Ctrl+C. */
  private fallbackCopy(button: HTMLElement): boolean {
    const q = button.closest('.phrase')?.querySelector('q');
    const selection = getSelection();
    if (!q || !selection) return false;
    selection.selectAllChildren(q);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }

  private markDiscussed(m: GuideMatch): void {
    if (this.discussed.has(m.guide.id) || !this.triage) return;
    const event = new KproActionCompleteEvent({
      guideId: m.guide.id,
      ...(m.guide.resource ? { guideResource: m.guide.resource } : {}),
      linkIds: [...new Set(m.triggers.map((t) => t.linkId))],
      severity: m.severity,
      responseId: this.triage.responseId,
      questionnaire: this.triage.questionnaire,
      overlays: m.guide.overlays,
    });
    if (!this.dispatchEvent(event)) return;
    this.discussed = new Set([...this.discussed, m.guide.id]);
  }
}
