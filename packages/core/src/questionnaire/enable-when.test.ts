import { expect } from '@open-wc/testing';
import type { QuestionnaireItem, QuestionnaireItemEnableWhen } from '../fhir/types.js';
import { Form, answer, enabled, questionnaire } from '../test-helpers/questionnaires.js';
import { conditionHolds } from './enable-when.js';
import type { EnableWhenDef } from './definition.js';
import { buildResponse } from './response.js';
import type { AnswerValue } from './values.js';

type Cap<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

interface TypeCase {
  type: QuestionnaireItem['type'];
  /** Suffix of value[x]/answer[x]. */
  x: Cap<'boolean' | 'decimal' | 'integer' | 'date' | 'dateTime' | 'time' | 'string' | 'coding' | 'quantity'>;
  given: unknown;
  /** Values below, equal to and above `given` (ordered types only). */
  lower?: unknown;
  equal: unknown;
  higher?: unknown;
  /** A value different from `given`, for unordered types. */
  other?: unknown;
}

const kg = (value: number) => ({ value, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' });

const TYPES: TypeCase[] = [
  { type: 'decimal', x: 'Decimal', given: 2.5, lower: 1.5, equal: 2.5, higher: 3.5 },
  { type: 'integer', x: 'Integer', given: 5, lower: 4, equal: 5, higher: 6 },
  { type: 'date', x: 'Date', given: '2020-06-15', lower: '2020-06-14', equal: '2020-06-15', higher: '2020-06-16' },
  {
    type: 'dateTime',
    x: 'DateTime',
    given: '2020-06-15T10:00:00Z',
    lower: '2020-06-15T09:00:00Z',
    // The same instant written in another time zone.
    equal: '2020-06-15T12:00:00+02:00',
    higher: '2020-06-15T11:00:00Z',
  },
  { type: 'time', x: 'Time', given: '10:30:00', lower: '09:45:00', equal: '10:30:00', higher: '11:00:00' },
  { type: 'string', x: 'String', given: 'mango', lower: 'apple', equal: 'mango', higher: 'pear' },
  { type: 'quantity', x: 'Quantity', given: kg(70), lower: kg(60), equal: kg(70), higher: kg(80) },
  { type: 'boolean', x: 'Boolean', given: true, equal: true, other: false },
  {
    type: 'choice',
    x: 'Coding',
    given: { system: 'http://example.org/cs', code: 'b', display: 'B' },
    equal: { system: 'http://example.org/cs', code: 'b' },
    other: { system: 'http://example.org/cs', code: 'a', display: 'A' },
  },
];

function formWith(t: TypeCase, enableWhen: QuestionnaireItemEnableWhen[], behavior?: 'any' | 'all'): Form {
  return new Form(
    questionnaire([
      { linkId: 'src', type: t.type, text: 'Source' },
      { linkId: 'src2', type: t.type, text: 'Second source' },
      { linkId: 'dep', type: 'string', text: 'Dependant', enableWhen, ...(behavior ? { enableBehavior: behavior } : {}) },
    ]),
  );
}

const cond = (t: TypeCase, operator: QuestionnaireItemEnableWhen['operator'], value: unknown, question = 'src') =>
  ({ question, operator, [`answer${t.x}`]: value }) as QuestionnaireItemEnableWhen;
const ans = (t: TypeCase, value: unknown) => ({ [`value${t.x}`]: value }) as AnswerValue;

// For a source answer `given`, expected results against a value lower than, equal to and higher than it.
const ORDERED_EXPECTATIONS: Record<'=' | '!=' | '>' | '<' | '>=' | '<=', [boolean, boolean, boolean]> = {
  '=': [false, true, false],
  '!=': [true, false, true],
  '>': [true, false, false],
  '<': [false, false, true],
  '>=': [true, true, false],
  '<=': [false, true, true],
};

describe('enableWhen operators', () => {
  for (const t of TYPES) {
    describe(`${t.type} (answer${t.x})`, () => {
      it('exists true is enabled only once the question has an answer', () => {
        const form = formWith(t, [{ question: 'src', operator: 'exists', answerBoolean: true }]);
        expect(enabled(form, 'dep')).to.equal(false);
        answer(form, 'src', ans(t, t.given));
        expect(enabled(form, 'dep')).to.equal(true);
        answer(form, 'src');
        expect(enabled(form, 'dep')).to.equal(false);
      });

      it('exists false is enabled only while the question has no answer', () => {
        const form = formWith(t, [{ question: 'src', operator: 'exists', answerBoolean: false }]);
        expect(enabled(form, 'dep')).to.equal(true);
        answer(form, 'src', ans(t, t.given));
        expect(enabled(form, 'dep')).to.equal(false);
      });

      if (t.lower !== undefined) {
        for (const [op, expected] of Object.entries(ORDERED_EXPECTATIONS)) {
          it(`${op} compares against lower, equal and higher values`, () => {
            const values = [t.lower, t.equal, t.higher];
            const got = values.map((v) => {
              const form = formWith(t, [cond(t, op as QuestionnaireItemEnableWhen['operator'], v)]);
              answer(form, 'src', ans(t, t.given));
              return enabled(form, 'dep');
            });
            expect(got).to.deep.equal(expected);
          });
        }
      } else {
        it('= is enabled for the same value only', () => {
          const same = formWith(t, [cond(t, '=', t.equal)]);
          answer(same, 'src', ans(t, t.given));
          expect(enabled(same, 'dep')).to.equal(true);
          const other = formWith(t, [cond(t, '=', t.other)]);
          answer(other, 'src', ans(t, t.given));
          expect(enabled(other, 'dep')).to.equal(false);
        });

        it('!= is enabled for a different value only', () => {
          const same = formWith(t, [cond(t, '!=', t.equal)]);
          answer(same, 'src', ans(t, t.given));
          expect(enabled(same, 'dep')).to.equal(false);
          const other = formWith(t, [cond(t, '!=', t.other)]);
          answer(other, 'src', ans(t, t.given));
          expect(enabled(other, 'dep')).to.equal(true);
        });

        it('ordering operators never hold for an unordered type', () => {
          for (const op of ['>', '<', '>=', '<='] as const) {
            for (const v of [t.equal, t.other]) {
              const form = formWith(t, [cond(t, op, v)]);
              answer(form, 'src', ans(t, t.given));
              expect(enabled(form, 'dep'), `${op} ${JSON.stringify(v)}`).to.equal(false);
            }
          }
        });
      }

      it('= and ordering operators do not hold while the question is unanswered', () => {
        for (const op of ['=', '>', '<', '>=', '<='] as const) {
          const form = formWith(t, [cond(t, op, t.equal)]);
          expect(enabled(form, 'dep'), op).to.equal(false);
        }
      });

      it('enableBehavior all needs every condition, any needs one', () => {
        const other = t.other ?? t.higher;
        const conditions = [cond(t, '=', t.equal, 'src'), cond(t, '=', other, 'src2')];
        const all = formWith(t, conditions, 'all');
        const any = formWith(t, conditions, 'any');
        for (const form of [all, any]) answer(form, 'src', ans(t, t.given));
        expect(enabled(all, 'dep')).to.equal(false);
        expect(enabled(any, 'dep')).to.equal(true);
        for (const form of [all, any]) answer(form, 'src2', ans(t, other));
        expect(enabled(all, 'dep')).to.equal(true);
        expect(enabled(any, 'dep')).to.equal(true);
        for (const form of [all, any]) answer(form, 'src');
        expect(enabled(all, 'dep')).to.equal(false);
        expect(enabled(any, 'dep')).to.equal(true);
      });
    });
  }
});

describe('enableWhen semantics', () => {
  it('!= holds when the question has no answer at all', () => {
    const form = formWith(TYPES[1]!, [{ question: 'src', operator: '!=', answerInteger: 5 }]);
    expect(enabled(form, 'dep')).to.equal(true);
  });

  it('= holds when any answer of a repeating question matches', () => {
    const form = new Form(
      questionnaire([
        { linkId: 'src', type: 'integer', repeats: true },
        { linkId: 'dep', type: 'string', enableWhen: [{ question: 'src', operator: '=', answerInteger: 3 }] },
        { linkId: 'neq', type: 'string', enableWhen: [{ question: 'src', operator: '!=', answerInteger: 3 }] },
      ]),
    );
    answer(form, 'src', { valueInteger: 1 }, { valueInteger: 3 });
    expect(enabled(form, 'dep')).to.equal(true);
    // != is true only when no answer equals the value.
    expect(enabled(form, 'neq')).to.equal(false);
    answer(form, 'src', { valueInteger: 1 }, { valueInteger: 2 });
    expect(enabled(form, 'dep')).to.equal(false);
    expect(enabled(form, 'neq')).to.equal(true);
  });

  it('integer and decimal answers compare by value', () => {
    const form = new Form(
      questionnaire([
        { linkId: 'src', type: 'integer' },
        { linkId: 'dep', type: 'string', enableWhen: [{ question: 'src', operator: '>', answerDecimal: 2.5 }] },
      ]),
    );
    answer(form, 'src', { valueInteger: 3 });
    expect(enabled(form, 'dep')).to.equal(true);
    answer(form, 'src', { valueInteger: 2 });
    expect(enabled(form, 'dep')).to.equal(false);
  });

  it('a Coding without system in enableWhen matches by code', () => {
    const form = new Form(
      questionnaire([
        { linkId: 'src', type: 'choice', answerOption: [{ valueCoding: { system: 'http://s', code: 'y' } }] },
        { linkId: 'dep', type: 'string', enableWhen: [{ question: 'src', operator: '=', answerCoding: { code: 'y' } }] },
      ]),
    );
    answer(form, 'src', { valueCoding: { system: 'http://s', code: 'y' } });
    expect(enabled(form, 'dep')).to.equal(true);
    answer(form, 'src', { valueCoding: { system: 'http://other', code: 'n' } });
    expect(enabled(form, 'dep')).to.equal(false);
  });

  it('conditionHolds works on its own for exists and a missing answer', () => {
    const ew: EnableWhenDef = { question: 'x', operator: 'exists', answer: { valueBoolean: true } };
    expect(conditionHolds(ew, [])).to.equal(false);
    expect(conditionHolds(ew, [{ valueString: '' }])).to.equal(false);
    expect(conditionHolds(ew, [{ valueString: 'a' }])).to.equal(true);
  });
});

describe('enablement propagation', () => {
  const chain = () =>
    new Form(
      questionnaire([
        { linkId: 'a', type: 'boolean' },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
        { linkId: 'c', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
        {
          linkId: 'g',
          type: 'group',
          enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
          item: [
            { linkId: 'g.1', type: 'string' },
            { linkId: 'g.2', type: 'group', item: [{ linkId: 'g.2.1', type: 'integer' }] },
          ],
        },
      ]),
    );

  it('a disabled item and its dependants are left out of the response, transitively', () => {
    const form = chain();
    answer(form, 'a', { valueBoolean: true });
    answer(form, 'b', { valueString: 'x' });
    answer(form, 'c', { valueString: 'y' });
    answer(form, 'g.1', { valueString: 'in group' });
    answer(form, 'g.2.1', { valueInteger: 7 });
    const on = buildResponse(form);
    expect(on.item!.map((i) => i.linkId)).to.deep.equal(['a', 'b', 'c', 'g']);
    expect(on.item![3]!.item!.map((i) => i.linkId)).to.deep.equal(['g.1', 'g.2']);

    answer(form, 'a', { valueBoolean: false });
    // b is disabled, so c (which depends on b having an answer) must be disabled too, even though b keeps its answer in memory.
    expect(enabled(form, 'b')).to.equal(false);
    expect(enabled(form, 'c')).to.equal(false);
    expect(enabled(form, 'g.2.1')).to.equal(false);
    const off = buildResponse(form);
    expect(off.item).to.deep.equal([{ linkId: 'a', answer: [{ valueBoolean: false }] }]);
  });

  it('answers of a disabled item come back when it is enabled again', () => {
    const form = chain();
    answer(form, 'a', { valueBoolean: true });
    answer(form, 'b', { valueString: 'kept' });
    answer(form, 'a', { valueBoolean: false });
    answer(form, 'a', { valueBoolean: true });
    const qr = buildResponse(form);
    expect(qr.item!.find((i) => i.linkId === 'b')!.answer).to.deep.equal([{ valueString: 'kept' }]);
  });
});

describe('enableWhen inside repeating groups', () => {
  const q = () =>
    questionnaire([
      {
        linkId: 'med',
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'med.taking', type: 'boolean' },
          { linkId: 'med.dose', type: 'decimal', enableWhen: [{ question: 'med.taking', operator: '=', answerBoolean: true }] },
          { linkId: 'med.why', type: 'string', enableWhen: [{ question: 'med.taking', operator: '=', answerBoolean: false }] },
        ],
      },
    ]);

  it('resolves the question within the same repetition', () => {
    const form = new Form(q());
    const first = form.nodesFor('med')[0]!;
    const second = form.addRepeat(first)!;
    expect(second).to.not.equal(undefined);
    const [t1, t2] = form.nodesFor('med.taking');
    form.setAnswer(t1!, { valueBoolean: true });
    form.setAnswer(t2!, { valueBoolean: false });
    const state = (linkId: string) => form.nodesFor(linkId).map((n) => n.enabled);
    expect(state('med.dose')).to.deep.equal([true, false]);
    expect(state('med.why')).to.deep.equal([false, true]);

    form.setAnswer(form.nodesFor('med.dose')[0]!, { valueDecimal: 2 });
    form.setAnswer(form.nodesFor('med.why')[1]!, { valueString: 'side effects' });
    const qr = buildResponse(form);
    expect(qr.item!.map((i) => i.item!.map((c) => c.linkId))).to.deep.equal([
      ['med.taking', 'med.dose'],
      ['med.taking', 'med.why'],
    ]);
  });

  it('an item outside the group that refers into it sees every repetition', () => {
    const qq = q();
    qq.item!.push({ linkId: 'any-dose', type: 'display', enableWhen: [{ question: 'med.taking', operator: '=', answerBoolean: true }] });
    const form = new Form(qq);
    form.addRepeat(form.nodesFor('med')[0]!);
    expect(enabled(form, 'any-dose')).to.equal(false);
    form.setAnswer(form.nodesFor('med.taking')[1]!, { valueBoolean: true });
    expect(enabled(form, 'any-dose')).to.equal(true);
  });
});
