// Generates the answer-view benchmark data (runs in the browser): a questionnaire of `items` items in
// domains of 10 (9 questions with FUT colour rules and one calculated score with score bands, a direction
// and a minimal important difference, as in the sample content) and `count` responses, newest first,
// with the scores stored as the renderer writes them. Deterministic: the same sizes give the same data.

const SIGNIFICANCE = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaire-answerSignificance';
const CONDITION = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-answer-Condition';
const COLOURS = 'http://ehealth.sundhed.dk/cs/questionnaire-item-significance-indicator';
const CALCULATED = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const SYSTEM = 'urn:kpro:bench:answers';
const OPTIONS = ['Slet ikke', 'Lidt', 'En del', 'Meget'];

/** One colour rule: one condition or two (an interval). */
function rule(colour, ...conditions) {
  return {
    url: SIGNIFICANCE,
    extension: [
      ...conditions.map(([operator, value]) => ({
        url: CONDITION,
        extension: [{ url: 'value', ...value }, { url: 'operator', valueCode: operator }],
      })),
      { url: 'significance', valueCoding: { system: COLOURS, code: colour } },
    ],
  };
}

const coding = (k) => ({ system: SYSTEM, code: `a${k}`, display: OPTIONS[k] });

function question(linkId, index) {
  if (index % 3 === 2) {
    // Days active in the last week: <= 2 red, 3–5 yellow, >= 6 green.
    return {
      linkId,
      text: `Spørgsmål ${linkId}: på hvor mange af de seneste 7 dage …?`,
      type: 'integer',
      extension: [
        rule('red', ['<=', { valueInteger: 2 }]),
        rule('yellow', ['>=', { valueInteger: 3 }], ['<=', { valueInteger: 5 }]),
        rule('green', ['>=', { valueInteger: 6 }]),
      ],
    };
  }
  return {
    linkId,
    text: `Spørgsmål ${linkId}: hvor meget har … påvirket dig de sidste 2 uger?`,
    type: 'choice',
    answerOption: OPTIONS.map((_, k) => ({ valueCoding: coding(k), extension: [{ url: ORDINAL, valueDecimal: k }] })),
    extension: [rule('red', ['=', { valueCoding: coding(3) }]), rule('yellow', ['=', { valueCoding: coding(2) }]), rule('green', ['=', { valueCoding: coding(0) }])],
  };
}

/** The questionnaire: domains d1… of up to 10 items, the last of each a calculated score (sum of its choice ordinals × 10). */
export function generateAnswerViewQuestionnaire(items) {
  const domains = [];
  for (let start = 0, d = 1; start < items; start += 10, d++) {
    const size = Math.min(10, items - start);
    const questions = Array.from({ length: size - 1 }, (_, k) => question(`d${d}q${k + 1}`, k));
    const scored = questions.filter((q) => q.type === 'choice').map((q) => `'${q.linkId}'`);
    const score = {
      linkId: `d${d}-score`,
      text: `Score for område ${d} (0–100)`,
      type: 'decimal',
      readOnly: true,
      extension: [
        {
          url: CALCULATED,
          valueExpression: {
            language: 'text/fhirpath',
            expression: `%resource.repeat(item).where(linkId in (${scored.join(' | ')})).answer.value.ordinal().sum() * 10`,
          },
        },
        { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true },
        { url: 'https://kpro.example.dk/fhir/StructureDefinition/higher-is-better', valueBoolean: false },
        { url: 'https://kpro.example.dk/fhir/StructureDefinition/minimal-important-difference', valueDecimal: 10 },
        rule('red', ['>=', { valueDecimal: 100 }]),
        rule('yellow', ['>=', { valueDecimal: 50 }], ['<', { valueDecimal: 100 }]),
        rule('green', ['<', { valueDecimal: 50 }]),
      ],
    };
    domains.push({ linkId: `d${d}`, text: `Område ${d}`, type: 'group', item: size > 1 ? [...questions, score] : [score] });
  }
  return {
    resourceType: 'Questionnaire',
    url: 'https://kpro.example.dk/fhir/Questionnaire/bench-answer-view',
    version: '1.0.0',
    title: `Bench: ${items} spørgsmål`,
    status: 'active',
    item: domains,
  };
}

/** `count` responses, newest first, a fortnight apart; answers vary with the response and the item. */
export function generateAnswerViewResponses(questionnaire, count) {
  const start = Date.UTC(2024, 0, 8, 9);
  return Array.from({ length: count }, (_, r) => {
    const age = count - 1 - r; // 0 for the oldest
    const groups = questionnaire.item.map((group) => {
      const answers = [];
      let sum = 0;
      for (const item of group.item) {
        if (item.type === 'integer') answers.push({ linkId: item.linkId, answer: [{ valueInteger: (age * 3 + item.linkId.length * 5 + r) % 8 }] });
        else if (item.type === 'choice') {
          const k = (age + item.linkId.charCodeAt(item.linkId.length - 1)) % 4;
          sum += k;
          answers.push({ linkId: item.linkId, answer: [{ valueCoding: coding(k) }] });
        } else answers.push({ linkId: item.linkId, answer: [{ valueDecimal: sum * 10 }] });
      }
      return { linkId: group.linkId, item: answers };
    });
    return {
      resourceType: 'QuestionnaireResponse',
      id: `bench-${count - r}`,
      questionnaire: `${questionnaire.url}|${questionnaire.version}`,
      status: 'completed',
      authored: new Date(start + age * 14 * 864e5).toISOString(),
      item: groups,
    };
  });
}
