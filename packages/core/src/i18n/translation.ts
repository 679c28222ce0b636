import type { KproErrorCode } from '../questionnaire/errors.js';
import type { ValidationCode } from '../questionnaire/validation.js';
import type { Significance, TriageWarningCode } from '../triage/types.js';
import type { GuidanceWarningCode } from '../guidance/types.js';
import type { CalendarUnit, OccurrenceStatus, PlanErrorCode } from '../plans/types.js';

type Params = Record<string, string | number>;

/**
 * Every UI string. Every key is required, so a new language cannot silently miss one; parameterised
 * strings are functions. Questionnaire content is not here: it comes from the FHIR resources.
 */
export interface Translation {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';

  loading: string;
  empty: string;
  required: string;
  optional: string;
  calculated: string;
  readOnlyNotice: string;
  modeCitizen: string;
  modeClinician: string;
  yes: string;
  no: string;
  clearAnswer: string;
  chooseOption: string;
  otherOption: string;
  otherPlaceholder: string;
  help: string;
  addAnother: (label: string) => string;
  removeRepeat: (label: string, n: number) => string;
  repeatNumber: (n: number) => string;
  removeAnswer: string;
  fileChoose: string;
  fileRemove: string;
  fileSelected: (name: string, size: string) => string;
  unitLabel: string;
  referencePlaceholder: string;
  valueSetUnavailable: string;
  sliderValue: (value: string) => string;
  noValue: string;

  next: string;
  previous: string;
  pageOf: (page: number, total: number) => string;
  progress: string;
  submit: string;
  submitted: string;
  submittedBody: string;
  editAgain: string;
  errorSummaryTitle: (count: number) => string;

  draftRestored: (savedAt: string) => string;
  draftDiscard: string;
  draftSaved: string;
  draftSaveFailed: string;

  validation: Record<ValidationCode, (p: Params) => string>;
  errorTitle: string;
  errorNextStep: string;
  errors: Record<KproErrorCode, (p: Params) => string>;
  warningsTitle: string;

  app: AppTranslation;
  triage: TriageTranslation;
  answerView: AnswerViewTranslation;
  actionGuide: ActionGuideTranslation;
  planAssigner: PlanAssignerTranslation;
}

/** Strings of the SMART app shell (<kpro-app>). */
export interface AppTranslation {
  title: string;
  loadingCitizen: string;
  citizen: string;
  cpr: string;
  showCpr: string;
  hideCpr: string;
  born: string;
  age: (years: number) => string;
  user: string;
  readOnlyUser: string;
  views: { answers: string; plans: string; answerOnBehalf: string; citizen: string };
  noResponses: string;
  responsesTitle: string;
  latestResponse: (date: string) => string;
  responseFrom: (date: string) => string;
  dueTitle: string;
  noDue: string;
  answeredTitle: string;
  allQuestionnaires: string;
  startAnswering: string;
  dueDate: (date: string) => string;
  back: string;
  saving: string;
  saved: string;
  saveFailed: (reason: string) => string;
  retry: string;
  plansTitle: string;
  noPlans: string;
  bigScreen: string;
  failures: Record<LaunchFailure, { title: string; next: string }>;
}

export type LaunchFailure =
  | 'no-launch'
  | 'consent-denied'
  | 'token-refused'
  | 'citizen-not-found'
  | 'server-down'
  | 'forbidden'
  | 'unknown';

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
  reason: {
    /** "WHO-5: 32, højst 35 → rød"; `condition` is left out when the answer says it all (a chosen option). */
    rule: (label: string, answer: string, condition: string | undefined, colour: string) => string;
    /** Other rules that matched too: "også: mindst 36 → gul". */
    alsoMatched: (list: string) => string;
    server: (label: string, answer: string, condition: string | undefined, colour: string) => string;
    unanswered: (label: string) => string;
    declined: (label: string, answer: string) => string;
    notCalculated: (label: string) => string;
    noRules: (label: string, answer: string) => string;
    noMatch: (label: string, answer: string) => string;
    serverNoFinding: (label: string, answer: string) => string;
    notAsked: (label: string) => string;
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

/** Strings of <kpro-action-guide> (handlevejledninger). Guide content is not here: it has its own language. */
export interface ActionGuideTranslation {
  title: string;
  count: (n: number) => string;
  noTriage: string;
  none: string;
  noGuides: string;
  colour: Record<'red' | 'yellow' | 'green', string>;
  triggeredBy: string;
  when: string;
  phrases: string;
  interpretation: string;
  agreements: string;
  offers: string;
  copy: string;
  copyLabel: (n: number) => string;
  copied: string;
  copyFailed: string;
  newWindow: string;
  call: (phone: string) => string;
  hours: string;
  origin: { national: string; regional: (name: string) => string; municipal: (name: string) => string };
  phraseAdapted: (name: string) => string;
  markDiscussed: string;
  discussed: string;
  opened: (title: string) => string;
  noGuideForAnswer: string;
  warningsTitle: string;
  warnings: Record<GuidanceWarningCode, (p: Params) => string>;
}

export interface PlanAssignerTranslation {
  title: string;
  /** The one-line summary above the plans (e.g. "2 planer"). */
  summary: (plans: number) => string;
  loading: string;
  empty: string;
  adHocGroup: string;
  planStatus: Record<'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown' | 'ad-hoc', string>;
  period: (start: string, end: string) => string;
  careTeam: (name: string) => string;
  /** Occurrence status as text (shown with an icon, never colour alone). */
  status: Record<OccurrenceStatus, string>;
  occurrenceOf: (n: number, total: number) => string;
  answerBy: (date: string) => string;
  questionnaire: string;
  date: string;
  statusHeading: string;
  actions: string;
  openResponse: string;
  openResponseLabel: (title: string, date: string) => string;
  assign: string;
  assignTitle: string;
  stepTemplate: string;
  stepDates: string;
  stepPreview: string;
  searchTemplates: string;
  noTemplates: string;
  noTemplatesAtAll: string;
  sends: string;
  offset: (value: number, unit: CalendarUnit) => string;
  repeat: (count: number, period: number, unit: CalendarUnit) => string;
  unusable: string;
  startDate: string;
  dateFor: (title: string) => string;
  adjusted: string;
  resetDates: string;
  careTeamLabel: string;
  chooseCareTeam: string;
  next: string;
  back: string;
  close: string;
  previewIntro: (template: string, count: number) => string;
  confirm: string;
  saving: string;
  assigned: (title: string) => string;
  vetoed: string;
  cancelPlan: string;
  cancelPlanLabel: (title: string) => string;
  cancelPlanTitle: (title: string) => string;
  cancelOccurrence: string;
  cancelOccurrenceLabel: (title: string, date: string) => string;
  cancelOccurrenceTitle: (title: string, date: string) => string;
  cancelRepeatingNote: string;
  reason: string;
  reasonRequired: string;
  confirmCancelPlan: string;
  confirmCancelOccurrence: string;
  keep: string;
  planCancelled: (title: string) => string;
  occurrenceCancelled: (title: string) => string;
  addAdHoc: string;
  adHocTitle: string;
  adHocQuestionnaire: string;
  adHocChoose: string;
  adHocSend: string;
  adHocSent: (title: string) => string;
  reload: string;
  retry: string;
  readOnly: string;
  errorTitle: string;
  errors: Record<PlanErrorCode, (p: Params) => string>;
}
