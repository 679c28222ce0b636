import { expect } from '@open-wc/testing';
import type { Extension } from '../fhir/types.js';
import { compileQuestionnaire } from '../questionnaire/definition.js';
import type { AnswerValue } from '../questionnaire/values.js';
import { questionnaire } from '../test-helpers/questionnaires.js';
import {
  SEVERITY,
  bySeverity,
  evaluateRules,
  numberOf,
  parseItemRules,
  parseRule,
  parseTriageRules,
  ruleConditionHolds,
  ruleMatches,
  worstOf,
} from './rules.js';
import { SYSTEM, cond, coding, rule, ruled } from './test-helpers/rules.js';
import type { RuleCondition, TriageRule, TriageWarning } from './types.js';
import { TRIAGE_URL } from './urls.js';

const c = (operator: RuleCondition['operator'], value: AnswerValue): RuleCondition => ({ operator, value });
const holds = (condition: RuleCondition, answers: AnswerValue[]) => answers.map((a) => ruleConditionHolds(condition, a));

/** Parses one item's rules and returns rules and warning codes. */
function parseOne(item: Parameters<typeof ruled>[1], rules: Extension[], extra = {}) {
  const { rules: map, warnings } = parseTriageRules(questionnaire([ruled('q', item, rules, extra)]));
  return { rules: map.get('q') ?? [], codes: warnings.map((w) => w.code), warnings };
}

describe('severity', () => {
  it('orders red > yellow > green > grey > none', () => {
    expect(SEVERITY.red).to.be.greaterThan(SEVERITY.yellow);
    expect(SEVERITY.yellow).to.be.greaterThan(SEVERITY.green);
    expect(SEVERITY.green).to.be.greaterThan(SEVERITY.grey);
    expect(SEVERITY.grey).to.be.greaterThan(SEVERITY.none);
    expect(worstOf([])).to.equal('none');
    expect(worstOf(['grey', 'green', 'none'])).to.equal('green');
    expect(worstOf(['green', 'red', 'yellow'])).to.equal('red');
    expect(worstOf(['none', 'grey'])).to.equal('grey');
  });

  it('sorts rules most severe first, then in written order', () => {
    const r = (significance: TriageRule['significance'], index: number): TriageRule => ({ linkId: 'q', index, significance, conditions: [], extension: { url: '' } });
    const sorted = [r('green', 0), r('yellow', 3), r('red', 2), r('yellow', 1)].sort(bySeverity);
    expect(sorted.map((x) => `${x.significance}${x.index}`)).to.deep.equal(['red2', 'yellow1', 'yellow3', 'green0']);
  });
});

describe('numberOf', () => {
  it('reads integers, decimals and quantities; nothing else', () => {
    expect(numberOf({ valueInteger: 3 })).to.equal(3);
    expect(numberOf({ valueDecimal: 3.5 })).to.equal(3.5);
    expect(numberOf({ valueQuantity: { value: 70, unit: 'kg' } })).to.equal(70);
    expect(numberOf({ valueQuantity: { unit: 'kg' } })).to.equal(undefined);
    expect(numberOf({ valueString: '3' })).to.equal(undefined);
    expect(numberOf({ valueDecimal: NaN })).to.equal(undefined);
    expect(numberOf(undefined)).to.equal(undefined);
  });
});

