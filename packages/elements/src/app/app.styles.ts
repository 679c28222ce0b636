import { css } from 'lit';

export default css`
  .app,
  .failure,
  .state {
    padding: var(--kpro-space-m);
  }
  .failure {
    max-width: 40rem;
    margin: var(--kpro-space-l) auto;
    border-inline-start: 6px solid var(--kpro-color-error);
    background: var(--kpro-color-error-soft);
    border-radius: var(--kpro-radius);
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s) var(--kpro-space-l);
    align-items: center;
    padding: var(--kpro-space-s) var(--kpro-space-m);
    background: var(--kpro-color-primary-soft);
    border-radius: var(--kpro-radius);
    margin-block-end: var(--kpro-space-m);
  }
  .banner .name {
    font-size: 1.15em;
  }
  button.link {
    border: 0;
    background: none;
    text-decoration: underline;
    min-height: 2.75rem;
    padding-inline: var(--kpro-space-s);
  }
  .notice {
    padding: var(--kpro-space-s) var(--kpro-space-m);
    background: var(--kpro-color-surface-alt);
    border-radius: var(--kpro-radius);
  }
  .app-bar {
    display: flex;
    justify-content: flex-end;
    margin-block-end: var(--kpro-space-s);
  }
  .languages {
    display: flex;
    gap: var(--kpro-space-xs);
  }
  .languages button[aria-pressed='true'] {
    background: var(--kpro-color-primary);
    color: var(--kpro-color-on-primary);
  }
  .failure .retry {
    margin-block-start: var(--kpro-space-s);
  }
  @media print {
    .app-bar,
    nav,
    button {
      display: none !important;
    }
    .app {
      padding: 0;
    }
  }
  .tabs {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--kpro-space-s);
    padding: 0;
    margin: 0 0 var(--kpro-space-m);
    border-block-end: 2px solid var(--kpro-color-border-soft);
  }
  .tabs button {
    border-radius: var(--kpro-radius) var(--kpro-radius) 0 0;
    border-block-end: 0;
  }
  .tabs button.current {
    background: var(--kpro-color-primary);
    color: var(--kpro-color-on-primary);
  }
`;
