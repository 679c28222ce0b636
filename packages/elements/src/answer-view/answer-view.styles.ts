import { css, unsafeCSS } from 'lit';

/**
 * The print layout, written once and used twice: inside `@media print` and under `:host([print])`
 * (which shows the print layout on screen, e.g. in Storybook). `p` prefixes every selector.
 */
function printRules(p: string): string {
  return `
  ${p}.base { max-width: none; }
  ${p}.domain, ${p}.course { content-visibility: visible; }
  ${p}.toolbar, ${p}.select-hint, ${p}.course-toggle { display: none !important; }
  ${p}.domain-body[hidden] { display: block !important; }
  ${p}.course-items[hidden] { display: table-row-group !important; }
  ${p}.domain-toggle { border: 0; padding: 0; min-height: 0; background: none; color: inherit; font-weight: 700; }
  ${p}.domain-toggle .chevron { display: none; }
  ${p}.scroll { overflow: visible; border: 0; }
  ${p}.course table { font-size: 0.8em; width: 100%; min-width: 0; }
  ${p}.course tr > :first-child, ${p}.course tr > :last-child { position: static; box-shadow: none; }
  ${p}.course tbody th, ${p}.course tbody td { min-width: 0; }
  ${p}thead { display: table-header-group; }
  ${p}.colour-cell .badge { white-space: normal; }
  ${p}tr.answer[aria-current] { outline: none; background: none; }
  ${p}.badge, ${p}.count, ${p}.dot { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  ${p}.badge[data-colour='red'] { border-width: 3px; border-style: solid; }
  ${p}.badge[data-colour='yellow'] { border-style: dashed; }
  ${p}.badge[data-colour='green'] { border-style: dotted; }
  ${p}section { break-inside: auto; }
  ${p}tr { break-inside: avoid; }
  ${p}h2, ${p}h3, ${p}h4 { break-after: avoid; }
  `;
}

/**
 * Narrow layout (reflow, WCAG 1.4.10): the overview and the answer tables become one block per row
 * (the table roles are set in the markup, so screen readers keep the table). `p` prefixes every selector.
 */
function stackRules(p: string): string {
  return `
  ${p}table.stack, ${p}table.stack > tbody { display: block; width: 100%; }
  ${p}table.stack > thead { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  ${p}table.stack tr { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: var(--kpro-space-xs) var(--kpro-space-s); padding: var(--kpro-space-xs) var(--kpro-space-s); border-bottom: 1px solid var(--kpro-color-border-soft); border-inline-start: 6px solid var(--_b, transparent); }
  ${p}table.stack tr > * { display: block; min-width: 0; padding: 0; border: 0; }
  ${p}table.stack tr[data-significance] > :first-child { border-inline-start: 0; }
  ${p}table.stack tr > th { grid-column: 1 / -1; }
  ${p}table.domains .scores-cell { grid-column: 1 / -1; grid-row: 3; }
  ${p}table.domains .scores-cell:empty { display: none; }
  ${p}table.answers tr { display: flex; flex-wrap: wrap; align-items: baseline; }
  ${p}table.answers tr > th, ${p}table.answers .reason { flex: 1 1 100%; }
  ${p}table.answers .answer-cell { flex: 1 1 10em; }
  `;
}