describe('conditions: every operator × value type', () => {
  // Answers below, equal to and above the condition value.
  const table: [RuleCondition['operator'], boolean[]][] = [
    ['=', [false, true, false]],
    ['!=', [true, false, true]],
    ['>', [false, false, true]],
    ['<', [true, false, false]],
    ['>=', [false, true, true]],
    ['<=', [true, true, false]],
  ];

  for (const [op, expected] of table) {
    it(`decimal ${op} 35 (answers 34.5, 35, 35.5)`, () => {
      expect(holds(c(op, { valueDecimal: 35 }), [{ valueDecimal: 34.5 }, { valueDecimal: 35 }, { valueDecimal: 35.5 }])).to.deep.equal(expected);
    });
    it(`integer ${op} 5 (answers 4, 5, 6)`, () => {
      expect(holds(c(op, { valueInteger: 5 }), [{ valueInteger: 4 }, { valueInteger: 5 }, { valueInteger: 6 }])).to.deep.equal(expected);
    });
    it(`integer ${op} 5 against decimal answers and decimal ${op} 5 against integer answers`, () => {
      expect(holds(c(op, { valueInteger: 5 }), [{ valueDecimal: 4.9 }, { valueDecimal: 5.0 }, { valueDecimal: 5.1 }])).to.deep.equal(expected);
      expect(holds(c(op, { valueDecimal: 5 }), [{ valueInteger: 4 }, { valueInteger: 5 }, { valueInteger: 6 }])).to.deep.equal(expected);
    });
    it(`quantity answers ${op} 70`, () => {
      const kg = (value: number) => ({ valueQuantity: { value, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } });
      expect(holds(c(op, { valueDecimal: 70 }), [kg(69), kg(70), kg(71)])).to.deep.equal(expected);
    });
  }

  it('exists (true) holds for any answer of any type', () => {
    const e = c('exists', { valueBoolean: true });
    expect(holds(e, [{ valueDecimal: 0 }, { valueString: '' }, coding('a'), { valueBoolean: false }])).to.deep.equal([true, true, true, true]);
  });

  it('exists false never holds for an answer (it matches a missing answer, see evaluateRules)', () => {
    expect(holds(c('exists', { valueBoolean: false }), [{ valueInteger: 1 }, coding('a')])).to.deep.equal([false, false]);
  });

  it('Coding = and != compare system and code; a missing system matches any', () => {
    const eq = c('=', coding('ja'));
    const ne = c('!=', coding('ja'));
    const answers = [coding('ja'), coding('nej'), { valueCoding: { code: 'ja' } }, { valueCoding: { system: 'http://other', code: 'ja' } }];
    expect(holds(eq, answers)).to.deep.equal([true, false, true, false]);
    expect(holds(ne, answers)).to.deep.equal([false, true, false, true]);
  });

  it('string = and != compare the text exactly; a string matches a Coding by code or display', () => {
    expect(holds(c('=', { valueString: 'ja' }), [{ valueString: 'ja' }, { valueString: 'Ja' }, coding('ja', 'Ja'), coding('x', 'ja')])).to.deep.equal([true, false, true, true]);
    expect(holds(c('!=', { valueString: 'ja' }), [{ valueString: 'ja' }, { valueString: 'nej' }])).to.deep.equal([false, true]);
  });

  it('boolean = and !=', () => {
    expect(holds(c('=', { valueBoolean: true }), [{ valueBoolean: true }, { valueBoolean: false }])).to.deep.equal([true, false]);
    expect(holds(c('!=', { valueBoolean: true }), [{ valueBoolean: true }, { valueBoolean: false }])).to.deep.equal([false, true]);
    expect(holds(c('=', { valueBoolean: false }), [{ valueBoolean: false }])).to.deep.equal([true]);
  });

  it('a number never equals or orders against a non-number answer', () => {
    const answers = [coding('5'), { valueString: '5' }, { valueBoolean: true }];
    for (const op of ['=', '>', '<', '>=', '<='] as const) expect(holds(c(op, { valueInteger: 5 }), answers), op).to.deep.equal([false, false, false]);
    expect(holds(c('!=', { valueInteger: 5 }), answers)).to.deep.equal([true, true, true]);
  });

  it('an interval needs both conditions to hold for the same answer', () => {
    const interval: TriageRule = { linkId: 'q', index: 0, significance: 'yellow', extension: { url: '' }, conditions: [c('>=', { valueDecimal: 36 }), c('<=', { valueDecimal: 50 })] };
    expect([35, 36, 43, 50, 51].map((v) => ruleMatches(interval, { valueDecimal: v }))).to.deep.equal([false, true, true, true, false]);
    const open: TriageRule = { ...interval, conditions: [c('>', { valueInteger: 0 }), c('<', { valueInteger: 3 })] };
    expect([0, 1, 2, 3].map((v) => ruleMatches(open, { valueInteger: v }))).to.deep.equal([false, true, true, false]);
  });
});

