import { css } from 'lit';

export default css`
  :host {
    --kpro-questionnaire-max-width: 48rem;
    --kpro-questionnaire-gap: var(--kpro-space-l);
  }
  .form {
    max-width: var(--kpro-questionnaire-max-width);
    margin-inline: auto;
    padding: var(--kpro-space-m);
  }
  h1,
  h2 {
    line-height: 1.25;
    margin: 0 0 var(--kpro-space-s);
  }
  h1 {
    font-size: 1.6em;
  }
  h2 {
    font-size: 1.25em;
  }
  .header .mode {
    margin: 0 0 var(--kpro-space-m);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--kpro-space-s);
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-primary-soft);
    color: var(--kpro-color-text);
    font-size: 0.9em;
  }
  .group {
    margin-block: var(--kpro-questionnaire-gap);
    padding-block-start: var(--kpro-space-s);
    border-block-start: 2px solid var(--kpro-color-border-soft);
    /* Off-screen groups are not laid out or painted until scrolled to: big forms stay fast. */
    content-visibility: auto;
    contain-intrinsic-size: auto 40rem;
  }
  .group .group {
    margin-inline-start: var(--kpro-space-m);
    content-visibility: visible;
  }
  /* On screen at first paint: laid out at once, not in a second pass after content-visibility finds them. */
  .items > .group:nth-child(-n + 2) {
    content-visibility: visible;
  }
  .repeat-no {
    font-weight: 400;
    color: var(--kpro-color-text-muted);
    font-size: 0.85em;
  }
  .item {
    margin-block: var(--kpro-space-m);
  }
  .display {
    color: var(--kpro-color-text);
    white-space: pre-line;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .label {
    display: block;
    font-weight: 600;
    margin-block-end: var(--kpro-space-xs);
  }
  .prefix {
    font-weight: 700;
  }
  .required {
    color: var(--kpro-color-error);
  }
  .hint,
  .muted {
    color: var(--kpro-color-text-muted);
    font-size: 0.95em;
  }
  input[type='text'],
  input[type='url'],
  input[type='date'],
  input[type='time'],
  input[type='datetime-local'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    color: var(--kpro-color-text);
    background: var(--kpro-color-surface);
    border: 2px solid var(--kpro-color-border);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-s);
    min-height: var(--kpro-target-size);
    width: 100%;
    max-width: 30rem;
  }
  textarea {
    max-width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--kpro-color-error) !important;
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: var(--kpro-space-xs);
  }
  .options.horizontal {
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--kpro-space-s) var(--kpro-space-m);
  }
  /* The options' labels (no class: a big form has thousands of them). */
  .options > label {
    display: flex;
    align-items: center;
    gap: var(--kpro-space-s);
    min-height: var(--kpro-target-size);
    padding-inline: var(--kpro-space-s);
    border-radius: var(--kpro-radius);
    cursor: pointer;
  }
  .options > label:hover {
    background: var(--kpro-color-primary-soft);
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--kpro-color-primary);
  }
  .single-check {
    margin-block: var(--kpro-space-s);
  }
  .slot,
  .quantity,
  .other {
    display: flex;
    align-items: center;
    gap: var(--kpro-space-s);
    margin-block: var(--kpro-space-xs);
    flex-wrap: wrap;
  }
  .quantity input {
    max-width: 12rem;
  }
  .slider input[type='range'] {
    width: 100%;
    min-height: var(--kpro-target-size);
    accent-color: var(--kpro-color-primary);
  }
  /* No answer yet: the thumb is faint so it does not look like a chosen value. */
  .slider input.unset::-webkit-slider-thumb {
    opacity: 0.35;
  }
  .slider input.unset::-moz-range-thumb {
    opacity: 0.35;
  }
  .quantity select {
    width: auto;
  }
  .slider-labels {
    display: flex;
    justify-content: space-between;
    color: var(--kpro-color-text-muted);
    font-size: 0.9em;
    gap: var(--kpro-space-s);
  }
  .help-toggle {
    min-height: 2.25rem;
    padding: 0 var(--kpro-space-s);
    font-size: 0.9em;
  }
  .help {
    margin-block: var(--kpro-space-s);
    padding: var(--kpro-space-s) var(--kpro-space-m);
    background: var(--kpro-color-primary-soft);
    border-radius: var(--kpro-radius);
  }
  .error {
    color: var(--kpro-color-error);
    font-weight: 600;
  }
  .error p {
    margin: var(--kpro-space-xs) 0 0;
  }
  .item.invalid {
    border-inline-start: 4px solid var(--kpro-color-error);
    padding-inline-start: var(--kpro-space-s);
  }
  .value {
    display: block;
    padding: var(--kpro-space-xs) 0;
  }
  .notice,
  .summary,
  .state {
    padding: var(--kpro-space-m);
    border-radius: var(--kpro-radius);
    margin-block: var(--kpro-space-m);
    border-inline-start: 6px solid var(--kpro-color-primary);
    background: var(--kpro-color-primary-soft);
  }
  .notice.warning {
    border-color: var(--kpro-color-warning);
    background: var(--kpro-color-warning-soft);
  }
  .notice.success {
    border-color: var(--kpro-color-success);
    background: var(--kpro-color-success-soft);
  }
  .summary,
  .error-state {
    border-color: var(--kpro-color-error);
    background: var(--kpro-color-error-soft);
  }
  .summary a {
    color: var(--kpro-color-error);
    font-weight: 600;
  }
  .notice ul,
  .summary ul {
    margin: var(--kpro-space-s) 0 0;
    padding-inline-start: var(--kpro-space-l);
  }
  .progress progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--kpro-color-primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-m);
    justify-content: flex-end;
    margin-block-start: var(--kpro-space-l);
    padding-block: var(--kpro-space-m);
    border-block-start: 2px solid var(--kpro-color-border-soft);
  }
  .add {
    margin-block: var(--kpro-space-s);
  }
  .remove,
  .clear {
    border-color: var(--kpro-color-border-soft);
    color: var(--kpro-color-text);
  }
  .grid-wrap {
    overflow-x: auto;
  }
  .grid {
    border-collapse: collapse;
    width: 100%;
  }
  .grid caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--kpro-space-s);
  }
  .grid th,
  .grid td {
    border: 1px solid var(--kpro-color-border-soft);
    padding: var(--kpro-space-xs);
    vertical-align: top;
  }
  .grid .item {
    margin: 0;
  }
  .grid .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .nested {
    margin-inline-start: var(--kpro-space-l);
  }
  .rich :is(p, ul, ol) {
    margin-block: var(--kpro-space-xs);
  }
  a {
    color: var(--kpro-color-primary);
  }
  @media (max-width: 30rem) {
    .form {
      padding: var(--kpro-space-s);
    }
    .options.horizontal {
      flex-direction: column;
    }
    .actions button {
      flex: 1 1 100%;
    }
  }
  @media print {
    .actions,
    .help-toggle,
    .add,
    .remove {
      display: none;
    }
    .group {
      content-visibility: visible;
    }
  }
  @media (forced-colors: active) {
    .item.invalid {
      border-inline-start-color: CanvasText;
    }
  }
`;
