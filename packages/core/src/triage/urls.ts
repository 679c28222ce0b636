import { EXT } from '../fhir/extensions.js';

/** Every URL and code system the triage engine reads or writes. */
export const TRIAGE_URL = {
  /** FUT colour rule on a Questionnaire item (0..* per item). */
  answerSignificance: EXT.answerSignificance,
  /** FUT condition inside a rule: sub-extensions `value` (value[x]) and `operator` (valueCode). */
  answerCondition: EXT.answerCondition,
  significanceSystem: 'http://ehealth.sundhed.dk/cs/questionnaire-item-significance-indicator',
  /** FUT short label of an item, used in reasons when present. */
  shortText: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaire-shortText',
  clinicalImpressionProfile: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-clinicalimpression',
  clinicalImpressionCodes: 'http://ehealth.sundhed.dk/cs/clinicalimpression-codes',
  findingCodes: 'http://ehealth.sundhed.dk/cs/clinicalimpression-finding-codes',
  /** One per triggering answer on a TriagingResult ClinicalImpression (FUT `ehealth-questionnaireresponse-finding-basis`). */
  findingBasis: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaireresponse-finding-basis',
  episodeOfCare: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  /** kpro: the smallest change of a score that matters clinically (valueDecimal), e.g. 10 for WHO-5. */
  minimalImportantDifference: 'https://kpro.example.dk/fhir/StructureDefinition/minimal-important-difference',
  /** kpro: whether a higher score is better (valueBoolean), e.g. true for WHO-5, false for AUDIT-C. */
  higherIsBetter: 'https://kpro.example.dk/fhir/StructureDefinition/higher-is-better',
  /** kpro: the item holds the citizen's agenda (valueBoolean true). */
  citizenAgenda: 'https://kpro.example.dk/fhir/StructureDefinition/citizen-agenda',
} as const;

/** linkId of a top-level group that holds the citizen's agenda. */
export const AGENDA_GROUP = 'dagsorden';

export const TRIAGING_RESULT_CODE = 'TriagingResult';
