// Triage: colour rules (FUT answerSignificance) → a colour with its reason per answer, per domain and overall.
export * from './types.js';
export { TRIAGE_URL, AGENDA_GROUP, TRIAGING_RESULT_CODE } from './urls.js';
export {
  SEVERITY,
  worstOf,
  bySeverity,
  numberOf,
  parseTriageRules,
  parseItemRules,
  parseRule,
  ruleConditionHolds,
  ruleMatches,
  evaluateRules,
  type ParsedRules,
  type RuleEvaluation,
} from './rules.js';
export { conditionText, type RenderContext } from './reason.js';
export { triageResponse, aggregate, isDeclined } from './evaluate.js';
export { selectQuestionnaireVersion, compareVersions, canonicalOf, type VersionSelection } from './versions.js';
export {
  toClinicalImpression,
  readClinicalImpression,
  isTriagingResult,
  findTriagingResult,
  type ClinicalImpression,
  type ClinicalImpressionOptions,
  type ReadClinicalImpressionOptions,
} from './clinical-impression.js';
export { triageCourse, courseOf, type TriageCourse, type ScoreCourse, type CoursePoint, type CourseChange, type ChangeDirection } from './course.js';
export type { TriageTranslation } from '../i18n/translation.js';
