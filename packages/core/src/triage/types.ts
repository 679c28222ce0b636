import type { Coding, Extension } from '../fhir/types.js';
import type { ItemType } from '../questionnaire/definition.js';
import type { AnswerValue } from '../questionnaire/values.js';

/**
 * The colour of an answer, a domain or a whole response.
 * - `red`, `yellow`, `green`: a colour rule matched.
 * - `grey`: there is no answer to colour (unanswered, "ønsker ikke at svare", a score that cannot be
 *   calculated). Never green.
 * - `none`: there is an answer, but no rule gives it a colour (the item has no rule, or none matched).
 */
export type Significance = 'red' | 'yellow' | 'green' | 'grey' | 'none';
export const SIGNIFICANCES = ['red', 'yellow', 'green', 'grey', 'none'] as const satisfies readonly Significance[];

/** The colours a rule can give (FUT `questionnaire-item-significance-indicator`). */
export type RuleColour = 'red' | 'yellow' | 'green';
export const RULE_COLOURS = ['red', 'yellow', 'green'] as const satisfies readonly RuleColour[];

/** Operators of `ehealth-answer-Condition` (the `questionnaire-enable-operator` value set). */
export type RuleOperator = 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';
export const RULE_OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='] as const satisfies readonly RuleOperator[];

export interface RuleCondition {
  operator: RuleOperator;
  /** The condition's value[x]: valueDecimal, valueInteger, valueString, valueCoding or valueBoolean. */
  value: AnswerValue;
}

/** One `ehealth-questionnaire-answerSignificance` extension, read and checked. */
export interface TriageRule {
  linkId: string;
  /** Position among the item's answerSignificance extensions (0-based): the rule's stable name. */
  index: number;
  /** One condition, or two that form an interval (both must hold for the same answer). */
  conditions: RuleCondition[];
  significance: RuleColour;
  /** The extension as written; copied into a finding-basis when a result is written to FHIR. */
  extension: Extension;
}

export type TriageWarningCode =
  | 'rule-bad-significance'
  | 'rule-condition-count'
  | 'rule-bad-operator'
  | 'rule-bad-value'
  | 'rule-type-mismatch'
  | 'rule-bad-interval'
  | 'rule-green-for-missing'
  | 'rule-unknown-option'
  | 'rule-empty-interval'
  | 'rule-overlap'
  | 'rule-conflict'
  | 'questionnaire-invalid'
  | 'questionnaire-not-found'
  | 'questionnaire-version-missing'
  | 'questionnaire-version-unspecified'
  | 'not-a-response'
  | 'response-mismatch'
  | 'unknown-link-id'
  | 'expression-error'
  | 'score-mismatch'
  | 'not-triage-result'
  | 'server-other-response'
  | 'server-finding-missing'
  | 'server-basis-malformed'
  | 'server-unknown-link-id';

/** Something the engine noticed and worked around; never thrown. `message` is for developers (English). */
export interface TriageWarning {
  code: TriageWarningCode;
  message: string;
  params: Record<string, string | number>;
}

/**
 * Why an item has its colour.
 * - `rule`: a rule matched (`rules[0]` decided; the others matched too).
 * - `server`: the server's triage result (ClinicalImpression) gave the colour.
 * - `unanswered`, `declined`, `not-calculated`: grey (no answer to colour).
 * - `no-rules`, `no-match`, `server-no-finding`: none (answered, but nothing gives a colour).
 * - `not-asked`: none (the item was not shown: its enableWhen was false).
 */
export type ReasonKind =
  | 'rule'
  | 'server'
  | 'unanswered'
  | 'declined'
  | 'not-calculated'
  | 'no-rules'
  | 'no-match'
  | 'server-no-finding'
  | 'not-asked';

export interface TriageReason {
  kind: ReasonKind;
  significance: Significance;
  /** The item's short label (FUT shortText) or its text, in the requested language. */
  label: string;
  /** The answers as a person reads them ("32", "Meget"), joined with ", ". */
  answerText: string;
  /** Matched rules, most severe first; the first one decided. Empty unless kind is rule or server. */
  rules: TriageRule[];
  /** The deciding rule's condition in words ("højst 35", "mellem 36 og 50"). */
  conditionText?: string;
  /** The whole explanation in words: "WHO-5: 32, højst 35 → rød". */
  text: string;
  /** The explanation without the item's label, for a row that shows the question beside it: "32, højst 35 → rød". */
  detail: string;
}

/** An answer that triggered a colour, with the rule that decided it (one per answer; FUT finding-basis). */
export interface TriageTrigger {
  /** Undefined for a rule that matches a missing answer (`exists` false). */
  value?: AnswerValue;
  rule: TriageRule;
}

