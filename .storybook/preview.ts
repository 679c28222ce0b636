// Every story renders inside a wrapper that carries the chosen language (lang) and theme (a class), the
// same way a host page would set them; the components read `lang` from their closest ancestor.
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

const THEME_CSS = `
  .kpro-story { padding: 1rem; min-height: 100%; box-sizing: border-box; font-family: system-ui, sans-serif; }
  .kpro-theme-light { color-scheme: light; background: #fff; color: #1b1b1b; }
  .kpro-theme-dark { color-scheme: dark; background: #16181d; color: #eceff4; }
  /* Placeholder until the EOJ look is known: a host system's denser, greyer chrome. */
  .kpro-theme-eoj { color-scheme: light; background: #eef1f4; color: #1b1b1b; font-size: 14px; }
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
