import type { Extension, Questionnaire } from '../fhir/types.js';
import { findExtensions } from '../fhir/extensions.js';
import { compileQuestionnaire, type ItemDef, type QuestionnaireDef } from '../questionnaire/definition.js';
import { answersEqual, rawValue, toAnswerValue, valueKeyOf, type AnswerValue, type ValueKey } from '../questionnaire/values.js';
import {
  RULE_COLOURS,
  RULE_OPERATORS,
  type RuleColour,
  type RuleCondition,
  type RuleOperator,
  type Significance,
  type TriageRule,
  type TriageTrigger,
  type TriageWarning,
  type TriageWarningCode,
} from './types.js';
import { TRIAGE_URL } from './urls.js';

/** Severity for "worst": red > yellow > green > grey > none. */
export const SEVERITY: Readonly<Record<Significance, number>> = { red: 4, yellow: 3, green: 2, grey: 1, none: 0 };

/** The most severe of the given colours; `none` for an empty list. */
export function worstOf(list: Iterable<Significance>): Significance {
  let worst: Significance = 'none';
  for (const s of list) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** Orders rules most severe first, then in the order they are written: deterministic precedence. */
export function bySeverity(a: TriageRule, b: TriageRule): number {
  return SEVERITY[b.significance] - SEVERITY[a.significance] || a.index - b.index;
}

/** The value types a FUT answer condition may carry. */
const VALUE_KEYS: readonly ValueKey[] = ['valueDecimal', 'valueInteger', 'valueString', 'valueCoding', 'valueBoolean'];
const ORDERING: ReadonlySet<RuleOperator> = new Set(['>', '<', '>=', '<=']);

/** The number in an answer or condition value (integer, decimal or a Quantity's value). */
export function numberOf(a: AnswerValue | undefined): number | undefined {
  const key = valueKeyOf(a);
  const v = key === 'valueQuantity' ? (rawValue(a) as fhir4.Quantity).value : key === 'valueInteger' || key === 'valueDecimal' ? rawValue(a) : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export interface ParsedRules {
  /** Well-formed rules per linkId, in the order they are written. */
  rules: Map<string, TriageRule[]>;
  /** Malformed rules (ignored) and authoring problems (kept): never thrown. */
  warnings: TriageWarning[];
}

/**
 * Reads every item's colour rules. Malformed rules are reported and left out; rules that look wrong
 * but can be evaluated (a code that is not an option, an interval that can never hold, overlapping
 * rules of different colours) are reported and kept. Accepts a Questionnaire (compiled here, which
 * throws KproError for something that is not a questionnaire) or an already compiled definition.
 */
const parsedRules = new WeakMap<QuestionnaireDef, ParsedRules>();

export function parseTriageRules(input: Questionnaire | QuestionnaireDef): ParsedRules {
  const def = 'byLinkId' in input ? input : compileQuestionnaire(input);
  // Rules are read once per compiled questionnaire: a course evaluates the same rules for every response.
  const known = parsedRules.get(def);
  if (known) return known;
  const parsed = parseRulesOf(def);
  parsedRules.set(def, parsed);
  return parsed;
}

function parseRulesOf(def: QuestionnaireDef): ParsedRules {
  const rules = new Map<string, TriageRule[]>();
  const warnings: TriageWarning[] = [];
  for (const item of def.all) {
    // A duplicate linkId is already reported by the compiler; rules are read from its first item only.
    if (def.byLinkId.get(item.linkId) !== item) continue;
    const list = parseItemRules(item, warnings);
    if (list.length) rules.set(item.linkId, list);
  }
  return { rules, warnings };
}

/** The rules of one item; problems are appended to `warnings`. */
export function parseItemRules(item: ItemDef, warnings: TriageWarning[]): TriageRule[] {
  const out: TriageRule[] = [];
  findExtensions(item.raw, TRIAGE_URL.answerSignificance).forEach((ext, index) => {
    const r = parseRule(ext, index, item.linkId, item);
    if ('code' in r) warnings.push(r);
    else out.push(r);
  });
  checkRuleSet(item, out, warnings);
  return out;
}

/**
 * Reads one answerSignificance extension. With the item's definition, the value types are checked
 * against the item type; without it (a rule copied into a server's finding-basis for an item we do
 * not know) only the rule's own shape is checked.
 */
export function parseRule(ext: Extension, index: number, linkId: string, item?: ItemDef): TriageRule | TriageWarning {
  const fail = (code: TriageWarningCode, why: string, params: Record<string, string | number> = {}): TriageWarning => ({
    code,
    message: `Colour rule ${index + 1} on ${linkId} is ignored: ${why}.`,
    params: { linkId, rule: index + 1, ...params },
  });
  const subs = ext.extension ?? [];
  const sig = subs.filter((e) => e.url === 'significance');
  const coding = sig[0]?.valueCoding;
  const colour = coding?.code as RuleColour | undefined;
  if (sig.length !== 1 || !colour || !RULE_COLOURS.includes(colour) || (coding!.system && coding!.system !== TRIAGE_URL.significanceSystem)) {
    return fail('rule-bad-significance', 'it needs exactly one significance red, yellow or green', { significance: coding?.code ?? '' });
  }
  const raw = subs.filter((e) => e.url === TRIAGE_URL.answerCondition);
  if (raw.length < 1 || raw.length > 2) return fail('rule-condition-count', `it has ${raw.length} conditions (1 or 2 allowed)`, { count: raw.length });
  const conditions: RuleCondition[] = [];
  for (const c of raw) {
    const parts = c.extension ?? [];
    const ops = parts.filter((e) => e.url === 'operator');
    const operator = ops[0]?.valueCode as RuleOperator | undefined;
    if (ops.length !== 1 || !operator || !RULE_OPERATORS.includes(operator)) {
      return fail('rule-bad-operator', `unknown operator ${operator ?? '(none)'}`, { operator: operator ?? '' });
    }
    const values = parts.filter((e) => e.url === 'value');
    const keys = values.length === 1 ? Object.keys(values[0]!).filter((k) => k.startsWith('value')) : [];
    const value = keys.length === 1 ? toAnswerValue(values[0]) : undefined;
    const key = valueKeyOf(value);
    if (!value || !key || !VALUE_KEYS.includes(key) || !validValue(key, rawValue(value))) {
      return fail('rule-bad-value', 'each condition needs one value (decimal, integer, string, Coding or boolean)', { value: keys.join(',') });
    }
    if (operator === 'exists' ? key !== 'valueBoolean' : ORDERING.has(operator) && numberOf(value) === undefined) {
      return fail('rule-type-mismatch', `operator ${operator} cannot compare a ${key.slice(5)}`, { operator, valueType: key.slice(5) });
    }
    if (item && !valueFits(item, operator, key)) {
      return fail('rule-type-mismatch', `a ${key.slice(5)} cannot apply to an item of type ${item.type}`, { valueType: key.slice(5), type: item.type });
    }
    conditions.push({ operator, value });
  }
  if (conditions.length === 2 && conditions.some((c) => c.operator === 'exists')) {
    return fail('rule-bad-interval', 'exists cannot be part of an interval');
  }
  if (colour === 'green' && matchesMissingAnswer(conditions)) {
    return fail('rule-green-for-missing', 'a missing answer is never green');
  }
  return { linkId, index, conditions, significance: colour, extension: ext };
}

function validValue(key: ValueKey, v: unknown): boolean {
  switch (key) {
    case 'valueInteger':
      return Number.isInteger(v);
    case 'valueDecimal':
      return typeof v === 'number' && Number.isFinite(v);
    case 'valueString':
      return typeof v === 'string';
    case 'valueCoding':
      return !!v && typeof v === 'object' && typeof (v as fhir4.Coding).code === 'string';
    default:
      return typeof v === 'boolean';
  }
}

/** Whether a condition value of this type can apply to the item's answers. */
function valueFits(item: ItemDef, operator: RuleOperator, key: ValueKey): boolean {
  if (item.type === 'group' || item.type === 'display') return false;
  if (operator === 'exists') return true;
  switch (item.type) {
    case 'boolean':
      return key === 'valueBoolean';
    case 'decimal':
    case 'integer':
    case 'quantity':
      return key === 'valueDecimal' || key === 'valueInteger';
    case 'string':
    case 'text':
    case 'url':
      return key === 'valueString';
    case 'choice':
    case 'open-choice': {
      const keys = new Set(item.options.map((o) => valueKeyOf(o.value)));
      if (!keys.size) keys.add('valueCoding'); // options from a value set we could not resolve are codings
      if (item.type === 'open-choice') keys.add('valueString');
      if (keys.has('valueInteger')) keys.add('valueDecimal');
      return keys.has(key);
    }
    default:
      return false; // date, dateTime, time, attachment, reference: FUT conditions have no value type for them
  }
}

/** Checks across an item's rules: unknown options, intervals that never hold, overlaps of different colours. */
function checkRuleSet(item: ItemDef, rules: TriageRule[], warnings: TriageWarning[]): void {
  const warn = (code: TriageWarningCode, message: string, params: Record<string, string | number>) =>
    warnings.push({ code, message, params: { linkId: item.linkId, ...params } });
  for (const r of rules) {
    for (const c of r.conditions) {
      if (valueKeyOf(c.value) === 'valueCoding' && item.options.length && !item.options.some((o) => answersEqual(o.value, c.value))) {
        const code = (rawValue(c.value) as fhir4.Coding).code!;
        warn('rule-unknown-option', `Colour rule ${r.index + 1} on ${item.linkId} names ${code}, which is not an answer option.`, { rule: r.index + 1, code });
      }
    }
    const range = intervalOf(r);
    if (range && isEmpty(range)) {
      warn('rule-empty-interval', `Colour rule ${r.index + 1} on ${item.linkId} can never match (its interval is empty).`, { rule: r.index + 1 });
    }
  }
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i]!, rules[j]!];
      if (a.significance !== b.significance && overlap(a, b)) {
        warn('rule-overlap', `Colour rules ${a.index + 1} (${a.significance}) and ${b.index + 1} (${b.significance}) on ${item.linkId} can match the same answer.`, {
          rule: a.index + 1,
          other: b.index + 1,
          colour: a.significance,
          otherColour: b.significance,
        });
      }
    }
  }
}

