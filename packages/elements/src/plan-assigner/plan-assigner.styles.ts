import { css } from 'lit';

export default css`
  :host {
    --kpro-plan-gap: var(--kpro-space-m);
  }
  .base {
    display: grid;
    gap: var(--kpro-plan-gap);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kpro-space-s) var(--kpro-space-m);
  }
  header .toolbar {
    margin-inline-start: auto;
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  .state,
  .muted {
    color: var(--kpro-color-text-muted);
    margin: 0;
  }
  .notice {
    margin: 0;
    padding: var(--kpro-space-s) var(--kpro-space-m);
    border-inline-start: 4px solid var(--kpro-color-primary);
    background: var(--kpro-color-primary-soft);
  }
  .error-state {
    padding: var(--kpro-space-m);
    border: 2px solid var(--kpro-color-error);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-error-soft);
  }
  .error-state p {
    margin: 0 0 var(--kpro-space-s);
  }
  .error-state ul {
    margin: 0 0 var(--kpro-space-s);
  }
  .panel,
  .plan {
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-m);
    display: grid;
    gap: var(--kpro-space-s);
  }
  .plan-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s) var(--kpro-space-m);
    align-items: baseline;
  }
  .plan-head .toolbar {
    margin-inline-start: auto;
  }
  .badge {
    font-size: 0.875em;
    padding: 0 var(--kpro-space-s);
    border: 1px solid currentColor;
    border-radius: var(--kpro-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: var(--kpro-space-xs) var(--kpro-space-s);
    border-bottom: 1px solid var(--kpro-color-border-soft);
    vertical-align: middle;
  }
  .status {
    display: inline-flex;
    gap: var(--kpro-space-xs);
    align-items: center;
    font-weight: 600;
  }
  .icon {
    display: inline-block;
    min-width: 1.25em;
    text-align: center;
  }
  [data-status='answered'] .status {
    color: var(--kpro-color-success);
  }
  [data-status='overdue'] .status {
    color: var(--kpro-color-error);
  }
  [data-status='due'] .status {
    color: var(--kpro-color-warning);
  }
  [data-status='cancelled'] .status,
  [data-status='planned'] .status {
    color: var(--kpro-color-text-muted);
  }
  fieldset {
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    margin: 0;
    padding: var(--kpro-space-s) var(--kpro-space-m);
  }
  legend {
    font-weight: 600;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: var(--kpro-target-size);
    padding: var(--kpro-space-xs) var(--kpro-space-s);
    border: 1px solid var(--kpro-color-border);
    border-radius: var(--kpro-radius);
    color: var(--kpro-color-text);
    background: var(--kpro-color-surface);
  }
  .templates {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--kpro-space-s);
  }
  .templates li {
    display: flex;
    gap: var(--kpro-space-s);
    align-items: flex-start;
  }
  .templates input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.2rem;
  }
  .templates label {
    font-weight: 400;
  }
  .templates .name {
    font-weight: 600;
  }
  .sends {
    margin: var(--kpro-space-xs) 0 0;
    padding-inline-start: 1.25rem;
  }
  .field {
    display: grid;
    gap: var(--kpro-space-xs);
    margin-bottom: var(--kpro-space-s);
  }
  .error-text {
    color: var(--kpro-color-error);
    margin: 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
  }
  /* The last assignment or cancellation, said where it happened (and announced). */
  .confirmation {
    margin: 0 0 var(--kpro-space-m);
    padding: var(--kpro-space-s) var(--kpro-space-m);
    border-inline-start: 6px solid var(--kpro-color-success);
    background: var(--kpro-color-success-soft);
    border-radius: var(--kpro-radius);
    font-weight: 600;
  }
`;
