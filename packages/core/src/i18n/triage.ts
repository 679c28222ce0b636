// Strings of the triage engine (colours, reasons, course, warnings), shown by the answer view and the
// app. Danish (the default) and English; a host adds a language with
// `triageText.register(code, strings)`.
import { section } from './catalogue.js';
import type { Significance, TriageWarningCode } from '../triage/types.js';

type Params = Record<string, string | number>;

/** Strings of the triage engine and the answer view: colours, reasons, changes over time, warnings. */
export interface TriageTranslation {
  /** Colour words inside sentences: "rød". */
  colour: Record<Significance, string>;
  /** Colour labels for badges and headings (never colour alone): "Rød", "Ikke besvaret". */
  label: Record<Significance, string>;
  /** Rule conditions in words. */
  operator: {
    atMost: (v: string) => string;
    atLeast: (v: string) => string;
    above: (v: string) => string;
    below: (v: string) => string;
    equal: (v: string) => string;
    notEqual: (v: string) => string;
    between: (low: string, high: string) => string;
    answered: string;
    notAnswered: string;
    /** Joins the two conditions of an interval that is not a plain "between". */
    and: (a: string, b: string) => string;
  };
  /**
   * Reasons. Each gives the explanation without the item's label ("32, højst 35 → rød"), for rows that show
   * the question beside it; `labelled` puts the label in front where it stands alone ("WHO-5: 32, højst 35 → rød").
   */
  reason: {
    labelled: (label: string, detail: string) => string;
    /** "32, højst 35 → rød"; `condition` is left out when the answer says it all (a chosen option). */
    rule: (answer: string, condition: string | undefined, colour: string) => string;
    /** Other rules that matched too: "også: mindst 36 → gul". */
    alsoMatched: (list: string) => string;
    server: (answer: string, condition: string | undefined, colour: string) => string;
    unanswered: string;
    declined: (answer: string) => string;
    notCalculated: string;
    noRules: (answer: string) => string;
    noMatch: (answer: string) => string;
    serverNoFinding: (answer: string) => string;
    notAsked: string;
  };
  /** Where a result comes from. */
  source: {
    computed: (questionnaire: string) => string;
    server: (date: string) => string;
    fallback: (used: string, asked: string) => string;
  };
  course: {
    better: string;
    worse: string;
    unchanged: string;
    up: string;
    down: string;
    /** "-12 siden 3. mar. 2025: dårligere" */
    change: (delta: string, since: string, direction: string) => string;
    meaningful: (mid: string) => string;
    notMeaningful: (mid: string) => string;
    /** Stands in for the date of an earlier response that has none. */
    previous: string;
  };
  agenda: string;
  overall: string;
  warnings: Record<TriageWarningCode, (p: Params) => string>;
}

const daColour = { red: 'rød', yellow: 'gul', green: 'grøn', grey: 'grå', none: 'ingen farve' } as const;
const daColours = (list: unknown) =>
  String(list ?? '')
    .split(',')
    .map((c) => daColour[c.trim() as keyof typeof daColour] ?? c.trim())
    .join(' og ');

const enColour = { red: 'red', yellow: 'yellow', green: 'green', grey: 'grey', none: 'no colour' } as const;
const enColours = (list: unknown) =>
  String(list ?? '')
    .split(',')
    .map((c) => enColour[c.trim() as keyof typeof enColour] ?? c.trim())
    .join(' and ');

