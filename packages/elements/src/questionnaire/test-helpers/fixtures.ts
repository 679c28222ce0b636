import type { Questionnaire } from '@kpro/core';

const coding = (code: string, display: string, score?: number) => ({
  valueCoding: { system: 'urn:test', code, display },
  ...(score !== undefined ? { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: score }] } : {}),
});

/** A small questionnaire touching the main item types, an enableWhen and a repeating group. */
export const basicQuestionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'basic',
  url: 'urn:kpro:test:basic',
  version: '1',
  status: 'active',
  language: 'da',
  title: 'Test',
  item: [
    {
      linkId: 'smoke',
      type: 'choice',
      text: 'Ryger du?',
      _text: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: 'Do you smoke?' }] }] },
      required: true,
      answerOption: [coding('y', 'Ja', 1), coding('n', 'Nej', 0)],
    },
    {
      linkId: 'howmuch',
      type: 'integer',
      text: 'Hvor mange om dagen?',
      enableWhen: [{ question: 'smoke', operator: '=', answerCoding: { system: 'urn:test', code: 'y' } }],
    },
    { linkId: 'name', type: 'string', text: 'Navn', maxLength: 20 },
    { linkId: 'weight', type: 'decimal', text: 'Vægt (kg)' },
    { linkId: 'ok', type: 'boolean', text: 'Har du det godt?' },
    { linkId: 'when', type: 'date', text: 'Dato' },
    {
      linkId: 'meds',
      type: 'group',
      text: 'Medicin',
      repeats: true,
      item: [
        { linkId: 'med', type: 'string', text: 'Præparat' },
        { linkId: 'side', type: 'boolean', text: 'Bivirkninger?' },
        { linkId: 'which', type: 'text', text: 'Hvilke?', enableWhen: [{ question: 'side', operator: '=', answerBoolean: true }] },
      ],
    },
  ],
};
