// Strings of <kpro-answer-view>. Danish (the default) and English; a host adds a language with
// `answerViewText.register(code, strings)`.
import { section } from './catalogue.js';
import type { Significance } from '../triage/types.js';

type Params = Record<string, string | number>;

/** Strings of <kpro-answer-view>: the overview, the answers with their reasons, the course over time. */
export interface AnswerViewTranslation {
  /** Heading when the questionnaire has no title. */
  title: string;
  loading: string;
  empty: string;
  errorTitle: string;
  errors: {
    'not-a-questionnaire': (p: Params) => string;
    'not-responses': (p: Params) => string;
    'triage-failed': (p: Params) => string;
  };
  warningsTitle: string;
  /** A response that is not a QuestionnaireResponse was left out (not from the engine). */
  responseSkipped: (p: Params) => string;
  /** Responses without a single answer are left out: they say nothing and must not lead. */
  responsesBlank: (p: Params) => string;
  /** Marks a score or a flag the system calculated from the answers (not something the citizen answered). */
  calculatedTag: string;
  /** "Besvaret 15. jan. 2025". */
  answered: (date: string) => string;
  /** Which conversation, when nothing names it: "1. besvarelse". */
  ordinal: (n: number) => string;
  latest: string;
  /** Status labels next to the icon (never colour alone), for clinicians. */
  status: Record<Significance, string>;
  /** The same in citizen-friendly words (big-screen mode). */
  statusCitizen: Record<Significance, string>;
  /** Short labels in narrow cells: "Rød". */
  short: Record<Significance, string>;
  overall: string;
  agendaTitle: string;
  agendaTitleCitizen: string;
  agendaEmpty: string;
  agendaOther: (text: string) => string;
  onAgenda: string;
  overviewTitle: string;
  countsTitle: string;
  /** "3 svar" after a status label. */
  answers: (n: number) => string;
  domain: string;
  colour: string;
  scores: string;
  answerCounts: string;
  /** "WHO-5: 32 (rød)". */
  scoreBand: (label: string, value: string, colour: string) => string;
  scoreMissing: (label: string) => string;
  detailsTitle: string;
  question: string;
  answer: string;
  reason: string;
  onlyFlagged: string;
  expandAll: string;
  collapseAll: string;
  noFlagged: string;
  otherItems: string;
  notAsked: string;
  notAnswered: string;
  selectHint: string;
  selected: string;
  /** Shown while the older responses are coloured (the newest is shown already). */
  courseLoading: string;
  trendsTitle: string;
  courseTitle: string;
  courseCaption: (n: number) => string;
  /** The course's disclosure button while only the domains are shown: "Vis alle 50 spørgsmål over tid". */
  courseShowItems: (n: number) => string;
  courseHideItems: string;
  trend: string;
  change: string;
  /** The chart's accessible name: "WHO-5 over tid: 40, 36, 52". */
  trendLabel: (label: string, values: string) => string;
  /** "Bedre: +12 point, klinisk betydende". `meaningful` is undefined when the score has no minimal important difference. */
  changeText: (direction: 'better' | 'worse' | 'unchanged' | 'up' | 'down', delta: string, meaningful: boolean | undefined) => string;
  changeTextCitizen: (direction: 'better' | 'worse' | 'unchanged' | 'up' | 'down', delta: string, meaningful: boolean | undefined) => string;
  noEarlier: string;
  sourceServer: (date: string) => string;
  sourceComputed: (title: string, version: string) => string;
}

