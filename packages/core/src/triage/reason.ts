import type { ItemDef } from '../questionnaire/definition.js';
import { formatAnswer } from '../questionnaire/format.js';
import { valueKeyOf, type AnswerValue } from '../questionnaire/values.js';
import { triageText } from '../i18n/index.js';
import type { RuleCondition, TriageRule } from './types.js';

/** Language settings for rendering: the reader's language and the questionnaire's own. */
export interface RenderContext {
  lang: string;
  baseLang?: string;
}

/**
 * Answer texts by item, language and value (numbers and codings): Intl formatting and option look-ups
 * were the biggest single cost of colouring a response (every answer and rule bound is one).
 * formatAnswer is a pure function of its inputs, so remembering its output changes nothing but the time.
 */
const numberTexts = new WeakMap<ItemDef | object, Map<string, string>>();
const NO_ITEM = {};

/**
 * The part of an answer formatAnswer reads, as a key: a number's type and value; a coding's system,
 * code and display (its option is found by system and code, else display or code is shown).
 */
function textKey(value: AnswerValue): string | undefined {
  const key = valueKeyOf(value);
  if (Object.keys(value).length !== 1) return undefined;
  if (key === 'valueInteger' || key === 'valueDecimal') return `${key}|${value[key]}`;
  const c = value.valueCoding;
  if (key === 'valueCoding' && c) return `c|${c.system ?? ''}|${c.code ?? ''}|${c.display ?? ''}|${c.code === undefined}`;
  return undefined;
}

/** An answer or condition value as a person reads it. */
export function valueText(value: AnswerValue, item: ItemDef | undefined, ctx: RenderContext): string {
  const k = textKey(value);
  if (k === undefined) return formatAnswer(value, item, ctx.lang, ctx.baseLang);
  let texts = numberTexts.get(item ?? NO_ITEM);
  if (!texts) numberTexts.set(item ?? NO_ITEM, (texts = new Map()));
  const key = `${ctx.lang}|${ctx.baseLang ?? ''}|${k}`;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = formatAnswer(value, item, ctx.lang, ctx.baseLang)));
  return text;
}

/**
 * A rule's condition in words: "højst 35", "mellem 36 og 50", "besvaret". An interval written as
 * `>= a` and `<= b` reads "mellem a og b" (both ends included); other intervals join their two parts.
 */
export function conditionText(conditions: RuleCondition[], item: ItemDef | undefined, ctx: RenderContext): string {
  const op = triageText.for(ctx.lang).operator;
  const one = (c: RuleCondition): string => {
    const v = valueText(c.value, item, ctx);
    switch (c.operator) {
      case 'exists':
        return c.value.valueBoolean ? op.answered : op.notAnswered;
      case '=':
        return op.equal(v);
      case '!=':
        return op.notEqual(v);
      case '>':
        return op.above(v);
      case '<':
        return op.below(v);
      case '>=':
        return op.atLeast(v);
      default:
        return op.atMost(v);
    }
  };
  if (conditions.length === 2) {
    const low = conditions.find((c) => c.operator === '>=');
    const high = conditions.find((c) => c.operator === '<=');
    if (low && high) return op.between(valueText(low.value, item, ctx), valueText(high.value, item, ctx));
    return op.and(one(conditions[0]!), one(conditions[1]!));
  }
  return one(conditions[0]!);
}

/**
 * Whether a rule's condition adds nothing to the answer it matched: "= Meget" on a chosen option or
 * "= true" on a yes/no item. Numbers keep their condition ("32, højst 35"; "2, lig med 2").
 */
export function conditionIsImplied(rule: TriageRule): boolean {
  if (rule.conditions.length !== 1) return false;
  const c = rule.conditions[0]!;
  const key = valueKeyOf(c.value);
  return c.operator === '=' && key !== 'valueInteger' && key !== 'valueDecimal';
}

/** "højst 40 → gul" for the list of other rules that matched. */
export function ruleSummary(rule: TriageRule, item: ItemDef | undefined, ctx: RenderContext): string {
  return `${conditionText(rule.conditions, item, ctx)} → ${triageText.for(ctx.lang).colour[rule.significance]}`;
}
