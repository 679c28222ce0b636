// Strings of <kpro-questionnaire> (and the questionnaire engine's formatting). Danish (the default) and
// English; a host adds a language with `questionnaireText.register(code, strings)`.
import { section } from './catalogue.js';
import type { KproErrorCode } from '../questionnaire/errors.js';
import type { ValidationCode } from '../questionnaire/validation.js';

type Params = Record<string, string | number>;

/**
 * Every string of the questionnaire renderer. Every key is required, so a new language cannot silently
 * miss one; parameterised strings are functions. Questionnaire content is not here: it comes from the
 * FHIR resources.
 */
export interface QuestionnaireTranslation {
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
  /** After a clinician entered the answers on the citizen's behalf (no advice meant for the citizen). */
  submittedOnBehalf: (citizen: string) => string;
  submittedOnBehalfBody: string;
  /** A submit with nothing answered: never sent. */
  nothingAnswered: string;
  /** A submit with optional questions unanswered: asked once. */
  confirmUnanswered: (unanswered: number, asked: number) => string;
  sendAnyway: string;
  keepAnswering: string;
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

const da: QuestionnaireTranslation = {
  loading: 'Henter spørgeskemaet …',
  empty: 'Spørgeskemaet har ingen spørgsmål.',
  required: 'skal besvares',
  optional: 'valgfri',
  calculated: 'Beregnes automatisk',
  readOnlyNotice: 'Besvarelsen vises kun til gennemsyn og kan ikke ændres.',
  modeCitizen: 'Besvares af borgeren',
  modeClinician: 'Udfyldes af medarbejder på borgerens vegne',
  yes: 'Ja',
  no: 'Nej',
  clearAnswer: 'Ryd svar',
  chooseOption: 'Vælg …',
  otherOption: 'Andet',
  otherPlaceholder: 'Skriv dit svar',
  help: 'Hjælp',
  addAnother: (label) => `Tilføj ${label ? `"${label}"` : 'en til'}`,
  removeRepeat: (label, n) => `Fjern ${label ? `"${label}"` : 'gentagelse'} nr. ${n}`,
  repeatNumber: (n) => `Nr. ${n}`,
  removeAnswer: 'Fjern svar',
  fileChoose: 'Vælg fil',
  fileRemove: 'Fjern fil',
  fileSelected: (name, size) => `Valgt: ${name} (${size})`,
  unitLabel: 'Enhed',
  referencePlaceholder: 'Reference, fx Practitioner/123',
  valueSetUnavailable: 'Svarmulighederne kunne ikke hentes. Skriv dit svar i feltet.',
  sliderValue: (v) => `Valgt: ${v}`,
  noValue: 'Ikke besvaret',

  next: 'Næste',
  previous: 'Forrige',
  pageOf: (p, t) => `Side ${p} af ${t}`,
  progress: 'Fremskridt',
  submit: 'Send svar',
  submitted: 'Tak, dine svar er sendt',
  submittedOnBehalf: (c) => (c ? `Svarene er gemt for ${c}` : 'Svarene er gemt'),
  submittedOnBehalfBody: 'Svarene er gemt som besvaret på borgerens vegne og står nu under borgerens besvarelser.',
  nothingAnswered: 'Der er ikke svaret på nogen spørgsmål. Besvar mindst ét spørgsmål, før du sender.',
  confirmUnanswered: (n, a) => `Du har ikke besvaret ${n} af ${a} spørgsmål. Send alligevel?`,
  sendAnyway: 'Send alligevel',
  keepAnswering: 'Fortsæt med at svare',
  submittedBody: 'Dine svar bliver ikke læst med det samme. Har du brug for hjælp nu, så kontakt din egen læge eller lægevagten. Ring 112, hvis det er akut.',
  editAgain: 'Ret svarene',
  errorSummaryTitle: (n) => (n === 1 ? 'Der er 1 svar, der skal rettes' : `Der er ${n} svar, der skal rettes`),

  draftRestored: (t) => `Vi har gendannet de svar, du var i gang med (gemt ${t}).`,
  draftDiscard: 'Start forfra',
  draftSaved: 'Dine svar er gemt på denne enhed',
  draftSaveFailed: 'Dine svar kunne ikke gemmes på denne enhed. Lad siden være åben, til du har sendt dem.',

  validation: {
    required: () => 'Besvar spørgsmålet.',
    'min-length': (p) => `Skriv mindst ${p.min} tegn.`,
    'max-length': (p) => `Skriv højst ${p.max} tegn.`,
    regex: () => 'Svaret har ikke det rigtige format.',
    'min-value': (p) => `Svaret skal være mindst ${p.min}.`,
    'max-value': (p) => `Svaret må højst være ${p.max}.`,
    'max-decimals': (p) => `Brug højst ${p.max} decimaler.`,
    'min-occurs': (p) => `Giv mindst ${p.min} svar.`,
    'max-occurs': (p) => `Giv højst ${p.max} svar.`,
    'invalid-url': () => 'Skriv en webadresse, der begynder med http:// eller https://.',
    'max-size': (p) => `Filen er for stor (højst ${p.max} bytes).`,
    'mime-type': (p) => `Filtypen er ikke tilladt. Tilladte typer: ${p.types}.`,
    'invalid-number': () => 'Skriv et tal, fx 12 eller 3,5.',
    'invalid-date': () => 'Skriv en gyldig dato.',
  },
  errorTitle: 'Spørgeskemaet kan ikke vises',
  errorNextStep: 'Kontakt den, der har sendt spørgeskemaet, eller prøv igen senere. Intet af det, du har skrevet, er gået tabt.',
  errors: {
    'not-json': () => 'Spørgeskemaet kunne ikke læses (det er ikke gyldig JSON).',
    'not-questionnaire': (p) => `Det modtagne er ikke et FHIR-spørgeskema${p.resourceType ? ` (men ${p.resourceType})` : ''}.`,
    'wrong-fhir-version': (p) => `Spørgeskemaet er lavet til en anden FHIR-version (${p.version}). Kun FHIR R4 understøttes.`,
    'unsupported-modifier': (p) => `Spørgeskemaet bruger en regel, vi ikke kan håndtere sikkert (${p.url}). Det vises derfor ikke.`,
    'invalid-questionnaire': (p) => `Spørgeskemaet er ikke gyldigt${p.linkId ? ` (spørgsmål ${p.linkId})` : ''}.`,
    'enablewhen-cycle': (p) => `Spørgeskemaets betingelser henviser i ring (${p.cycle}).`,
    'expression-error': (p) => `En beregning i spørgeskemaet virker ikke (${p.expression}).`,
    'response-mismatch': () => 'Besvarelsen hører til et andet spørgeskema.',
    'unknown-link-id': (p) => `Et svar eller en betingelse henviser til et ukendt spørgsmål (${p.linkId ?? p.question}).`,
    'value-set-unavailable': (p) => `Svarmulighederne til spørgsmål ${p.linkId} kunne ikke hentes (${p.url}). Svaret kan skrives som tekst.`,
    'draft-unavailable': () => 'Kladder kan ikke gemmes på denne enhed.',
  },
  warningsTitle: 'Bemærk',
};

const en: QuestionnaireTranslation = {
  loading: 'Loading the questionnaire …',
  empty: 'This questionnaire has no questions.',
  required: 'required',
  optional: 'optional',
  calculated: 'Calculated automatically',
  readOnlyNotice: 'These answers are shown for review and cannot be changed.',
  modeCitizen: 'Answered by the citizen',
  modeClinician: 'Entered by staff on behalf of the citizen',
  yes: 'Yes',
  no: 'No',
  clearAnswer: 'Clear answer',
  chooseOption: 'Choose …',
  otherOption: 'Other',
  otherPlaceholder: 'Type your answer',
  help: 'Help',
  addAnother: (label) => `Add ${label ? `"${label}"` : 'another'}`,
  removeRepeat: (label, n) => `Remove ${label ? `"${label}"` : 'repetition'} no. ${n}`,
  repeatNumber: (n) => `No. ${n}`,
  removeAnswer: 'Remove answer',
  fileChoose: 'Choose file',
  fileRemove: 'Remove file',
  fileSelected: (name, size) => `Selected: ${name} (${size})`,
  unitLabel: 'Unit',
  referencePlaceholder: 'Reference, e.g. Practitioner/123',
  valueSetUnavailable: 'The answer options could not be loaded. Type your answer in the field.',
  sliderValue: (v) => `Selected: ${v}`,
  noValue: 'Not answered',

  next: 'Next',
  previous: 'Previous',
  pageOf: (p, t) => `Page ${p} of ${t}`,
  progress: 'Progress',
  submit: 'Send answers',
  submitted: 'Thank you, your answers have been sent',
  submittedOnBehalf: (c) => (c ? `The answers are saved for ${c}` : 'The answers are saved'),
  submittedOnBehalfBody: "The answers are saved as given on the citizen's behalf and are now among the citizen's responses.",
  nothingAnswered: 'No question has been answered. Answer at least one question before you send.',
  confirmUnanswered: (n, a) => `You have not answered ${n} of ${a} questions. Send anyway?`,
  sendAnyway: 'Send anyway',
  keepAnswering: 'Keep answering',
  submittedBody: 'Your answers are not read straight away. If you need help now, contact your own doctor or the out-of-hours doctor. Call 112 in an emergency.',
  editAgain: 'Change the answers',
  errorSummaryTitle: (n) => (n === 1 ? 'There is 1 answer to correct' : `There are ${n} answers to correct`),

  draftRestored: (t) => `We restored the answers you were working on (saved ${t}).`,
  draftDiscard: 'Start over',
  draftSaved: 'Your answers are saved on this device',
  draftSaveFailed: 'Your answers could not be saved on this device. Keep the page open until you have sent them.',

  validation: {
    required: () => 'Answer this question.',
    'min-length': (p) => `Enter at least ${p.min} characters.`,
    'max-length': (p) => `Enter at most ${p.max} characters.`,
    regex: () => 'The answer is not in the expected format.',
    'min-value': (p) => `The answer must be at least ${p.min}.`,
    'max-value': (p) => `The answer must be at most ${p.max}.`,
    'max-decimals': (p) => `Use at most ${p.max} decimal places.`,
    'min-occurs': (p) => `Give at least ${p.min} answers.`,
    'max-occurs': (p) => `Give at most ${p.max} answers.`,
    'invalid-url': () => 'Enter a web address starting with http:// or https://.',
    'max-size': (p) => `The file is too large (at most ${p.max} bytes).`,
    'mime-type': (p) => `This file type is not allowed. Allowed types: ${p.types}.`,
    'invalid-number': () => 'Enter a number, e.g. 12 or 3.5.',
    'invalid-date': () => 'Enter a valid date.',
  },
  errorTitle: 'The questionnaire cannot be shown',
  errorNextStep: 'Contact whoever sent you the questionnaire, or try again later. Nothing you typed has been lost.',
  errors: {
    'not-json': () => 'The questionnaire could not be read (it is not valid JSON).',
    'not-questionnaire': (p) => `What was received is not a FHIR Questionnaire${p.resourceType ? ` (but ${p.resourceType})` : ''}.`,
    'wrong-fhir-version': (p) => `The questionnaire was made for another FHIR version (${p.version}). Only FHIR R4 is supported.`,
    'unsupported-modifier': (p) => `The questionnaire uses a rule we cannot handle safely (${p.url}), so it is not shown.`,
    'invalid-questionnaire': (p) => `The questionnaire is not valid${p.linkId ? ` (item ${p.linkId})` : ''}.`,
    'enablewhen-cycle': (p) => `The questionnaire's conditions refer to each other in a circle (${p.cycle}).`,
    'expression-error': (p) => `A calculation in the questionnaire does not work (${p.expression}).`,
    'response-mismatch': () => 'The response belongs to another questionnaire.',
    'unknown-link-id': (p) => `An answer or condition refers to an unknown question (${p.linkId ?? p.question}).`,
    'value-set-unavailable': (p) => `The answer options for item ${p.linkId} could not be loaded (${p.url}). The answer can be typed as text.`,
    'draft-unavailable': () => 'Drafts cannot be saved on this device.',
  },
  warningsTitle: 'Please note',
};

export const questionnaireText = /* @__PURE__ */ section<QuestionnaireTranslation>('questionnaire', { da, en });