const da: TriageTranslation = {
  colour: daColour,
  label: { red: 'Rød', yellow: 'Gul', green: 'Grøn', grey: 'Ikke besvaret', none: 'Ingen farve' },
  operator: {
    atMost: (v) => `højst ${v}`,
    atLeast: (v) => `mindst ${v}`,
    above: (v) => `over ${v}`,
    below: (v) => `under ${v}`,
    equal: (v) => `lig med ${v}`,
    notEqual: (v) => `ikke lig med ${v}`,
    between: (a, b) => `mellem ${a} og ${b}`,
    answered: 'besvaret',
    notAnswered: 'ikke besvaret',
    and: (a, b) => `${a} og ${b}`,
  },
  reason: {
    labelled: (l, d) => `${l}: ${d}`,
    rule: (a, c, col) => (c ? `${a}, ${c} → ${col}` : `${a} → ${col}`),
    alsoMatched: (list) => `også: ${list}`,
    server: (a, c, col) => `${c ? `${a}, ${c} → ${col}` : `${a} → ${col}`} (serverens vurdering)`,
    unanswered: 'ikke besvaret → grå',
    declined: (a) => `${a || 'ønsker ikke at svare'} → grå`,
    notCalculated: 'kan ikke beregnes, der mangler svar → grå',
    noRules: (a) => `${a} (ingen farveregel)`,
    noMatch: (a) => `${a} (ingen farveregel passer på svaret)`,
    serverNoFinding: (a) => `${a} (ingen farve i serverens vurdering)`,
    notAsked: 'ikke stillet',
  },
  source: {
    computed: (q) => `Farverne er beregnet her efter reglerne i ${q}.`,
    server: (d) => `Farverne er serverens vurdering${d ? ` fra ${d}` : ''}.`,
    fallback: (used, asked) => `Besvarelsen hører til ${asked}, som ikke findes her. Farverne er givet efter ${used}.`,
  },
  course: {
    better: 'bedre',
    worse: 'dårligere',
    unchanged: 'uændret',
    up: 'steget',
    down: 'faldet',
    change: (d, since, dir) => `${d} siden ${since}: ${dir}`,
    meaningful: (mid) => `klinisk betydende ændring (mindst ${mid})`,
    notMeaningful: (mid) => `ikke klinisk betydende (under ${mid})`,
    previous: 'forrige besvarelse',
  },
  agenda: 'Borgerens dagsorden',
  overall: 'Samlet vurdering',
  warnings: {
    'rule-bad-significance': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} har ingen gyldig farve (rød, gul eller grøn) og bruges ikke.`,
    'rule-condition-count': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} har ${p.count} betingelser (1 eller 2 er tilladt) og bruges ikke.`,
    'rule-bad-operator': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} har en ukendt operator (${p.operator || 'ingen'}) og bruges ikke.`,
    'rule-bad-value': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} har ikke én gyldig værdi og bruges ikke.`,
    'rule-type-mismatch': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} sammenligner med en værdi, der ikke passer til spørgsmålet, og bruges ikke.`,
    'rule-bad-interval': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} blander "besvaret" ind i et interval og bruges ikke.`,
    'rule-green-for-missing': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} gør et manglende svar grønt. Det er ikke tilladt, og reglen bruges ikke.`,
    'rule-unknown-option': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} nævner svaret ${p.code}, som ikke er en svarmulighed.`,
    'rule-empty-interval': (p) => `Farveregel ${p.rule} på spørgsmål ${p.linkId} kan aldrig passe (intervallet er tomt).`,
    'rule-overlap': (p) =>
      `Farveregel ${p.rule} (${daColours(p.colour)}) og ${p.other} (${daColours(p.otherColour)}) på spørgsmål ${p.linkId} kan passe på det samme svar.`,
    'rule-conflict': (p) => `Svaret på spørgsmål ${p.linkId} passer på regler med forskellige farver (${daColours(p.colours)}). Den alvorligste farve bruges.`,
    'questionnaire-invalid': (p) => `Spørgeskemaet kan ikke læses${p.reason ? ` (${p.reason})` : ''}, så der kan ikke gives farver.`,
    'questionnaire-not-found': (p) => `Spørgeskemaet, som besvarelsen hører til (${p.questionnaire || 'ukendt'}), findes ikke her, så der kan ikke gives farver.`,
    'questionnaire-version-missing': (p) => `Besvarelsen hører til ${p.asked}, som ikke findes her. Farverne er givet efter ${p.used}.`,
    'questionnaire-version-unspecified': (p) => `Besvarelsen angiver ikke spørgeskemaets version. Farverne er givet efter den nyeste: ${p.used}.`,
    'not-a-response': () => 'Det modtagne er ikke en besvarelse (QuestionnaireResponse).',
    'response-mismatch': (p) => `Besvarelsen hører til et andet spørgeskema (${p.questionnaire}) end ${p.expected}.`,
    'unknown-link-id': (p) => `Besvarelsen har et svar på et spørgsmål, som spørgeskemaet ikke har (${p.linkId}). Det får ingen farve.`,
    'expression-error': (p) => `En beregning i spørgeskemaet virker ikke (${p.expression}). En score kan mangle.`,
    'score-mismatch': (p) => `Den gemte værdi af ${p.linkId} (${p.stored}) passer ikke med den beregnede (${p.computed}). Den gemte værdi bruges.`,
    'not-triage-result': () => 'Serverens vurdering er ikke en triagering (TriagingResult).',
    'server-other-response': (p) => `Serverens vurdering hører til en anden besvarelse (${p.reference}).`,
    'server-finding-missing': () => 'Serverens vurdering har ingen samlet farve. Den samlede farve er udledt af svarene.',
    'server-basis-malformed': (p) => `Et svar i serverens vurdering kan ikke læses (nr. ${p.index}) og er sprunget over.`,
    'server-unknown-link-id': (p) => `Serverens vurdering nævner et spørgsmål, som spørgeskemaet ikke har (${p.linkId}).`,
  },
};