describe('parseTriageRules: well-formed rules', () => {
  it('reads conditions, colour, index and the extension as written', () => {
    const red = rule('red', cond('<=', { valueDecimal: 35 }));
    const yellow = rule('yellow', cond('>=', { valueDecimal: 36 }), cond('<=', { valueDecimal: 50 }));
    const { rules, codes } = parseOne('decimal', [red, yellow]);
    expect(codes).to.deep.equal([]);
    expect(rules.map((r) => [r.index, r.significance, r.conditions.length])).to.deep.equal([
      [0, 'red', 1],
      [1, 'yellow', 2],
    ]);
    expect(rules[0]!.conditions[0]).to.deep.equal({ operator: '<=', value: { valueDecimal: 35 } });
    expect(rules[1]!.extension).to.equal(yellow);
    expect(rules[0]!.linkId).to.equal('q');
  });

  it('accepts a compiled definition and skips items without rules', () => {
    const def = compileQuestionnaire(questionnaire([{ linkId: 'plain', type: 'string' }, ruled('q', 'boolean', [rule('red', cond('=', { valueBoolean: true }))])]));
    const { rules } = parseTriageRules(def);
    expect([...rules.keys()]).to.deep.equal(['q']);
  });

  it('accepts a significance without system, and every value type on the item types it fits', () => {
    const noSystem: Extension = { url: TRIAGE_URL.answerSignificance, extension: [cond('exists', { valueBoolean: true }), { url: 'significance', valueCoding: { code: 'yellow' } }] };
    const fits: [Parameters<typeof ruled>[1], Record<string, unknown>, Record<string, unknown>?][] = [
      ['boolean', { valueBoolean: true }],
      ['decimal', { valueDecimal: 1.5 }],
      ['decimal', { valueInteger: 1 }],
      ['integer', { valueInteger: 1 }],
      ['integer', { valueDecimal: 1 }],
      ['quantity', { valueDecimal: 70 }],
      ['string', { valueString: 'x' }],
      ['text', { valueString: 'x' }],
      ['url', { valueString: 'https://x' }],
      ['choice', { valueCoding: { system: SYSTEM, code: 'a' } }, { answerOption: [coding('a')] }],
      ['choice', { valueCoding: { code: 'a' } }, { answerValueSet: 'http://unresolved/vs' }],
      ['choice', { valueInteger: 2 }, { answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] }],
      ['choice', { valueDecimal: 2 }, { answerOption: [{ valueInteger: 2 }] }],
      ['choice', { valueString: 'a' }, { answerOption: [{ valueString: 'a' }] }],
      ['open-choice', { valueString: 'free text' }, { answerOption: [coding('a')] }],
      ['open-choice', { valueCoding: { system: SYSTEM, code: 'a' } }, { answerOption: [coding('a')] }],
    ];
    for (const [type, value, extra] of fits) {
      const { rules, codes } = parseOne(type, [rule('red', cond('=', value))], extra);
      expect(codes, `${type} ${JSON.stringify(value)}`).to.deep.equal([]);
      expect(rules.length, `${type} ${JSON.stringify(value)}`).to.equal(1);
    }
    expect(parseOne('string', [noSystem]).rules.length).to.equal(1);
  });

  it('accepts exists on every question type, and a red or yellow rule for a missing answer', () => {
    for (const type of ['boolean', 'decimal', 'string', 'choice', 'date', 'attachment'] as const) {
      expect(parseOne(type, [rule('yellow', cond('exists', { valueBoolean: true }))]).rules.length, type).to.equal(1);
    }
    expect(parseOne('string', [rule('red', cond('exists', { valueBoolean: false }))]).rules.length).to.equal(1);
  });

  it('reads the rules of a duplicated linkId from its first item only (the compiler reports the duplicate)', () => {
    const q = questionnaire([ruled('q', 'boolean', [rule('red', cond('=', { valueBoolean: true }))]), ruled('q', 'boolean', [rule('green', cond('=', { valueBoolean: true }))])]);
    const { rules } = parseTriageRules(q);
    expect(rules.get('q')!.map((r) => r.significance)).to.deep.equal(['red']);
  });
});