const da: AnswerViewTranslation = {
  title: 'Besvarelser',
  loading: 'Beregner farverne …',
  empty: 'Der er ingen besvarelser at vise endnu.',
  errorTitle: 'Besvarelserne kan ikke vises',
  errors: {
    'not-a-questionnaire': (p) => `Det modtagne er ikke et FHIR-spørgeskema${p.resourceType ? ` (men ${p.resourceType})` : ''}.`,
    'not-responses': () => 'Det modtagne er ikke en liste af besvarelser (QuestionnaireResponse).',
    'triage-failed': (p) => `Farverne kunne ikke beregnes (${p.message}).`,
  },
  warningsTitle: 'Bemærk',
  responseSkipped: (p) => `Besvarelse nr. ${p.index} er ikke en besvarelse (QuestionnaireResponse) og er udeladt.`,
  responsesBlank: (p) => (Number(p.count) === 1 ? 'En besvarelse uden svar er ikke vist.' : `${p.count} besvarelser uden svar er ikke vist.`),
  calculatedTag: 'Beregnet',
  answered: (d) => `Besvaret ${d}`,
  ordinal: (n) => `${n}. besvarelse`,
  latest: 'seneste',
  status: {
    red: 'Rød – kræver særlig opmærksomhed',
    yellow: 'Gul – drøft og følg op',
    green: 'Grøn – ressource',
    grey: 'Ikke besvaret',
    none: 'Ingen farve',
  },
  statusCitizen: {
    red: 'Det vil vi gerne tale med dig om',
    yellow: 'Det kan vi tale om',
    green: 'Det går godt',
    grey: 'Ikke besvaret',
    none: 'Ingen markering',
  },
  short: { red: 'Rød', yellow: 'Gul', green: 'Grøn', grey: 'Ikke besvaret', none: 'Ingen farve' },
  overall: 'Samlet',
  agendaTitle: 'Det vil borgeren gerne tale om',
  agendaTitleCitizen: 'Det vil du gerne tale om',
  agendaEmpty: 'Der er ikke valgt emner til samtalen.',
  agendaOther: (text) => `Andet: ${text}`,
  onAgenda: 'På dagsordenen',
  overviewTitle: 'Overblik',
  countsTitle: 'Svar pr. farve',
  answers: (n) => (n === 1 ? '1 svar' : `${n} svar`),
  domain: 'Område',
  colour: 'Farve',
  scores: 'Scorer',
  answerCounts: 'Svar',
  scoreBand: (l, v, c) => `${l}: ${v} (${c})`,
  scoreMissing: (l) => `${l}: kan ikke beregnes`,
  detailsTitle: 'Alle svar',
  question: 'Spørgsmål',
  answer: 'Svar',
  reason: 'Begrundelse',
  onlyFlagged: 'Vis kun røde og gule',
  expandAll: 'Fold alle ud',
  collapseAll: 'Fold alle sammen',
  noFlagged: 'Ingen røde eller gule svar her.',
  otherItems: 'Øvrige spørgsmål',
  notAsked: 'Ikke stillet',
  notAnswered: 'Ikke besvaret',
  selectHint: 'Vælg et svar med klik, Enter eller mellemrum.',
  selected: 'valgt',
  courseLoading: 'Beregner farverne i de tidligere besvarelser …',
  trendsTitle: 'Forløb: scorer over tid',
  courseTitle: 'Forløb: alle svar over tid',
  courseCaption: (n) => `Svarene i ${n} besvarelser, ældste først`,
  courseShowItems: (n) => `Vis alle ${n} spørgsmål over tid`,
  courseHideItems: 'Vis kun områderne over tid',
  trend: 'Udvikling',
  change: 'Ændring siden sidst',
  trendLabel: (l, v) => `${l} over tid: ${v}`,
  changeText: (dir, d, m) => {
    const word = { better: 'Bedre', worse: 'Dårligere', unchanged: 'Uændret', up: 'Steget', down: 'Faldet' }[dir];
    if (dir === 'unchanged') return word;
    return `${word}: ${d} point${m === undefined ? '' : m ? ', klinisk betydende' : ', ikke klinisk betydende'}`;
  },
  changeTextCitizen: (dir, d, m) => {
    const word = { better: 'Bedre end sidst', worse: 'Dårligere end sidst', unchanged: 'Som sidst', up: 'Steget siden sidst', down: 'Faldet siden sidst' }[dir];
    if (dir === 'unchanged') return word;
    return `${word}: ${d} point${m ? ' – en tydelig ændring' : ''}`;
  },
  noEarlier: 'Første måling',
  sourceServer: (d) => `Farverne er beregnet af serveren${d ? ` (vurdering fra ${d})` : ''} og vises, som serveren har givet dem.`,
  sourceComputed: (title, v) => `Farverne er beregnet i browseren efter regler fra ${title}${v ? ` version ${v}` : ''}.`,
};

