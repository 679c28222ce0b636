// Worked examples: answer sets for the sample content (packages/core/content/questionnaires) with the
// colours they must give. One table for the tests (worked-examples.test.ts), the README and anyone
// else (component tests, stories) who needs citizens with known colours.
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import type { AnswerValue } from '../questionnaire/values.js';
import type { Significance, TriageWarningCode } from './types.js';

/** The sample questionnaires, by file name without `.json` (in packages/core/content/questionnaires). */
export type WorkedQuestionnaire = 'kommunal-rehabilitering' | 'who-5' | 'who-5-v0.9';
export const WORKED_QUESTIONNAIRES: readonly WorkedQuestionnaire[] = ['kommunal-rehabilitering', 'who-5', 'who-5-v0.9'];

/**
 * An answer: an answer option's code (choice items; `asked-declined` is "ønsker ikke at svare"), a
 * number (integer and decimal items, also a stored score), a boolean, free text for an open-choice
 * item that is not an option code, or a list for repeating items.
 */
export type WorkedAnswer = string | number | boolean | (string | number)[];

export interface WorkedExample {
  id: string;
  questionnaire: WorkedQuestionnaire;
  /** What the response says it answers, when not the questionnaire's own url|version. */
  responseQuestionnaire?: string;
  /** What the example shows (English). */
  shows: string;
  /** WHO-5 item points for t1–t5 (5 = "Hele tiden" … 0 = "På intet tidspunkt"); fewer than five leaves the rest unanswered. */
  who5?: number[];
  answers?: Record<string, WorkedAnswer>;
  expect: {
    overall: Significance;
    /** Expected domain colours. Domains not listed must be grey (nothing answered there). */
    domains: Record<string, Significance>;
    /** Expected item colours (items not listed are not checked). */
    items?: Record<string, Significance>;
    /** Expected score values (null: cannot be calculated). */
    scores?: Record<string, number | null>;
    /** Domains the citizen put on the agenda. */
    agenda?: string[];
    /** url|version whose rules must be used; by default the one the response names. */
    questionnaire?: string;
    /** Warning codes that must be reported (and no others). */
    warnings?: TriageWarningCode[];
  };
}

