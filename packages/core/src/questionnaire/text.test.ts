import { expect } from '@open-wc/testing';
import { EXT } from '../fhir/extensions.js';
import { Form, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { compileQuestionnaire } from './definition.js';
import { htmlFor, readText, textFor, type RichText } from './text.js';

const translation = (lang: string, content: string) => ({
  url: EXT.translation,
  extension: [
    { url: 'lang', valueCode: lang },
    { url: 'content', valueString: content },
  ],
});

describe('texts and translations', () => {
  const t = readText('Hvordan går det?', { extension: [translation('en', 'How are you?'), translation('de-DE', 'Wie geht es?')] })!;

  it('readText collects translations by language', () => {
    expect(t.plain).to.equal('Hvordan går det?');
    expect(t.translations).to.deep.equal({ en: 'How are you?', 'de-de': 'Wie geht es?' });
    expect(readText(undefined, undefined)).to.equal(undefined);
  });

  it('textFor picks the translation for en and the base text otherwise', () => {
    expect(textFor(t, 'en', 'da')).to.equal('How are you?');
    expect(textFor(t, 'en-GB', 'da')).to.equal('How are you?');
    expect(textFor(t, 'EN', 'da')).to.equal('How are you?');
    expect(textFor(t, 'de', 'da')).to.equal('Wie geht es?');
    expect(textFor(t, 'da', 'da')).to.equal('Hvordan går det?');
    expect(textFor(t, 'fr', 'da')).to.equal('Hvordan går det?');
    expect(textFor(t, undefined, 'da')).to.equal('Hvordan går det?');
    expect(textFor(undefined, 'en')).to.equal('');
  });

  it('does not translate into the questionnaire’s own language', () => {
    const en = readText('Hello', { extension: [translation('en', 'Hi (translated)')] })!;
    expect(textFor(en, 'en', 'en-US')).to.equal('Hello');
  });

  it('htmlFor gives the sanitised HTML only when no translation replaces the text', () => {
    const rich: RichText = { plain: 'Fed', html: '<b>Fed</b>', translations: { en: 'Bold' } };
    expect(htmlFor(rich, 'da', 'da')).to.equal('<b>Fed</b>');
    expect(htmlFor(rich, 'en', 'da')).to.equal(undefined);
  });

  it('reads translations of item texts, titles and option labels from a questionnaire', () => {
    const q = questionnaire(
      [
        {
          linkId: 'q',
          type: 'choice',
          text: 'Ja eller nej?',
          _text: { extension: [translation('en', 'Yes or no?')] },
          answerOption: [
            { valueCoding: { code: 'y', display: 'Ja', _display: { extension: [translation('en', 'Yes')] } } as fhir4.Coding },
            { valueString: 'Måske', _valueString: { extension: [translation('en', 'Maybe')] } } as fhir4.QuestionnaireItemAnswerOption,
          ],
        },
      ],
      { language: 'da', title: 'Skema', _title: { extension: [translation('en', 'Form')] } },
    );
    const def = compileQuestionnaire(q);
    expect(textFor(def.title, 'en', def.language)).to.equal('Form');
    const item = def.byLinkId.get('q')!;
    expect(textFor(item.text, 'en', def.language)).to.equal('Yes or no?');
    expect(item.options.map((o) => textFor(o.label, 'en', def.language))).to.deep.equal(['Yes', 'Maybe']);
    expect(item.options.map((o) => textFor(o.label, 'da', def.language))).to.deep.equal(['Ja', 'Måske']);
    expect(nodeOf(new Form(q), 'q').def).to.not.equal(undefined);
  });
});