interface Interval {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}
const EVERYTHING: Interval = { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false };

/** The numbers a numeric rule matches, or undefined for rules that are not plain numeric comparisons. */
function intervalOf(rule: TriageRule): Interval | undefined {
  let range = EVERYTHING;
  for (const c of rule.conditions) {
    const v = numberOf(c.value);
    if (v === undefined || c.operator === '!=' || c.operator === 'exists') return undefined;
    const one: Interval =
      c.operator === '='
        ? { lo: v, loIn: true, hi: v, hiIn: true }
        : c.operator === '>' || c.operator === '>='
          ? { ...EVERYTHING, lo: v, loIn: c.operator === '>=' }
          : { ...EVERYTHING, hi: v, hiIn: c.operator === '<=' };
    range = intersect(range, one);
  }
  return range;
}

function intersect(a: Interval, b: Interval): Interval {
  const lo = a.lo === b.lo ? { lo: a.lo, loIn: a.loIn && b.loIn } : a.lo > b.lo ? { lo: a.lo, loIn: a.loIn } : { lo: b.lo, loIn: b.loIn };
  const hi = a.hi === b.hi ? { hi: a.hi, hiIn: a.hiIn && b.hiIn } : a.hi < b.hi ? { hi: a.hi, hiIn: a.hiIn } : { hi: b.hi, hiIn: b.hiIn };
  return { ...lo, ...hi };
}