const WHO5_CODES = ['paa-intet-tidspunkt', 'lidt-af-tiden', 'lidt-mindre-end-halvdelen-af-tiden', 'lidt-mere-end-halvdelen-af-tiden', 'det-meste-af-tiden', 'hele-tiden'];
const REHAB_DOMAINS = ['trivsel', 'hverdagsliv', 'soevn', 'netvaerk', 'alkohol', 'rygning', 'fysisk-aktivitet', 'seksualitet', 'sygdomshaandtering'] as const;
const all = (s: Significance): Record<string, Significance> => Object.fromEntries(REHAB_DOMAINS.map((d) => [d, s]));

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  // ---- WHO-5 1.0.0: score = raw × 4; ≤ 35 red, 36–50 yellow, > 50 green; an item answered 0–1 is yellow.
  {
    id: 'who5-32',
    questionnaire: 'who-5',
    shows: 'WHO-5 32 (raw 8) is red; items answered 1 are yellow',
    who5: [2, 2, 2, 1, 1],
    expect: { overall: 'red', domains: { trivsel: 'red' }, items: { t1: 'none', t4: 'yellow', t5: 'yellow', 'who5-score': 'red' }, scores: { 'who5-score': 32 } },
  },
  {
    id: 'who5-36',
    questionnaire: 'who-5',
    shows: 'WHO-5 36 (raw 9): the lowest yellow score',
    who5: [2, 2, 2, 2, 1],
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { t5: 'yellow', 'who5-score': 'yellow' }, scores: { 'who5-score': 36 } },
  },
  {
    id: 'who5-48',
    questionnaire: 'who-5',
    shows: 'WHO-5 48 (raw 12) is yellow; no item flag',
    who5: [3, 3, 2, 2, 2],
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { t1: 'none', t5: 'none', 'who5-score': 'yellow' }, scores: { 'who5-score': 48 } },
  },
  {
    id: 'who5-52',
    questionnaire: 'who-5',
    shows: 'WHO-5 52 (raw 13): the lowest green score',
    who5: [3, 3, 3, 2, 2],
    expect: { overall: 'green', domains: { trivsel: 'green' }, items: { 'who5-score': 'green' }, scores: { 'who5-score': 52 } },
  },
  {
    id: 'who5-100',
    questionnaire: 'who-5',
    shows: 'WHO-5 100 is green',
    who5: [5, 5, 5, 5, 5],
    expect: { overall: 'green', domains: { trivsel: 'green' }, items: { t1: 'none', 'who5-score': 'green' }, scores: { 'who5-score': 100 } },
  },
  {
    id: 'who5-item-flag',
    questionnaire: 'who-5',
    shows: 'a green score (80) with one item answered 0: the item flag makes the domain yellow',
    who5: [5, 5, 5, 5, 0],
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { t5: 'yellow', 'who5-score': 'green' }, scores: { 'who5-score': 80 } },
  },
  {
    id: 'who5-stored-35',
    questionnaire: 'who-5',
    shows: 'a stored score of 35 (no items) is red: ≤ 35 includes 35',
    answers: { 'who5-score': 35 },
    expect: { overall: 'red', domains: { trivsel: 'red' }, items: { t1: 'grey', 'who5-score': 'red' }, scores: { 'who5-score': 35 } },
  },
  {
    id: 'who5-stored-36',
    questionnaire: 'who-5',
    shows: 'a stored score of 36 is yellow',
    answers: { 'who5-score': 36 },
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { 'who5-score': 'yellow' }, scores: { 'who5-score': 36 } },
  },
  {
    id: 'who5-stored-50',
    questionnaire: 'who-5',
    shows: 'a stored score of 50 is yellow: 36–50 includes 50',
    answers: { 'who5-score': 50 },
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { 'who5-score': 'yellow' } },
  },
  {
    id: 'who5-stored-51',
    questionnaire: 'who-5',
    shows: 'a stored score of 51 is green; the unanswered items are grey but do not outrank it',
    answers: { 'who5-score': 51 },
    expect: { overall: 'green', domains: { trivsel: 'green' }, items: { t1: 'grey', t5: 'grey', 'who5-score': 'green' } },
  },
  {
    id: 'who5-missing-item',
    questionnaire: 'who-5',
    shows: 'one item missing: the score cannot be calculated, so item and score are grey, never green',
    who5: [3, 3, 3, 3],
    expect: { overall: 'grey', domains: { trivsel: 'grey' }, items: { t1: 'none', t5: 'grey', 'who5-score': 'grey' }, scores: { 'who5-score': null } },
  },
  {
    id: 'who5-empty',
    questionnaire: 'who-5',
    shows: 'nothing answered: everything grey',
    expect: { overall: 'grey', domains: { trivsel: 'grey' }, items: { t1: 'grey', 'who5-score': 'grey' } },
  },
  // ---- WHO-5 0.9.0 (older version): ≤ 28 red, 29–50 yellow, > 50 green. Same answers, other colour.
  {
    id: 'who5-v0.9-32',
    questionnaire: 'who-5-v0.9',
    shows: 'the same answers as who5-32 to version 0.9.0: 32 is yellow there (red in 1.0.0)',
    who5: [2, 2, 2, 1, 1],
    expect: {
      overall: 'yellow',
      domains: { trivsel: 'yellow' },
      items: { t4: 'yellow', 'who5-score': 'yellow' },
      scores: { 'who5-score': 32 },
      questionnaire: 'https://kpro.example.dk/fhir/Questionnaire/who-5|0.9.0',
    },
  },
  {
    id: 'who5-v0.9-28',
    questionnaire: 'who-5-v0.9',
    shows: 'WHO-5 28 (raw 7) is red in 0.9.0 too',
    who5: [2, 2, 1, 1, 1],
    expect: { overall: 'red', domains: { trivsel: 'red' }, items: { 'who5-score': 'red' }, scores: { 'who5-score': 28 } },
  },
  {
    id: 'who5-v0.9-stored-29',
    questionnaire: 'who-5-v0.9',
    shows: 'a stored 29 is yellow in 0.9.0 (red in 1.0.0)',
    answers: { 'who5-score': 29 },
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { 'who5-score': 'yellow' } },
  },
  {
    id: 'who5-missing-version',
    questionnaire: 'who-5',
    responseQuestionnaire: 'https://kpro.example.dk/fhir/Questionnaire/who-5|0.8.0',
    shows: 'a response to a version that is not available: the newest version (1.0.0) is used, with a warning',
    who5: [2, 2, 2, 1, 1],
    expect: {
      overall: 'red',
      domains: { trivsel: 'red' },
      items: { 'who5-score': 'red' },
      questionnaire: 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0',
      warnings: ['questionnaire-version-missing'],
    },
  },
  // ---- Kommunal rehabilitering 1.1.0: whole citizens.
  {
    id: 'rehab-green',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'a citizen with resources everywhere: green where a rule says so, none where no rule matches',
    who5: [4, 4, 4, 4, 4],
    answers: {
      d1: ['trivsel', 'soevn'],
      'humoer-1': 'aldrig', 'humoer-2': 'aldrig',
      h1: 'slet-ikke', h2: 'slet-ikke', h3: 'slet-ikke', h4: 'slet-ikke',
      s1: '0', s2: 'slet-ikke', s3: 'nej',
      n1: '3-5', n2: 'noget', n3: 'let', e1: 'aldrig',
      a1: 'hoejst-en-gang-om-maaneden', a2: '1-2', a3: 'aldrig',
      r1: 'aldrig-roeget',
      f1: 6, f2: 'nej',
      x1: 'nej', x2: 'nej',
      m1: 'meget-tryg', m2: 'slet-ikke',
    },
    expect: {
      overall: 'green',
      domains: { ...all('green'), seksualitet: 'none', sygdomshaandtering: 'none' },
      items: {
        d1: 'none', 'who5-score': 'green', 'humoer-1': 'none', 'humoer-score': 'green', s2: 'none', 'soevn-risiko': 'none', 'oslo3-score': 'green',
        'netvaerk-risiko': 'none', 'auditc-score': 'green', r1: 'green', r2: 'none', f1: 'green', x1: 'none', m1: 'none', 'sygdom-risiko': 'none',
      },
      scores: { 'who5-score': 80, 'humoer-score': 0, 'oslo3-score': 11, 'auditc-score': 1 },
      agenda: ['trivsel', 'soevn'],
    },
  },
  {
    id: 'rehab-yellow',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'a citizen with things to follow up: yellow at most',
    who5: [3, 3, 2, 2, 2],
    answers: {
      'humoer-1': 'en-gang-imellem', 'humoer-2': 'en-gang-imellem',
      h1: 'lidt', h2: 'en-del', h3: 'lidt', h4: 'lidt',
      s1: '1-2', s2: 'lidt', s3: 'nej',
      n1: '1-2', n2: 'noget', n3: 'muligt', e1: 'af-og-til',
      a1: 'aldrig',
      r1: 'holdt-op-inden-for-et-halvt-aar',
      f1: 4, f2: 'ja-lidt',
      x1: 'ikke-relevant', x2: 'maaske',
      m1: 'lidt-utryg', m2: 'en-del',
    },
    expect: {
      overall: 'yellow',
      domains: {
        trivsel: 'yellow', hverdagsliv: 'yellow', soevn: 'green', netvaerk: 'green', alkohol: 'green', rygning: 'yellow', 'fysisk-aktivitet': 'yellow',
        seksualitet: 'none', sygdomshaandtering: 'yellow',
      },
      items: { 'who5-score': 'yellow', 'humoer-score': 'yellow', h2: 'yellow', 'oslo3-score': 'green', 'netvaerk-risiko': 'none', a2: 'none', 'auditc-score': 'green', r1: 'yellow', f1: 'yellow', x2: 'none', m1: 'yellow' },
      scores: { 'who5-score': 48, 'humoer-score': 2, 'oslo3-score': 9, 'auditc-score': 0 },
    },
  },
  {
    id: 'rehab-red',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'a citizen who needs attention: red in eight domains, all three cross-domain rules fire',
    who5: [2, 2, 1, 1, 1],
    answers: {
      d1: ['alkohol', 'Min hofte'],
      'humoer-1': 'naesten-hele-tiden', 'humoer-2': 'ofte',
      h1: 'meget', h2: 'en-del', h3: 'meget', h4: 'lidt',
      s1: '5-7', s2: 'meget', s3: 'ja',
      n1: 'ingen', n2: 'lidt', n3: 'svaert', e1: 'ofte',
      a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'ugentligt',
      r1: 'ja-dagligt', r2: 'ja-men-ikke-nu',
      f1: 2, f2: 'ja-meget',
      x1: 'ja-meget', x2: 'ja',
      m1: 'meget-utryg', m2: 'meget',
    },
    expect: {
      overall: 'red',
      domains: { ...all('red'), seksualitet: 'yellow' },
      items: {
        'who5-score': 'red', 'humoer-score': 'red', h1: 'red', h4: 'green', s1: 'yellow', 'soevn-risiko': 'red', 'oslo3-score': 'yellow', e1: 'yellow',
        'netvaerk-risiko': 'red', a2: 'yellow', 'auditc-score': 'red', r1: 'red', r2: 'none', f2: 'red', x1: 'yellow', m2: 'yellow', 'sygdom-risiko': 'red',
      },
      scores: { 'who5-score': 28, 'humoer-score': 5, 'oslo3-score': 5, 'auditc-score': 9 },
      agenda: ['alkohol'],
    },
  },
  {
    id: 'rehab-empty',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'an empty response: every domain grey, no agenda',
    expect: { overall: 'grey', domains: all('grey'), items: { d1: 'grey', t1: 'grey', 'who5-score': 'grey', 'netvaerk-risiko': 'grey', r2: 'none' }, agenda: [] },
  },
  // ---- Cross-domain rules (calculated booleans with a rule "= true → red"). They only ever raise.
  {
    id: 'netvaerk-risiko-loneliness',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'Oslo-3 4 with loneliness "Hele tiden" and good well-being: the network domain is red',
    who5: [4, 4, 4, 4, 4],
    answers: { n1: 'ingen', n2: 'lidt', n3: 'meget-svaert', e1: 'hele-tiden' },
    expect: { overall: 'red', domains: { trivsel: 'green', netvaerk: 'red' }, items: { 'oslo3-score': 'yellow', e1: 'yellow', 'netvaerk-risiko': 'red', 'humoer-score': 'grey' } },
  },
  {
    id: 'netvaerk-no-risiko',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'Oslo-3 4 without loneliness and with good well-being: yellow, not raised',
    who5: [4, 4, 4, 4, 4],
    answers: { n1: 'ingen', n2: 'lidt', n3: 'meget-svaert', e1: 'aldrig' },
    expect: { overall: 'yellow', domains: { trivsel: 'green', netvaerk: 'yellow' }, items: { 'oslo3-score': 'yellow', e1: 'none', 'netvaerk-risiko': 'none' } },
  },
  {
    id: 'netvaerk-risiko-oslo3-8',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'Oslo-3 8 (the highest poor score) with WHO-5 48: raised to red',
    who5: [3, 3, 2, 2, 2],
    answers: { n1: '1-2', n2: 'hverken-meget-eller-lidt', n3: 'muligt', e1: 'aldrig' },
    expect: { overall: 'red', domains: { trivsel: 'yellow', netvaerk: 'red' }, items: { 'oslo3-score': 'yellow', 'netvaerk-risiko': 'red' }, scores: { 'oslo3-score': 8 } },
  },
  {
    id: 'netvaerk-oslo3-9',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'Oslo-3 9 (moderate) with WHO-5 48: green, the cross-domain rule does not fire',
    who5: [3, 3, 2, 2, 2],
    answers: { n1: '1-2', n2: 'hverken-meget-eller-lidt', n3: 'let', e1: 'aldrig' },
    expect: { overall: 'yellow', domains: { trivsel: 'yellow', netvaerk: 'green' }, items: { 'oslo3-score': 'green', 'netvaerk-risiko': 'none' }, scores: { 'oslo3-score': 9 } },
  },
  {
    id: 'netvaerk-oslo3-12',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'Oslo-3 12 (strong support) is green',
    answers: { n1: '6-eller-flere', n2: 'meget', n3: 'muligt' },
    expect: { overall: 'green', domains: { netvaerk: 'green' }, items: { 'oslo3-score': 'green', e1: 'grey', 'netvaerk-risiko': 'none' }, scores: { 'oslo3-score': 12 } },
  },
  {
    id: 'soevn-risiko',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'S1 3–4 nights and S2 "Meget": the sleep domain is red',
    answers: { s1: '3-4', s2: 'meget', s3: 'nej' },
    expect: { overall: 'red', domains: { soevn: 'red' }, items: { s1: 'yellow', s2: 'yellow', s3: 'none', 'soevn-risiko': 'red' } },
  },
  {
    id: 'soevn-no-risiko',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'S1 1–2 nights and S2 "Meget": yellow, not raised',
    answers: { s1: '1-2', s2: 'meget', s3: 'nej' },
    expect: { overall: 'yellow', domains: { soevn: 'yellow' }, items: { s1: 'green', s2: 'yellow', 'soevn-risiko': 'none' } },
  },
  {
    id: 'sygdom-risiko-who5-48',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'M2 "Meget" with WHO-5 48 (≤ 50): the illness domain is red',
    who5: [3, 3, 2, 2, 2],
    answers: { m1: 'tryg', m2: 'meget' },
    expect: { overall: 'red', domains: { trivsel: 'yellow', sygdomshaandtering: 'red' }, items: { m1: 'none', m2: 'yellow', 'sygdom-risiko': 'red' } },
  },
  {
    id: 'sygdom-no-risiko-who5-52',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'M2 "Meget" with WHO-5 52 (> 50): yellow, not raised',
    who5: [3, 3, 3, 2, 2],
    answers: { m1: 'tryg', m2: 'meget' },
    expect: { overall: 'yellow', domains: { trivsel: 'green', sygdomshaandtering: 'yellow' }, items: { m2: 'yellow', 'sygdom-risiko': 'none' } },
  },
  {
    id: 'sygdom-risiko-incomplete',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'M2 "Meget" with WHO-5 incomplete: the cross-domain flag cannot be calculated (grey), the domain stays yellow',
    who5: [3, 3, 2, 2],
    answers: { m1: 'tryg', m2: 'meget' },
    expect: { overall: 'yellow', domains: { trivsel: 'grey', sygdomshaandtering: 'yellow' }, items: { 'who5-score': 'grey', 'sygdom-risiko': 'grey' } },
  },
  // ---- AUDIT-C (women's cut-offs, sex unknown): ≤ 2 green, 3–7 yellow, ≥ 8 red.
  {
    id: 'auditc-0',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'A1 "Aldrig": AUDIT-C 0 is green; A2 and A3 are not asked',
    answers: { a1: 'aldrig' },
    expect: { overall: 'green', domains: { alkohol: 'green' }, items: { a1: 'none', a2: 'none', a3: 'none', 'auditc-score': 'green' }, scores: { 'auditc-score': 0 } },
  },
  {
    id: 'auditc-2',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'AUDIT-C 2 is green',
    answers: { a1: '2-4-gange-om-maaneden', a2: '1-2', a3: 'aldrig' },
    expect: { overall: 'green', domains: { alkohol: 'green' }, items: { 'auditc-score': 'green' }, scores: { 'auditc-score': 2 } },
  },
  {
    id: 'auditc-3',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'AUDIT-C 3 is yellow',
    answers: { a1: '2-4-gange-om-maaneden', a2: '3-4', a3: 'aldrig' },
    expect: { overall: 'yellow', domains: { alkohol: 'yellow' }, items: { a2: 'none', 'auditc-score': 'yellow' }, scores: { 'auditc-score': 3 } },
  },
  {
    id: 'auditc-7',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'AUDIT-C 7 is yellow; A2 5–6 and A3 monthly are yellow on their own',
    answers: { a1: '2-3-gange-om-ugen', a2: '5-6', a3: 'maanedligt' },
    expect: { overall: 'yellow', domains: { alkohol: 'yellow' }, items: { a2: 'yellow', a3: 'yellow', 'auditc-score': 'yellow' }, scores: { 'auditc-score': 7 } },
  },
  {
    id: 'auditc-8',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'AUDIT-C 8 is red',
    answers: { a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'maanedligt' },
    expect: { overall: 'red', domains: { alkohol: 'red' }, items: { 'auditc-score': 'red' }, scores: { 'auditc-score': 8 } },
  },
  {
    id: 'auditc-incomplete',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'A3 missing: AUDIT-C cannot be calculated; the domain is grey',
    answers: { a1: '2-4-gange-om-maaneden', a2: '1-2' },
    expect: { overall: 'grey', domains: { alkohol: 'grey' }, items: { a1: 'none', a2: 'none', a3: 'grey', 'auditc-score': 'grey' }, scores: { 'auditc-score': null } },
  },
  // ---- kpro's own mood items (own draft rules): humoer-score = humoer-1 + humoer-2 (Aldrig 0, En gang
  // imellem 1, Ofte 2, Næsten hele tiden 3); ≤ 1 green, 2 yellow, ≥ 3 red. The items themselves have no rule.
  {
    id: 'humoer-1',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'mood score 1 is green (WHO-5 unanswered stays grey but does not outrank it)',
    answers: { 'humoer-1': 'en-gang-imellem', 'humoer-2': 'aldrig' },
    expect: { overall: 'green', domains: { trivsel: 'green' }, items: { 'humoer-1': 'none', 'who5-score': 'grey', 'humoer-score': 'green' }, scores: { 'humoer-score': 1 } },
  },
  {
    id: 'humoer-2',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'mood score 2 is yellow: "Ofte" sad or low, and joy as usual',
    answers: { 'humoer-1': 'ofte', 'humoer-2': 'aldrig' },
    expect: { overall: 'yellow', domains: { trivsel: 'yellow' }, items: { 'humoer-1': 'none', 'humoer-score': 'yellow' }, scores: { 'humoer-score': 2 } },
  },
  {
    id: 'humoer-3',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'mood score 3 is red: "Næsten hele tiden" on one item is enough',
    answers: { 'humoer-1': 'aldrig', 'humoer-2': 'naesten-hele-tiden' },
    expect: { overall: 'red', domains: { trivsel: 'red' }, items: { 'humoer-2': 'none', 'humoer-score': 'red' }, scores: { 'humoer-score': 3 } },
  },
  // ---- Missing answers, "ønsker ikke at svare", items without rules, boundaries of own items.
  {
    id: 'declined-all',
    questionnaire: 'kommunal-rehabilitering',
    shows: '"Ønsker ikke at svare" to H1–H4: grey, never green',
    answers: { h1: 'asked-declined', h2: 'asked-declined', h3: 'asked-declined', h4: 'asked-declined' },
    expect: { overall: 'grey', domains: { hverdagsliv: 'grey' }, items: { h1: 'grey', h4: 'grey' } },
  },
  {
    id: 'declined-and-green',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'H1 declined and H2 unanswered (grey) next to green answers: the domain is green',
    answers: { h1: 'asked-declined', h3: 'slet-ikke', h4: 'lidt' },
    expect: { overall: 'green', domains: { hverdagsliv: 'green' }, items: { h1: 'grey', h2: 'grey', h3: 'green', h4: 'green' } },
  },
  {
    id: 'declined-x1',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'X1 declined and X2 "Nej" (no rule matches): the domain is grey',
    answers: { x1: 'asked-declined', x2: 'nej' },
    expect: { overall: 'grey', domains: { seksualitet: 'grey' }, items: { x1: 'grey', x2: 'none' } },
  },
  {
    id: 'no-rules',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'answers to items without rules (D1, R2, humoer-1 alone, N1) are uncoloured, not green',
    answers: { d1: ['rygning'], r1: 'ja-dagligt', r2: 'ja-inden-for-en-maaned', 'humoer-1': 'naesten-hele-tiden', n1: '3-5' },
    expect: {
      overall: 'red',
      domains: { trivsel: 'grey', netvaerk: 'grey', rygning: 'red' },
      items: { d1: 'none', r1: 'red', r2: 'none', 'humoer-1': 'none', 'humoer-2': 'grey', 'humoer-score': 'grey', n1: 'none', 'oslo3-score': 'grey' },
      agenda: ['rygning'],
    },
  },
  {
    id: 'f1-4',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'F1 4 days is yellow',
    answers: { f1: 4, f2: 'nej' },
    expect: { overall: 'yellow', domains: { 'fysisk-aktivitet': 'yellow' }, items: { f1: 'yellow', f2: 'none' } },
  },
  {
    id: 'f1-5',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'F1 5 days is green',
    answers: { f1: 5, f2: 'nej' },
    expect: { overall: 'green', domains: { 'fysisk-aktivitet': 'green' }, items: { f1: 'green', f2: 'none' } },
  },
  {
    id: 'h1-meget',
    questionnaire: 'kommunal-rehabilitering',
    shows: 'H1 "Meget" is red; the other unanswered items do not lower it',
    answers: { h1: 'meget' },
    expect: { overall: 'red', domains: { hverdagsliv: 'red' }, items: { h1: 'red', h2: 'grey' } },
  },
];

