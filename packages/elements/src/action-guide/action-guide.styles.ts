import { css } from 'lit';

export default css`
  :host {
    --kpro-action-guide-gap: var(--kpro-space-m);
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--kpro-space-s);
  }
  h3 {
    font-size: 1.05em;
    margin: 0;
    display: inline;
  }
  h4 {
    font-size: 1em;
    margin: var(--kpro-space-m) 0 var(--kpro-space-xs);
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .guides {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--kpro-action-guide-gap);
  }
  .guide {
    border: 1px solid var(--kpro-color-border-soft);
    border-inline-start: 6px solid var(--_sev, var(--kpro-color-border-soft));
    border-radius: var(--kpro-radius);
    background: var(--kpro-color-surface);
    scroll-margin: var(--kpro-space-m);
  }
  .guide[data-severity='red'] {
    --_sev: var(--kpro-color-error);
    --_sev-soft: var(--kpro-color-error-soft);
  }
  .guide[data-severity='yellow'] {
    --_sev: var(--kpro-color-warning);
    --_sev-soft: var(--kpro-color-warning-soft);
  }
  .guide[data-severity='green'] {
    --_sev: var(--kpro-color-success);
    --_sev-soft: var(--kpro-color-success-soft);
  }
  .guide.selected {
    outline: 3px solid var(--kpro-color-primary);
    outline-offset: 2px;
  }
  summary {
    cursor: pointer;
    padding: var(--kpro-space-s) var(--kpro-space-m);
    min-height: var(--kpro-target-size);
    display: flex;
    align-items: center;
    gap: var(--kpro-space-s);
    flex-wrap: wrap;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--kpro-space-s);
    border-radius: 999px;
    border: 1px solid var(--_sev, var(--kpro-color-border));
    background: var(--_sev-soft, var(--kpro-color-surface-alt));
    color: var(--kpro-color-text);
    font-size: 0.875em;
    font-weight: 600;
  }
  .discussed-mark {
    color: var(--kpro-color-success);
    font-size: 0.875em;
  }
  .body {
    padding: 0 var(--kpro-space-m) var(--kpro-space-m);
  }
  .why {
    background: var(--kpro-color-surface-alt);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-s) var(--kpro-space-m);
    margin-top: 0;
  }
  .why h4 {
    margin-top: 0;
  }
  .phrases {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--kpro-space-s);
  }
  .phrase {
    display: flex;
    gap: var(--kpro-space-s);
    align-items: flex-start;
    justify-content: space-between;
    border: 1px solid var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-s);
  }
  .phrase q {
    flex: 1;
    quotes: '»' '«';
  }
  .phrase-actions {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--kpro-space-xs);
  }
  /* "Kopieret" shows on the button itself, where the eye is (and is announced by the status next to it). */
  .copy[data-copied='true'] {
    background: var(--kpro-color-success-soft);
    border-color: var(--kpro-color-success);
    color: var(--kpro-color-text);
    font-weight: 600;
  }
  .copy-failed {
    color: var(--kpro-color-error);
    font-size: 0.875em;
  }
  .adapted,
  .origin,
  .muted {
    color: var(--kpro-color-text-muted);
    font-size: 0.875em;
  }
  .offers {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--kpro-space-s);
  }
  .offer {
    border-top: 1px solid var(--kpro-color-border-soft);
    padding-top: var(--kpro-space-s);
  }
  .offer[data-level='municipal'],
  .offer[data-level='regional'] {
    border-inline-start: 4px solid var(--kpro-color-primary);
    padding-inline-start: var(--kpro-space-s);
  }
  .offer-title {
    font-weight: 600;
  }
  .offer p {
    margin: var(--kpro-space-xs) 0;
  }
  a {
    color: var(--kpro-color-primary);
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-m);
  }
  .actions {
    margin-top: var(--kpro-space-m);
  }
  button[aria-pressed='true'] {
    background: var(--kpro-color-success-soft);
    border-color: var(--kpro-color-success);
    color: var(--kpro-color-text);
  }
  .state {
    padding: var(--kpro-space-m);
    border: 1px dashed var(--kpro-color-border-soft);
    border-radius: var(--kpro-radius);
    color: var(--kpro-color-text-muted);
  }
  .warnings {
    border: 1px solid var(--kpro-color-warning);
    background: var(--kpro-color-warning-soft);
    border-radius: var(--kpro-radius);
    padding: var(--kpro-space-s) var(--kpro-space-m);
    margin-bottom: var(--kpro-space-m);
  }
  .warnings p {
    margin: 0 0 var(--kpro-space-xs);
    font-weight: 600;
  }
`;