function isEmpty(r: Interval): boolean {
  return r.lo > r.hi || (r.lo === r.hi && !(r.loIn && r.hiIn));
}

function overlap(a: TriageRule, b: TriageRule): boolean {
  const ra = intervalOf(a);
  const rb = intervalOf(b);
  if (ra && rb) return !isEmpty(intersect(ra, rb));
  const single = (r: TriageRule) => (r.conditions.length === 1 && r.conditions[0]!.operator === '=' ? r.conditions[0]!.value : undefined);
  const va = single(a);
  const vb = single(b);
  return !!va && !!vb && answersEqual(va, vb);
}

/** Whether one condition holds for one answer. */
export function ruleConditionHolds(c: RuleCondition, answer: AnswerValue): boolean {
  switch (c.operator) {
    case 'exists':
      return rawValue(c.value) === true; // there is an answer: "exists true" holds, "exists false" does not
    case '=':
      return equal(answer, c.value);
    case '!=':
      return !equal(answer, c.value);
    default: {
      const a = numberOf(answer);
      const b = numberOf(c.value)!;
      if (a === undefined) return false;
      return c.operator === '>' ? a > b : c.operator === '<' ? a < b : c.operator === '>=' ? a >= b : a <= b;
    }
  }
}

/** Numbers compare by value whatever their type (integer, decimal, Quantity); the rest as FHIR answers. */
function equal(answer: AnswerValue, value: AnswerValue): boolean {
  const b = numberOf(value);
  return b !== undefined ? numberOf(answer) === b : answersEqual(answer, value);
}