/** The answers of an example per linkId (WHO-5 points expanded to t1–t5 option codes). */
export function workedAnswers(example: WorkedExample): Record<string, WorkedAnswer> {
  const out: Record<string, WorkedAnswer> = {};
  (example.who5 ?? []).forEach((p, i) => (out[`t${i + 1}`] = WHO5_CODES[p]!));
  return { ...out, ...example.answers };
}

/**
 * The QuestionnaireResponse of an example, as the questionnaire renderer would write it (groups
 * nested, answer options copied from the questionnaire). Throws for an answer code the
 * questionnaire does not have, so a typo in the table cannot pass as "unanswered".
 */
export function workedExampleResponse(example: WorkedExample, questionnaire: Questionnaire): QuestionnaireResponse {
  const answers = workedAnswers(example);
  const used = new Set<string>();
  const toAnswer = (item: QuestionnaireItem, v: string | number | boolean): AnswerValue => {
    if (typeof v === 'boolean') return { valueBoolean: v };
    if (typeof v === 'number') return item.type === 'integer' ? { valueInteger: v } : { valueDecimal: v };
    const option = item.answerOption?.find((o) => o.valueCoding?.code === v);
    if (option) return { valueCoding: { system: option.valueCoding!.system, code: v, display: option.valueCoding!.display } };
    if (item.type === 'open-choice') return { valueString: v };
    throw new Error(`Worked example ${example.id}: ${item.linkId} has no answer option ${v}`);
  };
  const build = (items: QuestionnaireItem[] | undefined): QuestionnaireResponseItem[] =>
    (items ?? []).flatMap((item): QuestionnaireResponseItem[] => {
      if (item.type === 'group') {
        const children = build(item.item);
        return children.length ? [{ linkId: item.linkId, item: children }] : [];
      }
      const a = answers[item.linkId];
      if (a === undefined) return [];
      used.add(item.linkId);
      return [{ linkId: item.linkId, answer: (Array.isArray(a) ? a : [a]).map((v) => toAnswer(item, v)) }];
    });
  const item = build(questionnaire.item);
  const unknown = Object.keys(answers).filter((k) => !used.has(k));
  if (unknown.length) throw new Error(`Worked example ${example.id}: no items ${unknown.join(', ')} in ${questionnaire.url}`);
  return {
    resourceType: 'QuestionnaireResponse',
    id: `worked-${example.id}`,
    questionnaire: example.responseQuestionnaire ?? `${questionnaire.url}|${questionnaire.version}`,
    status: 'completed',
    authored: '2025-01-15T10:00:00+01:00',
    ...(item.length ? { item } : {}),
  };
}