describe('parseTriageRules: malformed rules are reported and ignored, never thrown', () => {
  const sig = (code: string, system: string = TRIAGE_URL.significanceSystem): Extension => ({ url: 'significance', valueCoding: { system, code } });
  const raw = (...parts: Extension[]): Extension => ({ url: TRIAGE_URL.answerSignificance, extension: parts });
  const lt = cond('<', { valueDecimal: 3 });
  const cases: [string, Parameters<typeof ruled>[1], Extension, string, Record<string, unknown>?][] = [
    ['no significance', 'decimal', raw(lt), 'rule-bad-significance'],
    ['no sub-extensions at all', 'decimal', { url: TRIAGE_URL.answerSignificance }, 'rule-bad-significance'],
    ['an unknown colour', 'decimal', raw(lt, sig('blue')), 'rule-bad-significance'],
    ['a colour from another code system', 'decimal', raw(lt, sig('red', 'http://other')), 'rule-bad-significance'],
    ['two significances', 'decimal', raw(lt, sig('red'), sig('yellow')), 'rule-bad-significance'],
    ['a significance without a Coding', 'decimal', raw(lt, { url: 'significance', valueCode: 'red' }), 'rule-bad-significance'],
    ['no conditions', 'decimal', raw(sig('red')), 'rule-condition-count'],
    ['three conditions', 'decimal', raw(lt, lt, lt, sig('red')), 'rule-condition-count'],
    ['an unknown operator', 'decimal', rule('red', cond('~', { valueDecimal: 3 })), 'rule-bad-operator'],
    ['no operator', 'decimal', rule('red', { url: TRIAGE_URL.answerCondition, extension: [{ url: 'value', valueDecimal: 3 }] }), 'rule-bad-operator'],
    [
      'two operators',
      'decimal',
      rule('red', { url: TRIAGE_URL.answerCondition, extension: [{ url: 'value', valueDecimal: 3 }, { url: 'operator', valueCode: '<' }, { url: 'operator', valueCode: '>' }] }),
      'rule-bad-operator',
    ],
    ['a condition without sub-extensions', 'decimal', rule('red', { url: TRIAGE_URL.answerCondition }), 'rule-bad-operator'],
    ['no value', 'decimal', rule('red', { url: TRIAGE_URL.answerCondition, extension: [{ url: 'operator', valueCode: '<' }] }), 'rule-bad-value'],
    [
      'two values',
      'decimal',
      rule('red', { url: TRIAGE_URL.answerCondition, extension: [{ url: 'value', valueDecimal: 3 }, { url: 'value', valueDecimal: 4 }, { url: 'operator', valueCode: '<' }] }),
      'rule-bad-value',
    ],
    ['a value with two value[x]', 'decimal', rule('red', cond('<', { valueDecimal: 3, valueInteger: 3 })), 'rule-bad-value'],
    ['a value without value[x]', 'decimal', rule('red', cond('<', {})), 'rule-bad-value'],
    ['a date value (not a FUT value type)', 'date', rule('red', cond('<', { valueDate: '2020-01-01' })), 'rule-bad-value'],
    ['a Quantity value', 'quantity', rule('red', cond('<', { valueQuantity: { value: 3 } })), 'rule-bad-value'],
    ['an integer that is not whole', 'integer', rule('red', cond('<', { valueInteger: 3.5 })), 'rule-bad-value'],
    ['a decimal that is text', 'decimal', rule('red', cond('<', { valueDecimal: '3' })), 'rule-bad-value'],
    ['a string that is a number', 'string', rule('red', cond('=', { valueString: 3 })), 'rule-bad-value'],
    ['a Coding without code', 'choice', rule('red', cond('=', { valueCoding: { system: SYSTEM } })), 'rule-bad-value'],
    ['a boolean written as text', 'boolean', rule('red', cond('=', { valueBoolean: 'true' })), 'rule-bad-value'],
    ['exists with a number', 'decimal', rule('red', cond('exists', { valueDecimal: 1 })), 'rule-type-mismatch'],
    ['> with a Coding', 'choice', rule('red', cond('>', { valueCoding: { system: SYSTEM, code: 'a' } })), 'rule-type-mismatch', { answerOption: [coding('a')] }],
    ['<= with a string', 'string', rule('red', cond('<=', { valueString: 'm' })), 'rule-type-mismatch'],
    ['>= with a boolean', 'boolean', rule('red', cond('>=', { valueBoolean: true })), 'rule-type-mismatch'],
    ['a string on a decimal item', 'decimal', rule('red', cond('=', { valueString: '3' })), 'rule-type-mismatch'],
    ['a Coding on an integer item', 'integer', rule('red', cond('=', { valueCoding: { code: '3' } })), 'rule-type-mismatch'],
    ['a number on a boolean item', 'boolean', rule('red', cond('=', { valueInteger: 1 })), 'rule-type-mismatch'],
    ['a boolean on a choice item', 'choice', rule('red', cond('=', { valueBoolean: true })), 'rule-type-mismatch', { answerOption: [coding('a')] }],
    ['a Coding on a choice item with integer options', 'choice', rule('red', cond('=', { valueCoding: { code: '1' } })), 'rule-type-mismatch', { answerOption: [{ valueInteger: 1 }] }],
    ['a number on a choice item with Coding options', 'choice', rule('red', cond('>=', { valueInteger: 1 })), 'rule-type-mismatch', { answerOption: [coding('a')] }],
    ['a string on a choice item with Coding options', 'choice', rule('red', cond('=', { valueString: 'a' })), 'rule-type-mismatch', { answerOption: [coding('a')] }],
    ['a number on a string item', 'string', rule('red', cond('=', { valueInteger: 1 })), 'rule-type-mismatch'],
    ['a string on a date item', 'date', rule('red', cond('=', { valueString: '2020' })), 'rule-type-mismatch'],
    ['a rule on a group', 'group', rule('red', cond('exists', { valueBoolean: true })), 'rule-type-mismatch', { item: [{ linkId: 'child', type: 'string' }] }],
    ['a rule on a display item', 'display', rule('red', cond('exists', { valueBoolean: true })), 'rule-type-mismatch'],
    ['exists inside an interval', 'decimal', rule('red', cond('exists', { valueBoolean: true }), cond('<', { valueDecimal: 3 })), 'rule-bad-interval'],
    ['a green rule for a missing answer', 'decimal', rule('green', cond('exists', { valueBoolean: false })), 'rule-green-for-missing'],
  ];
  for (const [name, type, ext, code, extra] of cases) {
    it(`${name} → ${code}`, () => {
      const good = rule('yellow', cond('exists', { valueBoolean: true }));
      const { rules, codes, warnings } = parseOne(type, [ext, good], extra);
      const noRulesAtAll = type === 'group' || type === 'display';
      expect(codes).to.deep.equal(noRulesAtAll ? [code, code] : [code]);
      expect(warnings[0]!.params).to.include({ linkId: 'q', rule: 1 });
      expect(warnings[0]!.message).to.contain('Colour rule 1 on q');
      // The well-formed rule next to it is still used (except on items that cannot carry rules at all).
      expect(rules.map((r) => r.index)).to.deep.equal(noRulesAtAll ? [] : [1]);
    });
  }
});

