import { expect } from '@open-wc/testing';
import { combine, onTranslationsChanged, section } from './catalogue.js';
import {
  actionGuideText,
  answerViewText,
  appText,
  availableLanguages,
  planAssignerText,
  questionnaireText,
  registerTranslation,
  translationFor,
  triageText,
  type QuestionnaireTranslation,
  type Translation,
} from './index.js';

describe('i18n catalogue sections', () => {
  it('falls back from a regional tag to its language, then to Danish', () => {
    const s = section('test', { da: { hello: 'Hej' }, en: { hello: 'Hello' } });
    expect(s.for('en-GB').hello).to.equal('Hello');
    expect(s.for('EN').hello).to.equal('Hello');
    expect(s.for('fr').hello).to.equal('Hej');
    expect(s.for(undefined).hello).to.equal('Hej');
    expect(s.for('').hello).to.equal('Hej');
  });

  it('adds a language to one section, tells listeners, and leaves the other sections alone', () => {
    const s = section('test', { da: { hello: 'Hej' } });
    const other = section('other', { da: { bye: 'Farvel' } });
    let calls = 0;
    const off = onTranslationsChanged(() => calls++);
    s.register('DE', { hello: 'Hallo' });
    off();
    s.register('nl', { hello: 'Hallo!' });
    expect(calls).to.equal(1);
    expect(s.for('de-AT').hello).to.equal('Hallo');
    expect(s.languages()).to.have.members(['da', 'de', 'nl']);
    expect(other.for('de').bye).to.equal('Farvel');
  });

  it('combines sections under their names and sees languages registered later', () => {
    const a = section('a', { da: { x: 'da-a' }, en: { x: 'en-a' } });
    const b = section('b', { da: { y: 'da-b' } });
    const both = combine({ a, b });
    expect(both.for('en')).to.deep.equal({ a: { x: 'en-a' }, b: { y: 'da-b' } });
    // Cached per language: templates read `t` many times per render.
    expect(both.for('en')).to.equal(both.for('en'));
    b.register('en', { y: 'en-b' });
    expect(both.for('en').b.y).to.equal('en-b');
  });

  it('keeps the built-in sections in Danish by default and English second', () => {
    expect(questionnaireText.for(undefined).submit).to.equal('Send svar');
    expect(questionnaireText.for('en').submit).to.equal('Send answers');
    expect(triageText.for('en').colour.red).to.equal('red');
    expect(answerViewText.for('da').title).to.equal('Besvarelser');
    expect(actionGuideText.for('en').title).to.equal('Action guides');
    expect(planAssignerText.for('en').title).to.equal('Plans');
    expect(appText.for('da').title).to.equal('PRO');
  });

  it('still gives the whole catalogue in one object (translationFor) with the sections inside', () => {
    const t = translationFor('en-US');
    expect(t.$code).to.equal('en');
    expect(t.submit).to.equal('Send answers');
    expect(t.triage.colour.green).to.equal('green');
    expect(t.planAssigner).to.equal(planAssignerText.for('en'));
    expect(translationFor('sv').$code).to.equal('da');
    expect(availableLanguages()).to.have.members(['da', 'en']);
  });

  it('adds a whole language to every section with registerTranslation', () => {
    const en = translationFor('en');
    const sv: Translation = { ...en, $code: 'sv', $name: 'Svenska', submit: 'Skicka', app: { ...en.app, title: 'PRO (sv)' } };
    registerTranslation(sv);
    expect(questionnaireText.for('sv').submit).to.equal('Skicka');
    expect(appText.for('sv').title).to.equal('PRO (sv)');
    expect(translationFor('sv').$name).to.equal('Svenska');
    expect(availableLanguages()).to.include('sv');
    // The questionnaire section holds only questionnaire strings, not the other sections or $code.
    const q = questionnaireText.for('sv') as QuestionnaireTranslation & Record<string, unknown>;
    expect(q.app).to.equal(undefined);
    expect(q.$code).to.equal(undefined);
  });

  it('lists only languages that every section has', () => {
    questionnaireText.register('fi', { ...questionnaireText.for('en'), submit: 'Lähetä' });
    expect(availableLanguages()).not.to.include('fi');
    expect(translationFor('fi').submit).to.equal('Lähetä');
    expect(translationFor('fi').app.title).to.equal(appText.for('da').title);
  });
});