const COLOUR_ORDER: Significance[] = ['red', 'yellow', 'green', 'grey', 'none'];

/** The table as markdown (rendered into the README; a test keeps the two in step). */
export function workedExamplesMarkdown(): string {
  const group = (map: Record<string, Significance> | undefined) =>
    COLOUR_ORDER.map((c) => {
      const ids = Object.keys(map ?? {}).filter((k) => map![k] === c);
      return ids.length ? `${c}: ${ids.map((i) => `\`${i}\``).join(', ')}` : '';
    })
      .filter(Boolean)
      .join('; ');
  const answerText = (e: WorkedExample) => {
    const parts: string[] = [];
    if (e.who5) parts.push(`WHO-5 items ${e.who5.join(', ')}`);
    for (const [k, v] of Object.entries(e.answers ?? {})) parts.push(`${k}=${Array.isArray(v) ? v.join('+') : String(v)}`);
    return parts.join(' ') || '(nothing answered)';
  };
  const domainsText = (e: WorkedExample) => `${group(e.expect.domains)}${e.questionnaire === 'kommunal-rehabilitering' ? '; other domains grey' : ''}`;
  const rows = WORKED_EXAMPLES.map(
    (e) =>
      `| \`${e.id}\` | ${e.questionnaire}${e.responseQuestionnaire ? ` (response names ${e.responseQuestionnaire.split('|')[1]})` : ''} | ${e.shows} | ${answerText(e)} | ${group(e.expect.items)} | ${domainsText(e)} | **${e.expect.overall}** |`,
  );
  return [
    '| Example | Questionnaire | Shows | Answers (option codes; numbers for numeric items) | Items | Domains | Overall |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
