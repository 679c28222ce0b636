// Every story renders inside a wrapper that carries the chosen language (lang) and theme (a class), the
// same way a host page would set them; the components read `lang` from their closest ancestor.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run manifest` (run before every Storybook command): the
// properties, attributes, events, slots, parts and CSS custom properties in every story's controls and docs.
import manifest from '../packages/elements/custom-elements.json';
import { html } from 'lit';

setCustomElementsManifest(manifest);

const THEME_CSS = `
  .kpro-story { padding: 1rem; min-height: 100%; box-sizing: border-box; font-family: system-ui, sans-serif; }
  .kpro-theme-light { color-scheme: light; background: #fff; color: #1b1b1b; }
  .kpro-theme-dark { color-scheme: dark; background: #16181d; color: #eceff4;
    /* The components are themed through their tokens only (see the theming guide). */
    --kpro-theme-surface: #16181d; --kpro-theme-surface-alt: #232733; --kpro-theme-text: #eceff4;
    --kpro-theme-text-muted: #c3c9d4; --kpro-theme-primary: #8ab4f8; --kpro-theme-on-primary: #0b1020;
    --kpro-theme-primary-soft: #1f2a3a; --kpro-theme-border: #9aa4b2; --kpro-theme-border-soft: #4a5160;
    --kpro-theme-error: #ffb4ab; --kpro-theme-error-soft: #3b1d1b; --kpro-theme-success: #8fd19e;
    --kpro-theme-success-soft: #1b3323; --kpro-theme-warning: #f2d27a; --kpro-theme-warning-soft: #3a3119; }
  /* Placeholder until the EOJ look is known: a host system's denser, greyer chrome. */
  .kpro-theme-eoj { color-scheme: light; background: #eef1f4; color: #1b1b1b; font-size: 14px;
    --kpro-theme-primary: #00544e; --kpro-theme-primary-soft: #e0efed; --kpro-theme-font-family: Arial, sans-serif;
    --kpro-theme-font-size: 0.875rem; --kpro-theme-radius: 2px; --kpro-theme-surface: #ffffff; }
`;

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Sprog',
        icon: 'globe',
        items: [
          { value: 'da', title: 'Dansk' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme of the host page',
      toolbar: {
        title: 'Tema',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Lyst' },
          { value: 'dark', title: 'Mørkt' },
          { value: 'eoj', title: 'EOJ (pladsholder)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'da', theme: 'light' },
  decorators: [
    (story, { globals }) => html`
      <style>
        ${THEME_CSS}
      </style>
      <div class="kpro-story kpro-theme-${globals.theme ?? 'light'}" lang=${globals.locale ?? 'da'}>${story()}</div>
    `,
  ],
  parameters: {
    // Axe runs on every story; 'error' makes violations fail the a11y test run, not just show in the panel.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
