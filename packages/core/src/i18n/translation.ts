import type { KproErrorCode } from '../questionnaire/errors.js';
import type { ValidationCode } from '../questionnaire/validation.js';

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
