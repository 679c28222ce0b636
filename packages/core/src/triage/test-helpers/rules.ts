// Builders for triage tests: colour rules written the FUT way. Not part of the package API.
import type { Extension, QuestionnaireItem } from '../../fhir/types.js';
import { TRIAGE_URL } from '../urls.js';

type Value = Record<string, unknown>;

/** One `ehealth-answer-Condition`. */
export const cond = (operator: string, value: Value): Extension => ({
  url: TRIAGE_URL.answerCondition,
  extension: [{ url: 'value', ...value } as Extension, { url: 'operator', valueCode: operator }],
});

/** One `ehealth-questionnaire-answerSignificance` with the given conditions. */
export const rule = (colour: string, ...conditions: Extension[]): Extension => ({
  url: TRIAGE_URL.answerSignificance,
  extension: [...conditions, { url: 'significance', valueCoding: { system: TRIAGE_URL.significanceSystem, code: colour } }],
});

export const SYSTEM = 'http://example.org/cs';
export const coding = (code: string, display = code) => ({ valueCoding: { system: SYSTEM, code, display } });

/** An item with rules. */
export const ruled = (linkId: string, type: QuestionnaireItem['type'], rules: Extension[], extra: Partial<QuestionnaireItem> = {}): QuestionnaireItem => ({
  linkId,
  type,
  text: linkId.toUpperCase(),
  ...extra,
  extension: [...(extra.extension ?? []), ...rules],
});