/** A rule matches an answer when all its conditions hold for that same answer. */
export function ruleMatches(rule: TriageRule, answer: AnswerValue): boolean {
  return rule.conditions.every((c) => ruleConditionHolds(c, answer));
}

/** Rules written as `exists` false match an item without an answer. */
function matchesMissingAnswer(conditions: RuleCondition[]): boolean {
  return conditions.every((c) => c.operator === 'exists' && rawValue(c.value) === false);
}

export interface RuleEvaluation {
  /** The most severe matched colour; undefined when no rule matched. */
  significance?: RuleColour;
  /** Every matched rule, most severe first. */
  matched: TriageRule[];
  /** Per answer that matched, the deciding rule. */
  triggers: TriageTrigger[];
  /** Colours that one and the same answer matched, when more than one (a conflict); else empty. */
  conflict: RuleColour[];
}

/**
 * Evaluates an item's rules against its answers (without "ønsker ikke at svare"). Each answer is
 * checked on its own; with no answers, only `exists` false rules can match. The most severe matched
 * rule decides, ties go to the rule written first.
 */
export function evaluateRules(rules: TriageRule[], answers: AnswerValue[]): RuleEvaluation {
  const triggers: TriageTrigger[] = [];
  const matched = new Set<TriageRule>();
  const conflict = new Set<RuleColour>();
  const consider = (value: AnswerValue | undefined, hits: TriageRule[]) => {
    if (!hits.length) return;
    hits.sort(bySeverity);
    triggers.push(value ? { value, rule: hits[0]! } : { rule: hits[0]! });
    const colours = new Set(hits.map((r) => r.significance));
    if (colours.size > 1) for (const c of colours) conflict.add(c);
    for (const r of hits) matched.add(r);
  };
  if (answers.length) for (const a of answers) consider(a, rules.filter((r) => ruleMatches(r, a)));
  else consider(undefined, rules.filter((r) => matchesMissingAnswer(r.conditions)));
  const list = [...matched].sort(bySeverity);
  return {
    significance: list[0]?.significance,
    matched: list,
    triggers,
    conflict: RULE_COLOURS.filter((c) => conflict.has(c)),
  };
}