describe('parseTriageRules: rules that look wrong but can be evaluated are kept and reported', () => {
  it('a Coding that is not an answer option', () => {
    const { rules, codes, warnings } = parseOne('choice', [rule('red', cond('=', { valueCoding: { system: SYSTEM, code: 'typo' } }))], { answerOption: [coding('a')] });
    expect(codes).to.deep.equal(['rule-unknown-option']);
    expect(warnings[0]!.params).to.deep.equal({ linkId: 'q', rule: 1, code: 'typo' });
    expect(rules.length).to.equal(1);
  });

  it('an interval that can never hold', () => {
    const empty = [
      rule('yellow', cond('>=', { valueDecimal: 50 }), cond('<=', { valueDecimal: 36 })),
      rule('yellow', cond('>', { valueDecimal: 5 }), cond('<', { valueDecimal: 5 })),
      rule('yellow', cond('=', { valueDecimal: 5 }), cond('>', { valueDecimal: 5 })),
      rule('yellow', cond('<', { valueDecimal: 5 }), cond('<=', { valueDecimal: 5 }), /* same upper bound, one open */),
    ];
    const { rules, codes } = parseOne('decimal', empty);
    expect(codes).to.deep.equal(['rule-empty-interval', 'rule-empty-interval', 'rule-empty-interval']);
    expect(rules.length).to.equal(4);
    expect(parseOne('decimal', [rule('yellow', cond('>=', { valueDecimal: 5 }), cond('<=', { valueDecimal: 5 }))]).codes).to.deep.equal([]);
    expect(parseOne('decimal', [rule('yellow', cond('>=', { valueDecimal: 5 }), cond('>', { valueDecimal: 5 }))]).codes).to.deep.equal([]);
  });

  it('numeric rules of different colours that overlap', () => {
    const overlapping = parseOne('decimal', [rule('green', cond('>=', { valueDecimal: 9 })), rule('yellow', cond('<=', { valueDecimal: 10 }))]);
    expect(overlapping.codes).to.deep.equal(['rule-overlap']);
    expect(overlapping.warnings[0]!.params).to.deep.equal({ linkId: 'q', rule: 1, other: 2, colour: 'green', otherColour: 'yellow' });
    expect(parseOne('decimal', [rule('red', cond('<=', { valueDecimal: 35 })), rule('yellow', cond('>=', { valueDecimal: 35 }))]).codes).to.deep.equal(['rule-overlap']);
    expect(parseOne('decimal', [rule('red', cond('=', { valueDecimal: 2 })), rule('yellow', cond('>=', { valueDecimal: 1 }), cond('<=', { valueDecimal: 3 }))]).codes).to.deep.equal([
      'rule-overlap',
    ]);
  });

  it('touching, same-colour and not comparable rules do not count as overlap', () => {
    const sample = [
      rule('red', cond('<=', { valueDecimal: 35 })),
      rule('yellow', cond('>=', { valueDecimal: 36 }), cond('<=', { valueDecimal: 50 })),
      rule('green', cond('>', { valueDecimal: 50 })),
    ];
    expect(parseOne('decimal', sample).codes).to.deep.equal([]);
    expect(parseOne('decimal', [rule('red', cond('<', { valueDecimal: 35 })), rule('yellow', cond('>=', { valueDecimal: 35 }))]).codes).to.deep.equal([]);
    expect(parseOne('decimal', [rule('green', cond('>=', { valueDecimal: 12 })), rule('green', cond('>=', { valueDecimal: 9 }))]).codes).to.deep.equal([]);
    expect(parseOne('decimal', [rule('red', cond('!=', { valueDecimal: 1 })), rule('yellow', cond('=', { valueDecimal: 2 }))]).codes).to.deep.equal([]);
    expect(parseOne('decimal', [rule('red', cond('exists', { valueBoolean: true })), rule('yellow', cond('=', { valueDecimal: 2 }))]).codes).to.deep.equal([]);
  });

  it('the same option with different colours overlaps; different options do not', () => {
    const opts = { answerOption: [coding('a'), coding('b')] };
    const same = parseOne('choice', [rule('red', cond('=', coding('a'))), rule('yellow', cond('=', coding('a')))], opts);
    expect(same.codes).to.deep.equal(['rule-overlap']);
    expect(parseOne('choice', [rule('red', cond('=', coding('a'))), rule('yellow', cond('=', coding('b')))], opts).codes).to.deep.equal([]);
    expect(parseOne('boolean', [rule('red', cond('=', { valueBoolean: true })), rule('green', cond('=', { valueBoolean: true }))]).codes).to.deep.equal(['rule-overlap']);
  });
});