export default css`
  :host {
    /* Status colours: set --kpro-color-{critical|attention|normal|unknown}-{fill|border|on} on the element
       or any ancestor. The defaults keep WCAG AA: "on" text on "fill" >= 4.5:1, borders >= 3:1 on white. */
    --_critical-fill: var(--kpro-color-critical-fill, #fdecea);
    --_critical-border: var(--kpro-color-critical-border, #b3261e);
    --_critical-on: var(--kpro-color-critical-on, #8c1d18);
    --_attention-fill: var(--kpro-color-attention-fill, #fff4cc);
    --_attention-border: var(--kpro-color-attention-border, #8a6500);
    --_attention-on: var(--kpro-color-attention-on, #5c4400);
    --_normal-fill: var(--kpro-color-normal-fill, #e6f4ea);
    --_normal-border: var(--kpro-color-normal-border, #1e6b34);
    --_normal-on: var(--kpro-color-normal-on, #17522a);
    --_unknown-fill: var(--kpro-color-unknown-fill, #f1f1f1);
    --_unknown-border: var(--kpro-color-unknown-border, #6b6b6b);
    --_unknown-on: var(--kpro-color-unknown-on, #3d3d3d);
    --kpro-answer-view-gap: var(--kpro-space-m);
    --kpro-answer-view-max-width: 72rem;
    /* The layout follows the element's width, not the window's (it may sit in a narrow column). */
    container: answer-view / inline-size;
  }
  :host([big-screen]) {
    --kpro-font-size: var(--kpro-answer-view-big-font-size, 1.5rem);
    --kpro-color-text: #000000;
    --kpro-color-text-muted: #1a1a1a;
    --kpro-color-surface: #ffffff;
    --kpro-color-border-soft: #4a4a4a;
  }

  .base {
    max-width: var(--kpro-answer-view-max-width);
    display: grid;
    /* One column exactly as wide as the element: the course table (width: max-content) must not widen it. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kpro-answer-view-gap);
    overflow-wrap: break-word;
  }
  .base > *,
  section > * {
    min-width: 0;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.2em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  section {
    display: grid;
    gap: var(--kpro-space-s);
  }
  .meta,
  .source {
    color: var(--kpro-color-text-muted);
  }
  .header {
    display: grid;
    gap: var(--kpro-space-xs);
  }
  .overall {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kpro-space-s);
    font-weight: 600;
  }

  /* ---- status badges: icon + text label on the status fill */
  .badge {
    display: inline-flex;
    max-width: 100%;
    min-width: 0;
    overflow-wrap: anywhere;
    align-items: baseline;
    gap: 0.35em;
    padding: 0.05em 0.5em;
    border: 2px solid var(--_b, var(--kpro-color-border-soft));
    border-radius: var(--kpro-radius);
    background: var(--_f, transparent);
    color: var(--_o, var(--kpro-color-text-muted));
    font-weight: 600;
  }
  [data-colour='red'] {
    --_f: var(--_critical-fill);
    --_b: var(--_critical-border);
    --_o: var(--_critical-on);
  }
  [data-colour='yellow'] {
    --_f: var(--_attention-fill);
    --_b: var(--_attention-border);
    --_o: var(--_attention-on);
  }
  [data-colour='green'] {
    --_f: var(--_normal-fill);
    --_b: var(--_normal-border);
    --_o: var(--_normal-on);
  }
  [data-colour='grey'] {
    --_f: var(--_unknown-fill);
    --_b: var(--_unknown-border);
    --_o: var(--_unknown-on);
  }
  .badge[data-colour='none'] {
    border-style: dashed;
    font-weight: 400;
  }
  .icon {
    font-weight: 700;
  }

  /* ---- notices */
  .notice {
    padding: var(--kpro-space-s) var(--kpro-space-m);
    border-radius: var(--kpro-radius);
    border-inline-start: 6px solid var(--kpro-color-warning);
    background: var(--kpro-color-warning-soft);
  }
  .notice ul {
    list-style: disc;
    padding-inline-start: 1.25em;
  }
  .state {
    padding: var(--kpro-space-m);
    color: var(--kpro-color-text-muted);
  }
  .error-state {
    padding: var(--kpro-space-m);
    border-inline-start: 6px solid var(--kpro-color-error);
    background: var(--kpro-color-error-soft);
    border-radius: var(--kpro-radius);
  }

  /* ---- agenda */
  .agenda {
    padding: var(--kpro-space-m);
    border: 2px solid var(--kpro-color-primary);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-primary-soft);
  }
  .agenda-topics {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  .agenda-topics li {
    display: inline-flex;
    align-items: baseline;
    gap: var(--kpro-space-xs);
    padding: var(--kpro-space-xs) var(--kpro-space-s);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-surface);
    border: 1px solid var(--kpro-color-border-soft);
  }

  /* ---- counts */
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  .count {
    display: inline-flex;
    gap: 0.3em;
    align-items: baseline;
    padding: 0 0.4em;
    border-radius: var(--kpro-radius);
    border: 1px solid var(--_b, var(--kpro-color-border-soft));
    background: var(--_f, transparent);
    color: var(--_o, inherit);
    max-width: 100%;
  }
  td .count {
    white-space: nowrap;
  }

  /* ---- tables */
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--kpro-space-xs) var(--kpro-space-s);
    border-bottom: 1px solid var(--kpro-color-border-soft);
  }
  thead th {
    font-size: 0.875em;
    color: var(--kpro-color-text-muted);
    border-bottom: 2px solid var(--kpro-color-border);
  }
  tbody th {
    font-weight: 400;
  }
  tr[data-significance] > :first-child {
    border-inline-start: 6px solid var(--_b, transparent);
  }
  tr[data-significance='red'] {
    --_b: var(--_critical-border);
  }
  tr[data-significance='yellow'] {
    --_b: var(--_attention-border);
  }
  tr[data-significance='green'] {
    --_b: var(--_normal-border);
  }
  tr[data-significance='grey'] {
    --_b: var(--_unknown-border);
  }
  .domain-name {
    font-weight: 600;
  }
  .on-agenda {
    display: inline-block;
    margin-inline-start: var(--kpro-space-xs);
    font-size: 0.85em;
    font-weight: 600;
    color: var(--kpro-color-primary);
  }
  .scores-cell ul {
    display: grid;
    gap: 0.25em;
  }
  .scores-cell .change {
    display: block;
    font-size: 0.9em;
  }

  /* ---- details */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  .toolbar button[aria-pressed='true'] {
    background: var(--kpro-color-primary);
    color: var(--kpro-color-on-primary);
  }
  /* Long views: the browser lays out and paints only what is on screen (kept in the accessibility tree). */
  /* Only the height is estimated: a width would be the section's minimum width while it is off screen
     (contain-intrinsic-size: auto 80rem made the whole view 80rem wide). */
  .domain {
    content-visibility: auto;
    contain-intrinsic-width: none;
    contain-intrinsic-height: auto 24rem;
  }
  .course {
    content-visibility: auto;
    contain-intrinsic-width: none;
    contain-intrinsic-height: auto 80rem;
  }
  .domain {
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-s);
  }
  .domain-toggle {
    display: flex;
    flex-wrap: wrap;
    width: 100%;
    align-items: center;
    gap: var(--kpro-space-s);
    text-align: start;
    border: 0;
    background: none;
    color: var(--kpro-color-text);
    font-weight: 700;
    padding: var(--kpro-space-xs);
  }
  .domain-toggle .chevron {
    display: inline-block;
    transition: transform 0.15s;
  }
  .domain-toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  .domain-toggle .badge {
    margin-inline-start: auto;
  }
  .domain-body table {
    table-layout: fixed;
  }
  .domain-body thead th:nth-child(1) {
    width: 28%;
  }
  .domain-body thead th:nth-child(2) {
    width: 16%;
  }
  .domain-body thead th:nth-child(3) {
    width: 25%;
  }
  :host([big-screen]) .domain-body thead th:nth-child(1) {
    width: 45%;
  }
  :host([big-screen]) .domain-body thead th:nth-child(2) {
    width: 25%;
  }
  tr.answer {
    cursor: pointer;
  }
  tr.answer:hover {
    background: var(--kpro-color-surface-alt);
  }
  tr.answer:focus-visible {
    outline: 3px solid var(--kpro-color-focus);
    outline-offset: -3px;
  }
  tr.answer[aria-current] {
    background: var(--kpro-color-primary-soft);
    outline: 2px solid var(--kpro-color-primary);
    outline-offset: -2px;
  }
  .selected-mark {
    font-weight: 700;
    color: var(--kpro-color-primary);
  }
  .reason {
    color: var(--kpro-color-text-muted);
    font-size: 0.9em;
  }
  .calculated-tag {
    display: inline-block;
    margin-inline-start: 0.25em;
    padding: 0 0.4em;
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    font-size: 0.8em;
    font-weight: 600;
    color: var(--kpro-color-text-muted);
    white-space: nowrap;
  }
  .filtered-out {
    display: none;
  }
  .empty-note {
    color: var(--kpro-color-text-muted);
    padding: var(--kpro-space-xs) var(--kpro-space-s);
  }

  /* ---- course */
  .trends {
    display: grid;
    gap: var(--kpro-space-s);
  }
  .trend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kpro-space-s) var(--kpro-space-m);
  }
  .trend svg {
    width: 7.5em;
    height: 2.2em;
    color: var(--kpro-color-text);
    overflow: visible;
  }
  .trend .values {
    font-variant-numeric: tabular-nums;
  }
  .change {
    font-weight: 600;
  }
  .change.better {
    color: var(--_normal-on);
  }
  .change.worse {
    color: var(--_critical-on);
  }
  .dot[data-colour] {
    fill: var(--_b, var(--kpro-color-text-muted));
  }
  .course-toggle {
    display: block;
    width: fit-content;
    max-width: 100%;
    margin-block-end: var(--kpro-space-s);
  }
  .course-toggle .chevron {
    display: inline-block;
    transition: transform 0.15s;
  }
  .course-toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
  }
  .course table {
    width: max-content;
    min-width: 100%;
  }
  .course caption {
    text-align: start;
    padding: var(--kpro-space-xs) var(--kpro-space-s);
    color: var(--kpro-color-text-muted);
  }
  .course thead th {
    white-space: nowrap;
  }
  .course tbody th {
    min-width: 14em;
    max-width: 22em;
  }
  .course tbody td {
    min-width: 8em;
    max-width: 14em;
  }
  .course .course-domain th,
  .course .course-domain td {
    background: var(--kpro-color-surface-alt);
    font-weight: 600;
  }
  /* The question and the newest response stay in view however far the course scrolls sideways. */
  .course tr > :first-child,
  .course tr > :last-child {
    position: sticky;
    z-index: 1;
    background: var(--kpro-color-surface);
  }
  .course tr > :first-child {
    inset-inline-start: 0;
  }
  .course tr > :last-child {
    inset-inline-end: 0;
    box-shadow: -2px 0 0 var(--kpro-color-border-soft);
  }
  .course .course-domain > :first-child,
  .course .course-domain > :last-child {
    background: var(--kpro-color-surface-alt);
  }
  .cell .icon {
    color: var(--_o, var(--kpro-color-text-muted));
  }

  /* ---- big screen: large type, high contrast, nothing internal */
  :host([big-screen]) .badge {
    border-width: 3px;
  }
  :host([big-screen]) th,
  :host([big-screen]) td {
    padding: var(--kpro-space-s) var(--kpro-space-m);
  }
  :host([big-screen]) thead th {
    color: var(--kpro-color-text);
  }

  /* Stacked below about 700 px (big screen: 1000 px), on screen; paper keeps the tables. */
  @media not print {
    @container answer-view (max-width: 44rem) {
      ${unsafeCSS(stackRules(''))}
      /* Narrow: the sticky question column must leave room for the sticky newest column. */
      .course tbody th {
        min-width: 7em;
        max-width: 9em;
      }
      .course tbody td {
        min-width: 6em;
        max-width: 9em;
      }
      .course thead th {
        white-space: normal;
        min-width: 6em;
        max-width: 9em;
      }
    }
    @container answer-view (max-width: 66rem) {
      ${unsafeCSS(stackRules(':host([big-screen]) '))}
    }
  }

  @media print {
    ${unsafeCSS(printRules(''))}
  }
  ${unsafeCSS(printRules(':host([print]) '))}
`;
