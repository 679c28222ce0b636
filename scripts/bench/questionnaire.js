// Generates the benchmark questionnaire (runs in the browser and in Node, so both renderers get the same one).
// `size` questions in groups of 10, mixed types; question 1 is a Yes/No choice that gates 20% of the rest.

const TYPES = ['string', 'integer', 'decimal', 'boolean', 'date', 'choice', 'text'];
const YES_NO = [
  { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y', display: 'Yes' } },
  { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'N', display: 'No' } },
];
const RADIO_BUTTONS = {
  url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  valueCodeableConcept: {
    coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button' }],
  },
};

export const GATE_LINK_ID = 'q1';

/** True for the questions behind the gate: every fifth one (20%), never the gate itself. */
export const isGated = (index) => index > 0 && index % 5 === 4;

function choiceOptions(index) {
  const count = 3 + (index % 3); // 3 to 5 options, as in typical PRO scales
  return Array.from({ length: count }, (_, k) => ({
    valueCoding: { system: 'urn:kpro:bench', code: `a${k}`, display: `Svar ${k + 1}` },
  }));
}

function question(index) {
  const linkId = `q${index + 1}`;
  if (index === 0) {
    return { linkId, text: 'Gælder dette for dig?', type: 'choice', required: true, extension: [RADIO_BUTTONS], answerOption: YES_NO };
  }
  const type = TYPES[index % TYPES.length];
  const item = { linkId, text: `Spørgsmål ${index + 1} (${type})`, type };
  if (type === 'choice') {
    item.extension = [RADIO_BUTTONS];
    item.answerOption = choiceOptions(index);
  }
  if (isGated(index)) {
    item.enableWhen = [{ question: GATE_LINK_ID, operator: '=', answerCoding: YES_NO[0].valueCoding }];
  }
  return item;
}

export function generateQuestionnaire(size) {
  const item = [];
  for (let g = 0; g * 10 < size; g++) {
    const children = [];
    for (let i = g * 10; i < Math.min(size, g * 10 + 10); i++) children.push(question(i));
    item.push({ linkId: `g${g + 1}`, text: `Gruppe ${g + 1}`, type: 'group', item: children });
  }
  return {
    resourceType: 'Questionnaire',
    id: `bench-${size}`,
    url: `urn:kpro:bench:${size}`,
    version: '1',
    status: 'active',
    title: `Benchmark, ${size} spørgsmål`,
    item,
  };
}

/** Link ids of the first and last gated question (checked to be visible after the reveal). */
export function gatedLinkIds(size) {
  const ids = [];
  for (let i = 0; i < size; i++) if (isGated(i)) ids.push(`q${i + 1}`);
  return ids;
}
