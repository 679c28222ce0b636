// The live examples of the theming guide (theming.mdx): the same two components under the default look, the
// dark and EOJ-like example themes, a vendor's own status colours, ::part styling, and a hostile host page.
// Each story sets its theme on its own wrapper, as a host page would, so it looks the same under any toolbar theme.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../../packages/elements/src/questionnaire/kpro-questionnaire.js';
import '../../packages/elements/src/answer-view/kpro-answer-view.js';
import { library, redCitizen } from '../fixtures/answer-view.js';
import { samtale } from '../fixtures/states.js';

const meta: Meta = {
  title: 'Vejledninger/Tema (eksempler)',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

/** The components as a host page shows them: a short questionnaire and a red citizen's answers. */
function pair(): TemplateResult {
  return html`
    <kpro-questionnaire no-draft .questionnaire=${samtale}></kpro-questionnaire>
    <kpro-answer-view .questionnaire=${library} .responses=${redCitizen}></kpro-answer-view>
  `;
}

function themed(className: string, css = '', intro?: TemplateResult): TemplateResult {
  return html`
    ${css ? html`<style>${css}</style>` : ''}
    <div class="theme-example ${className}" style="padding: 1rem; display: grid; gap: 1.5rem;">${intro ?? ''}${pair()}</div>
  `;
}

export const Standard: Story = {
  name: 'Standard (ingen tema)',
  render: () => themed('kpro-theme-light'),
};

export const Dark: Story = {
  name: 'Mørkt tema',
  render: () => themed('kpro-theme-dark'),
};

export const Eoj: Story = {
  name: 'EOJ-lignende tema',
  render: () => themed('kpro-theme-eoj'),
};

/** A vendor's own traffic-light colours: fill, border and text on the fill for each status; icons and words stay. */
export const StatusColours: Story = {
  name: 'Egne statusfarver',
  render: () =>
    themed(
      'own-status',
      `.own-status {
        --kpro-color-critical-fill: #ffe3ec; --kpro-color-critical-border: #a1003c; --kpro-color-critical-on: #70002a;
        --kpro-color-attention-fill: #fff0d9; --kpro-color-attention-border: #8f4a00; --kpro-color-attention-on: #5e3100;
        --kpro-color-normal-fill: #dff5f1; --kpro-color-normal-border: #00695c; --kpro-color-normal-on: #004d43;
      }`,
    ),
};

/** ::part reaches the exposed parts only: here the submit button, the question labels and every answer row. */
export const Parts: Story = {
  name: 'Dele (::part)',
  render: () =>
    themed(
      'parts-example',
      `.parts-example kpro-questionnaire::part(submit) { border-radius: 999px; padding-inline: 2rem; }
       .parts-example kpro-questionnaire::part(label) { font-weight: 700; letter-spacing: 0.01em; }
       .parts-example kpro-answer-view::part(answer) { border-inline-start-width: 6px; }`,
    ),
};

/** A host page with aggressive global CSS: its own text changes, the components do not. */
export const HostileHost: Story = {
  name: 'Værtsside med aggressiv CSS',
  render: () =>
    themed(
      'hostile-host',
      `.hostile-host * { font-family: 'Comic Sans MS', cursive !important; letter-spacing: 0.2em; text-transform: uppercase; }
       .hostile-host button, .hostile-host input, .hostile-host label { display: inline !important; color: magenta !important; }
       .hostile-host div { border: 3px dashed orange; }`,
      html`<p>Værtssidens egen tekst: ramt af sidens CSS (versaler, spatiering). Komponenterne nedenfor er ikke.</p>`,
    ),
};