const en: TriageTranslation = {
  colour: enColour,
  label: { red: 'Red', yellow: 'Yellow', green: 'Green', grey: 'Not answered', none: 'No colour' },
  operator: {
    atMost: (v) => `at most ${v}`,
    atLeast: (v) => `at least ${v}`,
    above: (v) => `above ${v}`,
    below: (v) => `below ${v}`,
    equal: (v) => `equal to ${v}`,
    notEqual: (v) => `not equal to ${v}`,
    between: (a, b) => `between ${a} and ${b}`,
    answered: 'answered',
    notAnswered: 'not answered',
    and: (a, b) => `${a} and ${b}`,
  },
  reason: {
    labelled: (l, d) => `${l}: ${d}`,
    rule: (a, c, col) => (c ? `${a}, ${c} → ${col}` : `${a} → ${col}`),
    alsoMatched: (list) => `also: ${list}`,
    server: (a, c, col) => `${c ? `${a}, ${c} → ${col}` : `${a} → ${col}`} (the server's assessment)`,
    unanswered: 'not answered → grey',
    declined: (a) => `${a || 'prefer not to answer'} → grey`,
    notCalculated: 'cannot be calculated, answers are missing → grey',
    noRules: (a) => `${a} (no colour rule)`,
    noMatch: (a) => `${a} (no colour rule fits the answer)`,
    serverNoFinding: (a) => `${a} (no colour in the server's assessment)`,
    notAsked: 'not asked',
  },
  source: {
    computed: (q) => `The colours are calculated here with the rules of ${q}.`,
    server: (d) => `The colours are the server's assessment${d ? ` of ${d}` : ''}.`,
    fallback: (used, asked) => `The response belongs to ${asked}, which is not available here. The colours follow ${used}.`,
  },
  course: {
    better: 'better',
    worse: 'worse',
    unchanged: 'unchanged',
    up: 'up',
    down: 'down',
    change: (d, since, dir) => `${d} since ${since}: ${dir}`,
    meaningful: (mid) => `a clinically meaningful change (at least ${mid})`,
    notMeaningful: (mid) => `not clinically meaningful (less than ${mid})`,
    previous: 'the previous response',
  },
  agenda: "The citizen's agenda",
  overall: 'Overall assessment',
  warnings: {
    'rule-bad-significance': (p) => `Colour rule ${p.rule} on question ${p.linkId} has no valid colour (red, yellow or green) and is not used.`,
    'rule-condition-count': (p) => `Colour rule ${p.rule} on question ${p.linkId} has ${p.count} conditions (1 or 2 are allowed) and is not used.`,
    'rule-bad-operator': (p) => `Colour rule ${p.rule} on question ${p.linkId} has an unknown operator (${p.operator || 'none'}) and is not used.`,
    'rule-bad-value': (p) => `Colour rule ${p.rule} on question ${p.linkId} does not have one valid value and is not used.`,
    'rule-type-mismatch': (p) => `Colour rule ${p.rule} on question ${p.linkId} compares with a value that does not fit the question and is not used.`,
    'rule-bad-interval': (p) => `Colour rule ${p.rule} on question ${p.linkId} mixes "answered" into an interval and is not used.`,
    'rule-green-for-missing': (p) => `Colour rule ${p.rule} on question ${p.linkId} makes a missing answer green. That is not allowed, and the rule is not used.`,
    'rule-unknown-option': (p) => `Colour rule ${p.rule} on question ${p.linkId} names the answer ${p.code}, which is not an answer option.`,
    'rule-empty-interval': (p) => `Colour rule ${p.rule} on question ${p.linkId} can never match (its interval is empty).`,
    'rule-overlap': (p) =>
      `Colour rules ${p.rule} (${enColours(p.colour)}) and ${p.other} (${enColours(p.otherColour)}) on question ${p.linkId} can match the same answer.`,
    'rule-conflict': (p) => `The answer to question ${p.linkId} matches rules of different colours (${enColours(p.colours)}). The most severe colour is used.`,
    'questionnaire-invalid': (p) => `The questionnaire cannot be read${p.reason ? ` (${p.reason})` : ''}, so no colours can be given.`,
    'questionnaire-not-found': (p) => `The questionnaire the response belongs to (${p.questionnaire || 'unknown'}) is not available here, so no colours can be given.`,
    'questionnaire-version-missing': (p) => `The response belongs to ${p.asked}, which is not available here. The colours follow ${p.used}.`,
    'questionnaire-version-unspecified': (p) => `The response does not name the questionnaire's version. The colours follow the newest: ${p.used}.`,
    'not-a-response': () => 'The input is not a response (QuestionnaireResponse).',
    'response-mismatch': (p) => `The response belongs to another questionnaire (${p.questionnaire}) than ${p.expected}.`,
    'unknown-link-id': (p) => `The response has an answer to a question the questionnaire does not have (${p.linkId}). It gets no colour.`,
    'expression-error': (p) => `A calculation in the questionnaire does not work (${p.expression}). A score may be missing.`,
    'score-mismatch': (p) => `The stored value of ${p.linkId} (${p.stored}) does not match the calculated one (${p.computed}). The stored value is used.`,
    'not-triage-result': () => "The server's assessment is not a triage result (TriagingResult).",
    'server-other-response': (p) => `The server's assessment belongs to another response (${p.reference}).`,
    'server-finding-missing': () => "The server's assessment has no overall colour. The overall colour is derived from the answers.",
    'server-basis-malformed': (p) => `An answer in the server's assessment cannot be read (no. ${p.index}) and is skipped.`,
    'server-unknown-link-id': (p) => `The server's assessment names a question the questionnaire does not have (${p.linkId}).`,
  },
};

export const triageText = /* @__PURE__ */ section<TriageTranslation>('triage', { da, en });
