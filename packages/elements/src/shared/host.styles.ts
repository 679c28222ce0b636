import { css } from 'lit';

/**
 * Theme tiers (see the theming guide): primitives (--kpro-color-blue-600 …), semantic aliases
 * (--kpro-color-primary, --kpro-color-text …) and component knobs on each :host. Hosts override any
 * tier with custom properties; nothing else crosses the shadow boundary, and inherited properties are
 * reset here so the host page's typography cannot break the component.
 */
export const hostStyles = css`
  :host {
    /* primitives */
    --_blue-700: #0b4f8a;
    --_blue-50: #eef5fc;
    --_grey-900: #1a1a1a;
    --_grey-700: #4a4a4a;
    --_grey-300: #b5b5b5;
    --_grey-100: #f1f1f1;
    --_red-700: #b3261e;
    --_red-50: #fdecea;
    --_green-700: #1e6b34;
    --_green-50: #e9f5ec;
    --_yellow-700: #7a5a00;
    --_yellow-50: #fff6d6;

    /* semantic aliases (override these to theme) */
    --kpro-color-primary: var(--kpro-theme-primary, var(--_blue-700));
    --kpro-color-primary-soft: var(--kpro-theme-primary-soft, var(--_blue-50));
    --kpro-color-on-primary: var(--kpro-theme-on-primary, #ffffff);
    --kpro-color-text: var(--kpro-theme-text, var(--_grey-900));
    --kpro-color-text-muted: var(--kpro-theme-text-muted, var(--_grey-700));
    --kpro-color-surface: var(--kpro-theme-surface, #ffffff);
    --kpro-color-surface-alt: var(--kpro-theme-surface-alt, var(--_grey-100));
    --kpro-color-border: var(--kpro-theme-border, var(--_grey-700));
    --kpro-color-border-soft: var(--kpro-theme-border-soft, var(--_grey-300));
    --kpro-color-focus: var(--kpro-theme-focus, #1a73e8);
    --kpro-color-error: var(--kpro-theme-error, var(--_red-700));
    --kpro-color-error-soft: var(--kpro-theme-error-soft, var(--_red-50));
    --kpro-color-success: var(--kpro-theme-success, var(--_green-700));
    --kpro-color-success-soft: var(--kpro-theme-success-soft, var(--_green-50));
    --kpro-color-warning: var(--kpro-theme-warning, var(--_yellow-700));
    --kpro-color-warning-soft: var(--kpro-theme-warning-soft, var(--_yellow-50));
    --kpro-font-family: var(--kpro-theme-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --kpro-font-size: var(--kpro-theme-font-size, 1rem);
    --kpro-radius: var(--kpro-theme-radius, 6px);
    --kpro-space-xs: 0.25rem;
    --kpro-space-s: 0.5rem;
    --kpro-space-m: 1rem;
    --kpro-space-l: 1.5rem;
    --kpro-target-size: 2.75rem;

    display: block;
    box-sizing: border-box;
    background: var(--kpro-color-surface);
    contain: layout style;
  }
  /* Inherited text properties are reset on the host and again on our top-level wrapper: page CSS
     aimed at the host element itself (e.g. "* { … }") beats :host. Theme through the custom properties. */
  :host,
  :host > * {
    font-family: var(--kpro-font-family);
    font-size: var(--kpro-font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    color: var(--kpro-color-text);
    visibility: visible;
  }
  :host([hidden]) {
    display: none;
  }
  /* border-box where sizes are set (a universal selector would be matched by every element of big forms). */
  input,
  select,
  textarea,
  button,
  .item,
  .group,
  .notice,
  .summary {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--kpro-color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: var(--kpro-target-size);
    min-width: var(--kpro-target-size);
    padding: var(--kpro-space-s) var(--kpro-space-m);
    border-radius: var(--kpro-radius);
    border: 2px solid var(--kpro-color-primary);
    background: var(--kpro-color-surface);
    color: var(--kpro-color-primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--kpro-color-primary);
    color: var(--kpro-color-on-primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
