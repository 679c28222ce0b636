// The live examples of the localisation guide (localisation.mdx): switching language at run time, and a
// language added by the host (Swedish strings for the questionnaire, registered from the page).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { questionnaireText } from '@kpro/core';
import '../../packages/elements/src/questionnaire/kpro-questionnaire.js';
import '../../packages/elements/src/answer-view/kpro-answer-view.js';
import { library, redCitizen } from '../fixtures/answer-view.js';
import { samtale } from '../fixtures/states.js';

const meta: Meta = {
  title: 'Vejledninger/Sprog (eksempler)',
};
export default meta;
type Story = StoryObj;

/** Swedish for the questionnaire's own words, on top of the English strings (what a host would write). */
function registerSwedish(): void {
  if (questionnaireText.languages().includes('sv')) return;
  const en = questionnaireText.for('en');
  questionnaireText.register('sv', {
    ...en,
    required: 'obligatorisk',
    optional: 'frivillig',
    yes: 'Ja',
    no: 'Nej',
    next: 'Nästa',
    previous: 'Föregående',
    submit: 'Skicka svar',
    submitted: 'Tack! Dina svar har skickats.',
    pageOf: (page, total) => `Sida ${page} av ${total}`,
    errorSummaryTitle: (count) => (count === 1 ? 'Ett svar behöver rättas' : `${count} svar behöver rättas`),
  });
}

/** Buttons that set `lang` on the region around the components; it starts in the toolbar's language. */
function switcher(start: string, languages: [code: string, name: string][], content: TemplateResult): TemplateResult {
  const choose = (e: Event): void => {
    const button = e.target as HTMLButtonElement;
    const region = button.closest('.language-example') as HTMLElement;
    region.lang = button.value;
    for (const b of region.querySelectorAll('button[value]')) b.setAttribute('aria-pressed', String(b === button));
  };
  return html`<div class="language-example" lang=${start} style="display: grid; gap: 1rem;">
    <div role="group" aria-label="Sprog / language" style="display: flex; gap: 0.5rem;">
      ${languages.map(
        ([code, name]) =>
          html`<button type="button" value=${code} aria-pressed=${String(code === start)} @click=${choose} style="min-height: 44px; padding: 0 1rem;">${name}</button>`,
      )}
    </div>
    ${content}
  </div>`;
}

/** One `lang` on a wrapper switches every component inside; typed answers stay. */
export const RuntimeSwitch: Story = {
  name: 'Skift sprog mens siden kører',
  render: (_, { globals }) =>
    switcher(
      String(globals.locale ?? 'da'),
      [
        ['da', 'Dansk'],
        ['en', 'English'],
      ],
      html`<kpro-questionnaire no-draft .questionnaire=${samtale}></kpro-questionnaire>
        <kpro-answer-view .questionnaire=${library} .responses=${redCitizen}></kpro-answer-view>`,
    ),
};

/** A language the host added: Swedish buttons and messages; the questions stay in the questionnaire's languages. */
export const AddedLanguage: Story = {
  name: 'Et sprog tilføjet af værten (svensk)',
  render: (_, { globals }) => {
    registerSwedish();
    return switcher(
      String(globals.locale ?? 'da'),
      [
        ['da', 'Dansk'],
        ['en', 'English'],
        ['sv', 'Svenska'],
      ],
      html`<kpro-questionnaire no-draft .questionnaire=${samtale}></kpro-questionnaire>`,
    );
  },
};
