import { css } from 'lit';

export default css`
  :host {
    --kpro-task-overview-max-width: 90rem;
    /* Status colours: the same tokens as the answer view (WCAG AA "on" text on "fill"). */
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
    container: task-overview / inline-size;
  }
  .base {
    max-width: var(--kpro-task-overview-max-width);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kpro-space-m);
  }
  h2,
  h3 {
    margin: 0;
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
  [data-colour='none'],
  [data-colour='missing'] {
    --_f: var(--_unknown-fill);
    --_b: var(--_unknown-border);
    --_o: var(--_unknown-on);
  }
  .counts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  .counts button {
    border: 2px solid var(--_b);
    background: var(--_f);
    color: var(--_o);
  }
  .counts button[aria-pressed='true'] {
    outline: 3px solid var(--_b);
    outline-offset: 2px;
    font-weight: 700;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-m);
    align-items: flex-end;
  }
  .field {
    display: grid;
    gap: var(--kpro-space-xs);
    font-weight: 600;
  }
  .field.grow {
    flex: 1 1 16rem;
  }
  select,
  input[type='search'] {
    font: inherit;
    font-weight: 400;
    min-height: 2.75rem;
    padding: 0 var(--kpro-space-s);
    border: 1px solid var(--kpro-color-border);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-surface);
    color: var(--kpro-color-text);
    max-width: 100%;
  }
  .hint {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--kpro-color-text-muted);
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
    padding: var(--kpro-space-s) var(--kpro-space-m);
    border-inline-start: 6px solid var(--kpro-color-primary);
    background: var(--kpro-color-primary-soft);
    border-radius: var(--kpro-radius);
  }
  .status.ok {
    border-color: var(--kpro-color-success);
    background: var(--kpro-color-success-soft);
  }
  .status.conflict,
  .status.error {
    border-color: var(--kpro-color-error);
    background: var(--kpro-color-error-soft);
  }
  .state,
  .shown,
  .muted {
    margin: 0;
    color: var(--kpro-color-text-muted);
  }
  .error-state {
    padding: var(--kpro-space-m);
    border: 2px solid var(--kpro-color-error);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-error-soft);
  }
  .scroll {
    overflow-x: auto;
  }
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
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  tbody tr > :first-child {
    border-inline-start: 6px solid var(--_b, transparent);
  }
  button.sort {
    border: 0;
    background: none;
    padding: 0;
    min-height: 2.75rem;
    font: inherit;
    color: inherit;
    font-weight: 700;
  }
  .badge {
    display: inline-flex;
    gap: 0.35em;
    align-items: baseline;
    padding: 0.05em 0.5em;
    border: 2px solid var(--_b);
    border-radius: var(--kpro-radius);
    background: var(--_f);
    color: var(--_o);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-xs);
  }
  /* Wide enough for the row's three buttons side by side (narrow screens stack the row instead). */
  td.actions {
    min-width: 17rem;
  }
  .more {
    justify-self: start;
  }
  dialog {
    max-width: min(32rem, 100vw - 2rem);
    border: 1px solid var(--kpro-color-border);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-l);
  }
  dialog form {
    display: grid;
    gap: var(--kpro-space-s);
  }
  dialog textarea {
    width: 100%;
    box-sizing: border-box;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  /* Narrow (reflow, WCAG 1.4.10): every task becomes a block; the table stays a table for screen readers. */
  @container task-overview (max-width: 48rem) {
    table,
    tbody {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--kpro-space-xs);
      padding: var(--kpro-space-s);
      border-bottom: 1px solid var(--kpro-color-border-soft);
      border-inline-start: 6px solid var(--_b, transparent);
    }
    tbody tr > * {
      display: block;
      border: 0;
      padding: 0;
    }
    tbody tr > :first-child {
      border-inline-start: 0;
    }
  }
`;
