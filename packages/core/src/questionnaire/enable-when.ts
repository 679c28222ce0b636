import type { EnableWhenDef, ItemDef } from './definition.js';
import { answersEqual, compareAnswers, isEmptyAnswer, rawValue, type AnswerValue } from './values.js';

/**
 * Evaluates an item's enableWhen conditions. `answersOf(linkId)` returns the current answers of the
 * question the condition refers to (already scoped to the right repeat instance, empty when disabled).
 */
export function evaluateEnableWhen(def: ItemDef, answersOf: (linkId: string) => AnswerValue[]): boolean {
  if (!def.enableWhen.length) return true;
  const results = def.enableWhen.map((ew) => conditionHolds(ew, answersOf(ew.question)));
  return def.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

export function conditionHolds(ew: EnableWhenDef, answers: AnswerValue[]): boolean {
  const present = answers.filter((a) => !isEmptyAnswer(a));
  if (ew.operator === 'exists') {
    const want = rawValue(ew.answer) !== false;
    return present.length > 0 === want;
  }
  if (ew.operator === '!=') {
    // No answer is "not equal"; with answers, true when none of them equals the value.
    return !present.some((a) => answersEqual(a, ew.answer));
  }
  return present.some((a) => compareOp(ew.operator, a, ew.answer));
}

function compareOp(op: EnableWhenDef['operator'], a: AnswerValue, b: AnswerValue): boolean {
  switch (op) {
    case '=':
      return answersEqual(a, b);
    case '>':
      return compareAnswers(a, b) > 0;
    case '<':
      return compareAnswers(a, b) < 0;
    case '>=':
      return compareAnswers(a, b) >= 0;
    case '<=':
      return compareAnswers(a, b) <= 0;
    default:
      return false;
  }
}
