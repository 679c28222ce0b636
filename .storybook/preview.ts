// Every story renders inside a wrapper that carries the chosen language (lang) and theme (a class), the
// same way a host page would set them; the components read `lang` from their closest ancestor.
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run manifest` (run before every Storybook command): the
// properties, attributes, events, slots, parts and CSS custom properties in every story's controls and docs.
import manifest from '../packages/elements/custom-elements.json';
import darkTheme from '../stories/themes/dark.css?raw';
import eojTheme from '../stories/themes/eoj.css?raw';
import { html } from 'lit';

setCustomElementsManifest(manifest);

// The example themes of the theming guide, exactly as a host page would write them.
const THEME_CSS = `
  .kpro-story { padding: 1rem; min-height: 100%; box-sizing: border-box; font-family: system-ui, sans-serif; }
  .kpro-theme-light { color-scheme: light; background: #fff; color: #1b1b1b; }
  ${darkTheme}
  ${eojTheme}
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
          { value: 'eoj', title: 'EOJ-lignende' },
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