/** How an item's value came about. */
export type ValueSource = 'response' | 'calculated' | 'none';

/** Questions are asked; scores and flags are calculated (flags: calculated booleans = cross-domain rules). */
export type ItemKind = 'question' | 'score' | 'flag' | 'calculated';

export interface ItemTriage {
  linkId: string;
  /**
   * What the item is about, as the questionnaire says (`item.code`, `item.definition`): the same in every
   * questionnaire that asks it, so an action guide can follow the item rather than the questionnaire.
   */
  codes?: Coding[];
  definition?: string;
  /** linkId of the top-level group the item is in; undefined for a top-level question. */
  domain?: string;
  kind: ItemKind;
  type: ItemType;
  /** The item text in the requested language. */
  text: string;
  /** The short label used in reasons: FUT shortText when the item has one, else its text. */
  label: string;
  hidden: boolean;
  /** False when the item's enableWhen was false (not shown to the citizen). */
  enabled: boolean;
  /** Whether the item has any (well-formed) colour rule. */
  hasRules: boolean;
  significance: Significance;
  reason: TriageReason;
  /** Every rule that matched, most severe first. */
  matchedRules: TriageRule[];
  /** Per triggering answer, the rule that decided it. */
  triggers: TriageTrigger[];
  /** One answer of the same item matched rules of different colours (reported as rule-conflict too). */
  conflict: boolean;
  /** The answers as a person reads them, joined with ", ". */
  answerText: string;
  /** The first answer (the only one for non-repeating items). */
  value?: AnswerValue;
  /** Every answer used, including "ønsker ikke at svare". */
  values: AnswerValue[];
  valueSource: ValueSource;
  /** Whether the citizen marked this item's domain as something to talk about (agenda). */
  agenda: boolean;
  /** Scores: whether a higher value is better (kpro `higher-is-better`), when the item says so. */
  higherIsBetter?: boolean;
  /** Scores: the smallest clinically meaningful change (kpro `minimal-important-difference`). */
  minimalImportantDifference?: number;
}

/** A score in a domain with its band. */
export interface ScoreTriage {
  linkId: string;
  label: string;
  value?: number;
  significance: Significance;
  /** The band in words, e.g. "mellem 36 og 50"; undefined when no rule matched. */
  band?: string;
  reason: TriageReason;
}

export interface DomainTriage {
  /** The top-level group's linkId. */
  linkId: string;
  text: string;
  /** Worst of red, yellow, green among its items; else grey if an item is grey; none without rules. */
  significance: Significance;
  counts: Record<Significance, number>;
  /** linkIds of the items, in questionnaire order. */
  items: string[];
  /** linkIds of the items that gave the domain its colour. */
  decidedBy: string[];
  scores: ScoreTriage[];
  hasRules: boolean;
  /** The citizen chose this domain on the agenda. */
  onAgenda: boolean;
}

export interface AgendaAnswer {
  value: AnswerValue;
  text: string;
  /** The domain (top-level group linkId) the answer names, when it names one. */
  domain?: string;
}

/** The citizen's own agenda: what they want to talk about, shown first. */
export interface AgendaTriage {
  items: { linkId: string; text: string; answers: AgendaAnswer[] }[];
  /** Domains the citizen chose, in questionnaire order. */
  domains: string[];
  /** Free-text topics ("Andet: …"). */
  other: string[];
}

export interface TriageResult {
  /** `computed` from the Questionnaire's rules here, or `server` (read from a FUT ClinicalImpression). */
  source: 'computed' | 'server';
  /** Canonical url|version of the Questionnaire whose rules produced the result. */
  questionnaire: string;
  /** What the response says it answers (QuestionnaireResponse.questionnaire). */
  responseQuestionnaire?: string;
  /** True when the exact version the response names was not available and another one was used. */
  versionFallback: boolean;
  responseId?: string;
  /** When the response was authored. */
  authored?: string;
  /** Server results: the ClinicalImpression's id and date. */
  clinicalImpressionId?: string;
  date?: string;
  /** Language the texts are rendered in. */
  lang: string;
  overall: Significance;
  /** Every question and calculated item, in questionnaire order (one per repetition). */
  items: ItemTriage[];
  /** Top-level groups except the agenda group, in questionnaire order. */
  domains: DomainTriage[];
  agenda: AgendaTriage;
  warnings: TriageWarning[];
}

export interface TriageOptions {
  /** Language of the rendered texts; Danish by default. */
  lang?: string;
}
