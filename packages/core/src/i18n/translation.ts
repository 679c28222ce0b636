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
}