const en: AnswerViewTranslation = {
  title: 'Responses',
  loading: 'Calculating the colours …',
  empty: 'There are no responses to show yet.',
  errorTitle: 'The responses cannot be shown',
  errors: {
    'not-a-questionnaire': (p) => `What was given is not a FHIR questionnaire${p.resourceType ? ` (but ${p.resourceType})` : ''}.`,
    'not-responses': () => 'What was given is not a list of responses (QuestionnaireResponse).',
    'triage-failed': (p) => `The colours could not be calculated (${p.message}).`,
  },
  warningsTitle: 'Note',
  responseSkipped: (p) => `Response no. ${p.index} is not a response (QuestionnaireResponse) and is left out.`,
  responsesBlank: (p) => (Number(p.count) === 1 ? 'A response without any answers is not shown.' : `${p.count} responses without any answers are not shown.`),
  calculatedTag: 'Calculated',
  answered: (d) => `Answered ${d}`,
  ordinal: (n) => `Response ${n}`,
  latest: 'latest',
  status: {
    red: 'Red – needs special attention',
    yellow: 'Yellow – discuss and follow up',
    green: 'Green – resource',
    grey: 'Not answered',
    none: 'No colour',
  },
  statusCitizen: {
    red: 'We would like to talk with you about this',
    yellow: 'We can talk about this',
    green: 'This is going well',
    grey: 'Not answered',
    none: 'Not marked',
  },
  short: { red: 'Red', yellow: 'Yellow', green: 'Green', grey: 'Not answered', none: 'No colour' },
  overall: 'Overall',
  agendaTitle: 'What the citizen wants to talk about',
  agendaTitleCitizen: 'What you want to talk about',
  agendaEmpty: 'No topics were chosen for the conversation.',
  agendaOther: (text) => `Other: ${text}`,
  onAgenda: 'On the agenda',
  overviewTitle: 'Overview',
  countsTitle: 'Answers per colour',
  answers: (n) => (n === 1 ? '1 answer' : `${n} answers`),
  domain: 'Area',
  colour: 'Colour',
  scores: 'Scores',
  answerCounts: 'Answers',
  scoreBand: (l, v, c) => `${l}: ${v} (${c})`,
  scoreMissing: (l) => `${l}: cannot be calculated`,
  detailsTitle: 'All answers',
  question: 'Question',
  answer: 'Answer',
  reason: 'Reason',
  onlyFlagged: 'Show only red and yellow',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  noFlagged: 'No red or yellow answers here.',
  otherItems: 'Other questions',
  notAsked: 'Not asked',
  notAnswered: 'Not answered',
  selectHint: 'Select an answer with a click, Enter or Space.',
  selected: 'selected',
  courseLoading: 'Calculating the colours of the earlier responses …',
  trendsTitle: 'Course: scores over time',
  courseTitle: 'Course: every answer over time',
  courseCaption: (n) => `The answers in ${n} responses, oldest first`,
  courseShowItems: (n) => `Show all ${n} questions over time`,
  courseHideItems: 'Show only the domains over time',
  trend: 'Trend',
  change: 'Change since last time',
  trendLabel: (l, v) => `${l} over time: ${v}`,
  changeText: (dir, d, m) => {
    const word = { better: 'Better', worse: 'Worse', unchanged: 'Unchanged', up: 'Up', down: 'Down' }[dir];
    if (dir === 'unchanged') return word;
    return `${word}: ${d} points${m === undefined ? '' : m ? ', clinically meaningful' : ', not clinically meaningful'}`;
  },
  changeTextCitizen: (dir, d, m) => {
    const word = { better: 'Better than last time', worse: 'Worse than last time', unchanged: 'Same as last time', up: 'Up since last time', down: 'Down since last time' }[dir];
    if (dir === 'unchanged') return word;
    return `${word}: ${d} points${m ? ' – a clear change' : ''}`;
  },
  noEarlier: 'First measurement',
  sourceServer: (d) => `The colours were calculated by the server${d ? ` (assessment of ${d})` : ''} and are shown as the server gave them.`,
  sourceComputed: (title, v) => `The colours were calculated in the browser with the rules of ${title}${v ? ` version ${v}` : ''}.`,
};

export const answerViewText = /* @__PURE__ */ section<AnswerViewTranslation>('answerView', { da, en });