describe('parseRule without the item', () => {
  it('checks only the rule shape (a rule copied into a server finding)', () => {
    const r = parseRule(rule('red', cond('=', { valueString: 'x' })), 0, 'unknown');
    expect('code' in r).to.equal(false);
    expect((r as TriageRule).significance).to.equal('red');
    const bad = parseRule(rule('purple', cond('=', { valueString: 'x' })), 2, 'unknown') as TriageWarning;
    expect(bad.code).to.equal('rule-bad-significance');
    expect(bad.params).to.deep.equal({ linkId: 'unknown', rule: 3, significance: 'purple' });
  });

  it('parseItemRules appends to the given warnings', () => {
    const def = compileQuestionnaire(questionnaire([ruled('q', 'decimal', [rule('red'), rule('red', cond('<', { valueDecimal: 1 }))])]));
    const warnings: TriageWarning[] = [];
    expect(parseItemRules(def.byLinkId.get('q')!, warnings).length).to.equal(1);
    expect(warnings.map((w) => w.code)).to.deep.equal(['rule-condition-count']);
  });
});

describe('evaluateRules', () => {
  const r = (significance: TriageRule['significance'], index: number, ...conditions: RuleCondition[]): TriageRule => ({
    linkId: 'q',
    index,
    significance,
    conditions,
    extension: { url: TRIAGE_URL.answerSignificance },
  });

  it('gives no colour when no rule matches, and none without rules', () => {
    expect(evaluateRules([r('red', 0, c('>', { valueInteger: 5 }))], [{ valueInteger: 1 }])).to.deep.equal({ significance: undefined, matched: [], triggers: [], conflict: [] });
    expect(evaluateRules([], [{ valueInteger: 1 }]).significance).to.equal(undefined);
    expect(evaluateRules([r('red', 0, c('exists', { valueBoolean: true }))], []).significance).to.equal(undefined);
  });

  it('the most severe matched rule wins and every matched rule is listed', () => {
    const rules = [r('green', 0, c('>=', { valueInteger: 0 })), r('yellow', 1, c('>=', { valueInteger: 3 })), r('red', 2, c('>=', { valueInteger: 5 }))];
    const ev = evaluateRules(rules, [{ valueInteger: 6 }]);
    expect(ev.significance).to.equal('red');
    expect(ev.matched.map((x) => x.index)).to.deep.equal([2, 1, 0]);
    expect(ev.triggers).to.deep.equal([{ value: { valueInteger: 6 }, rule: rules[2] }]);
    expect(ev.conflict).to.deep.equal(['red', 'yellow', 'green']);
  });

  it('rules of the same colour are no conflict; ties go to the rule written first', () => {
    const rules = [r('green', 0, c('>=', { valueInteger: 12 })), r('green', 1, c('>=', { valueInteger: 9 }))];
    const ev = evaluateRules(rules, [{ valueInteger: 13 }]);
    expect(ev.conflict).to.deep.equal([]);
    expect(ev.triggers[0]!.rule.index).to.equal(0);
  });

  it('is deterministic whatever order the rules are given in', () => {
    const rules = [r('yellow', 0, c('<=', { valueInteger: 10 })), r('red', 1, c('<=', { valueInteger: 5 })), r('yellow', 2, c('<=', { valueInteger: 8 }))];
    const a = evaluateRules(rules, [{ valueInteger: 4 }]);
    const b = evaluateRules([...rules].reverse(), [{ valueInteger: 4 }]);
    expect(a.matched.map((x) => x.index)).to.deep.equal([1, 0, 2]);
    expect(b.matched.map((x) => x.index)).to.deep.equal([1, 0, 2]);
    expect(a.significance).to.equal(b.significance);
  });

  it('checks each answer of a repeating item on its own: different answers with different colours are no conflict', () => {
    const rules = [r('red', 0, c('=', coding('a'))), r('yellow', 1, c('=', coding('b')))];
    const ev = evaluateRules(rules, [coding('b'), coding('a'), coding('c')]);
    expect(ev.significance).to.equal('red');
    expect(ev.triggers.map((t) => [t.value!.valueCoding!.code, t.rule.significance])).to.deep.equal([
      ['b', 'yellow'],
      ['a', 'red'],
    ]);
    expect(ev.conflict).to.deep.equal([]);
  });

  it('an exists-false rule matches an item without answers, as a trigger without value', () => {
    const missing = r('red', 0, c('exists', { valueBoolean: false }));
    const ev = evaluateRules([missing, r('yellow', 1, c('exists', { valueBoolean: true }))], []);
    expect(ev.significance).to.equal('red');
    expect(ev.triggers).to.deep.equal([{ rule: missing }]);
    expect(evaluateRules([missing], [{ valueInteger: 1 }]).significance).to.equal(undefined);
  });
});
