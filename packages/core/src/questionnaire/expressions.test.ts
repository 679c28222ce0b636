import { expect } from '@open-wc/testing';
import type { Extension, Questionnaire, QuestionnaireItem } from '../fhir/types.js';
import { EXT } from '../fhir/extensions.js';
import { answer, conformanceQuestionnaire, enabled, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { KproError, type KproWarning } from './errors.js';
import type { Form } from './form.js';
import { buildResponse, loadResponse } from './response.js';
import { createQuestionnaireSession } from './session.js';
import { attachExpressions, toAnswers } from './expressions.js';
import { Form as FormClass } from './form.js';
import { compileQuestionnaire } from './definition.js';
import { answerKey } from './values.js';

const fp = (expression: string, name?: string) => ({ language: 'text/fhirpath', expression, ...(name ? { name } : {}) });
const calc = (expression: string): Extension => ({ url: EXT.calculatedExpression, valueExpression: fp(expression) });
const variable = (name: string, expression: string): Extension => ({ url: EXT.variable, valueExpression: fp(expression, name) });
const enableWhenExpr = (expression: string): Extension => ({ url: EXT.enableWhenExpression, valueExpression: fp(expression) });
const initialExpr = (expression: string): Extension => ({ url: EXT.initialExpression, valueExpression: fp(expression) });
const answerExpr = (expression: string): Extension => ({ url: EXT.answerExpression, valueExpression: fp(expression) });

/** Opens a session and waits for FHIRPath, as a component would. */
async function open(q: Questionnaire, warnings: KproWarning[] = []): Promise<Form> {
  const session = createQuestionnaireSession(q, (w) => warnings.push(w));
  expect(session.ready, 'a questionnaire with expressions has something to load').to.not.equal(undefined);
  await session.ready;
  return session.form;
}

/** SDC launchContext `patient` (a Patient), declared on the Questionnaire. */
const patientLaunchContext: Extension = {
  url: EXT.launchContext,
  extension: [
    { url: 'name', valueCoding: { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/launchContext', code: 'patient' } },
    { url: 'type', valueCode: 'Patient' },
  ],
};

const valueOf = (form: Form, linkId: string) => nodeOf(form, linkId).answers.map((a) => Object.values(a)[0]);
const itemValue = (linkId: string) => `%resource.repeat(item).where(linkId='${linkId}').answer.value`;

describe('FHIRPath expressions', () => {
  it('a chain of calculatedExpressions settles', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'a', type: 'integer' },
        // Declared before the item it depends on, so one pass cannot be enough.
        { linkId: 'c', type: 'integer', extension: [calc(`${itemValue('b')} * 2`)] },
        { linkId: 'b', type: 'integer', extension: [calc(`${itemValue('a')} + 1`)] },
      ]),
    );
    expect(valueOf(form, 'b')).to.deep.equal([]);
    answer(form, 'a', { valueInteger: 3 });
    expect(valueOf(form, 'b')).to.deep.equal([4]);
    expect(valueOf(form, 'c')).to.deep.equal([8]);
    answer(form, 'a', { valueInteger: 10 });
    expect(valueOf(form, 'c')).to.deep.equal([22]);
    answer(form, 'a');
    expect(valueOf(form, 'b')).to.deep.equal([]);
    expect(valueOf(form, 'c')).to.deep.equal([]);
    expect(nodeOf(form, 'c').def.readOnly).to.equal(true);
  });

  it('variables at the root and on an item', async () => {
    const form = await open(
      questionnaire(
        [
          { linkId: 'w', type: 'decimal' },
          {
            linkId: 'g',
            type: 'group',
            extension: [variable('hM', `${itemValue('h')} / 100`)],
            item: [
              { linkId: 'h', type: 'decimal' },
              { linkId: 'bmi', type: 'decimal', extension: [calc('(%weight / (%hM * %hM)).round(1)')] },
              { linkId: 'twice', type: 'decimal', extension: [calc('%weight * %factor')] },
            ],
          },
        ],
        { extension: [variable('weight', itemValue('w')), variable('factor', '2')] },
      ),
    );
    answer(form, 'w', { valueDecimal: 80 });
    expect(valueOf(form, 'twice')).to.deep.equal([160]);
    expect(valueOf(form, 'bmi')).to.deep.equal([]);
    answer(form, 'h', { valueDecimal: 180 });
    expect(valueOf(form, 'bmi')).to.deep.equal([24.7]);
  });

  it('an item variable uses %context: each repetition computes its own value', async () => {
    const form = await open(
      questionnaire([
        {
          linkId: 'row',
          type: 'group',
          repeats: true,
          extension: [variable('pair', "%context.item.where(linkId='x' or linkId='y').answer.value")],
          item: [
            { linkId: 'x', type: 'integer' },
            { linkId: 'y', type: 'integer' },
            { linkId: 'sum', type: 'integer', extension: [calc('%pair.sum()')] },
          ],
        },
      ]),
    );
    form.addRepeat(nodeOf(form, 'row'));
    const [x1, x2] = form.nodesFor('x');
    const [y1, y2] = form.nodesFor('y');
    form.setAnswer(x1!, { valueInteger: 1 });
    form.setAnswer(y1!, { valueInteger: 2 });
    form.setAnswer(x2!, { valueInteger: 10 });
    form.setAnswer(y2!, { valueInteger: 20 });
    expect(form.nodesFor('sum').map((n) => n.answers)).to.deep.equal([[{ valueInteger: 3 }], [{ valueInteger: 30 }]]);
  });

  it('%context in an item is that item’s response item', async () => {
    const form = await open(questionnaire([{ linkId: 'me', type: 'string', extension: [calc("%context.linkId & '!'")] }]));
    expect(valueOf(form, 'me')).to.deep.equal(['me!']);
  });

  it('%questionnaire is the questionnaire being answered', async () => {
    const form = await open(
      questionnaire([{ linkId: 't', type: 'string', extension: [calc('%questionnaire.title')] }], { title: 'My title' }),
    );
    expect(valueOf(form, 't')).to.deep.equal(['My title']);
  });

  it('enableWhenExpression switches an item on and off', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'age', type: 'integer' },
        { linkId: 'adult', type: 'string', extension: [enableWhenExpr(`${itemValue('age')} >= 18`)] },
      ]),
    );
    expect(enabled(form, 'adult')).to.equal(false);
    answer(form, 'age', { valueInteger: 30 });
    expect(enabled(form, 'adult')).to.equal(true);
    answer(form, 'adult', { valueString: 'yes' });
    answer(form, 'age', { valueInteger: 12 });
    expect(enabled(form, 'adult')).to.equal(false);
    expect(buildResponse(form).item!.map((i) => i.linkId)).to.deep.equal(['age']);
  });

  it('a calculation sees an item as soon as an enableWhenExpression turns it on', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'gate', type: 'boolean' },
        { linkId: 'x', type: 'integer', initial: [{ valueInteger: 5 }], extension: [enableWhenExpr(`${itemValue('gate')} = true`)] },
        { linkId: 'y', type: 'integer', extension: [calc(`${itemValue('x')} + 1`)] },
      ]),
    );
    expect(enabled(form, 'x')).to.equal(false);
    expect(valueOf(form, 'y')).to.deep.equal([]);
    answer(form, 'gate', { valueBoolean: true });
    expect(enabled(form, 'x')).to.equal(true);
    expect(valueOf(form, 'y')).to.deep.equal([6]);
    answer(form, 'gate', { valueBoolean: false });
    expect(valueOf(form, 'y')).to.deep.equal([]);
  });

  it('initialExpression fills an empty item once and leaves the answer to the user', async () => {
    const form = await open(
      questionnaire(
        [
          { linkId: 'name', type: 'string', extension: [initialExpr('%who')] },
          { linkId: 'when', type: 'date', extension: [initialExpr('today()')] },
          { linkId: 'n', type: 'integer', extension: [initialExpr('1 + 2')] },
        ],
        { extension: [variable('who', "'Ane'")] },
      ),
    );
    expect(valueOf(form, 'name')).to.deep.equal(['Ane']);
    expect(valueOf(form, 'n')).to.deep.equal([3]);
    const today = valueOf(form, 'when')[0] as string;
    expect(today).to.match(/^\d{4}-\d{2}-\d{2}$/);
    answer(form, 'name', { valueString: 'Bo' });
    answer(form, 'n');
    expect(valueOf(form, 'name')).to.deep.equal(['Bo']);
    // Clearing the answer does not bring the initial value back.
    expect(valueOf(form, 'n')).to.deep.equal([]);
  });

  it('answerExpression gives the options', async () => {
    const form = await open(
      questionnaire(
        [
          { linkId: 'kind', type: 'string' },
          {
            linkId: 'pick',
            type: 'choice',
            extension: [answerExpr("%questionnaire.contained.where(id='vs').expansion.contains.where(%kind.exists().not() or code.startsWith(%kind))")],
          },
        ],
        {
          contained: [
            {
              resourceType: 'ValueSet',
              id: 'vs',
              status: 'active',
              expansion: {
                timestamp: '2024-01-01',
                contains: [
                  { system: 'http://s', code: 'a1', display: 'A one' },
                  { system: 'http://s', code: 'a2', display: 'A two' },
                  { system: 'http://s', code: 'b1', display: 'B one' },
                ],
              },
            },
          ],
          extension: [variable('kind', itemValue('kind'))],
        },
      ),
    );
    const codes = () => (nodeOf(form, 'pick').expressionOptions ?? []).map((a) => a.valueCoding?.code);
    expect(codes()).to.deep.equal(['a1', 'a2', 'b1']);
    expect(nodeOf(form, 'pick').expressionOptions![0]).to.deep.equal({ valueCoding: { system: 'http://s', code: 'a1', display: 'A one' } });
    answer(form, 'kind', { valueString: 'a' });
    expect(codes()).to.deep.equal(['a1', 'a2']);
    answer(form, 'kind', { valueString: 'b' });
    expect(codes()).to.deep.equal(['b1']);
  });

  it('%resource sees the whole response, including nested and repeated answers', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'g', type: 'group', repeats: true, item: [{ linkId: 'n', type: 'integer' }] },
        { linkId: 'count', type: 'integer', extension: [calc("%resource.repeat(item).where(linkId='n').answer.count()")] },
        { linkId: 'total', type: 'integer', extension: [calc("%resource.repeat(item).where(linkId='n').answer.value.sum()")] },
      ]),
    );
    const g = nodeOf(form, 'g');
    form.addRepeat(g);
    form.addRepeat(g);
    form.nodesFor('n').forEach((n, i) => form.setAnswer(n, { valueInteger: (i + 1) * 10 }));
    expect(valueOf(form, 'count')).to.deep.equal([3]);
    expect(valueOf(form, 'total')).to.deep.equal([60]);
  });

  it('a quantity calculation keeps value and unit', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'w', type: 'quantity' },
        { linkId: 'double', type: 'quantity', extension: [calc(`${itemValue('w')} * 2`)] },
        {
          linkId: 'score',
          type: 'quantity',
          extension: [calc(`${itemValue('w')}.value + 1`), { url: EXT.unit, valueCoding: { system: 'http://unitsofmeasure.org', code: '{score}', display: 'points' } }],
        },
      ]),
    );
    answer(form, 'w', { valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } });
    expect(valueOf(form, 'double')).to.deep.equal([{ value: 140, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' }]);
    expect(valueOf(form, 'score')).to.deep.equal([{ value: 71, unit: 'points', system: 'http://unitsofmeasure.org', code: '{score}' }]);
  });

  it('initialExpression also fills a repetition added later', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'row', type: 'group', repeats: true, item: [{ linkId: 'n', type: 'integer', extension: [initialExpr('7')] }] },
      ]),
    );
    form.setAnswer(nodeOf(form, 'n'), { valueInteger: 1 });
    form.addRepeat(nodeOf(form, 'row'));
    expect(form.nodesFor('n').map((n) => n.answers)).to.deep.equal([[{ valueInteger: 1 }], [{ valueInteger: 7 }]]);
  });

  it('initialExpression is not applied to items a resumed response left empty', async () => {
    const form = await open(questionnaire([{ linkId: 'n', type: 'integer', extension: [initialExpr('7')] }, { linkId: 'm', type: 'string' }]));
    expect(valueOf(form, 'n')).to.deep.equal([7]);
    loadResponse(form, { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [{ linkId: 'm', answer: [{ valueString: 'x' }] }] });
    expect(valueOf(form, 'n')).to.deep.equal([]);
    answer(form, 'm', { valueString: 'y' });
    expect(valueOf(form, 'n')).to.deep.equal([]);
  });

  it('a calculation that never settles stops after a few passes', async () => {
    const form = await open(questionnaire([{ linkId: 'x', type: 'integer', extension: [calc(`iif(${itemValue('x')}.exists(), {}, 1)`)] }]));
    // Flips between 1 and empty; what matters is that it ends.
    answer(form, 'x');
    expect(valueOf(form, 'x').length).to.be.at.most(1);
  });

  it('rounds a decimal result to maxDecimalPlaces', async () => {
    const form = await open(
      questionnaire([{ linkId: 'd', type: 'decimal', extension: [calc('10 / 3'), { url: EXT.maxDecimalPlaces, valueInteger: 2 }] }]),
    );
    expect(valueOf(form, 'd')).to.deep.equal([3.33]);
  });

  it('calculated values survive buildResponse → loadResponse', async () => {
    const q = questionnaire([
      { linkId: 'a', type: 'integer' },
      { linkId: 'b', type: 'integer', extension: [calc(`${itemValue('a')} * 3`)] },
    ]);
    const form = await open(q);
    answer(form, 'a', { valueInteger: 2 });
    const qr = buildResponse(form);
    const other = await open(q);
    loadResponse(other, qr);
    expect(valueOf(other, 'b')).to.deep.equal([6]);
    expect(buildResponse(other)).to.deep.equal(qr);
  });

  describe('errors', () => {
    it('a broken expression is refused with expression-error', async () => {
      const session = createQuestionnaireSession(questionnaire([{ linkId: 'x', type: 'integer', extension: [calc('1 +* (2')] }]));
      let err: unknown;
      try {
        await session.ready;
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(KproError);
      expect((err as KproError).code).to.equal('expression-error');
      expect((err as KproError).params.expression).to.equal('1 +* (2');
    });

    it('a broken root variable is refused too', async () => {
      const session = createQuestionnaireSession(questionnaire([{ linkId: 'x', type: 'string' }], { extension: [variable('v', "where(")] }));
      let code: string | undefined;
      await session.ready!.catch((e: KproError) => (code = e.code));
      expect(code).to.equal('expression-error');
    });

    it('an unknown function is refused with expression-error', async () => {
      const session = createQuestionnaireSession(questionnaire([{ linkId: 'x', type: 'integer', extension: [calc('1 + sume()')] }]));
      let err: KproError | undefined;
      await session.ready!.catch((e: KproError) => (err = e));
      expect(err?.code).to.equal('expression-error');
      expect(err?.params.expression).to.equal('1 + sume()');
    });

    it('an expression that fails while running becomes one warning, not a crash', async () => {
      const warnings: KproWarning[] = [];
      const form = await open(
        questionnaire([
          { linkId: 'a', type: 'integer', repeats: true },
          { linkId: 'b', type: 'integer', extension: [calc(`${itemValue('a')}.single() + 1`)] },
        ]),
        warnings,
      );
      answer(form, 'a', { valueInteger: 1 });
      expect(valueOf(form, 'b')).to.deep.equal([2]);
      expect(warnings).to.deep.equal([]);
      // single() on two answers fails at run time.
      answer(form, 'a', { valueInteger: 1 }, { valueInteger: 2 });
      answer(form, 'a', { valueInteger: 3 }, { valueInteger: 4 });
      expect(valueOf(form, 'b')).to.deep.equal([]);
      expect(warnings.map((w) => w.code)).to.deep.equal(['expression-error']);
      expect(form.warnings.filter((w) => w.code === 'expression-error')).to.have.length(1);
    });
  });
});

describe('PHQ-9 total score', () => {
  const CHOICES = ['Not-at-all', 'Several-days', 'More than half the days', 'Nearly every day'];
  // Answers to Q1..Q9 by option index; the expected total is their sum.
  const PICKS = [0, 1, 2, 3, 3, 2, 1, 0, 1];
  const EXPECTED = PICKS.reduce((a, b) => a + b, 0);

  async function phq9WithTotal(expression: string): Promise<Questionnaire> {
    const q = await conformanceQuestionnaire('researchkitonfhir-PHQ-9.json');
    const total: QuestionnaireItem = { linkId: 'total', type: 'integer', text: 'Total', extension: [calc(expression)] };
    q.item!.push(total);
    return q;
  }

  function answerAll(form: Form): void {
    PICKS.forEach((pick, i) => {
      const node = nodeOf(form, `H1/T1/Q${i + 1}`);
      expect(node.def.options.map((o) => o.value.valueCoding?.code)).to.deep.equal(CHOICES);
      form.setAnswer(node, node.def.options[pick]!.value);
    });
  }

  it('sums the option scores the engine reads from the contained value set', async () => {
    const q = await conformanceQuestionnaire('researchkitonfhir-PHQ-9.json');
    const session = createQuestionnaireSession(q);
    await session.ready;
    const form = session.form;
    answerAll(form);
    const scoreOf = (linkId: string) => {
      const node = nodeOf(form, linkId);
      const key = answerKey(node.answers[0]);
      return node.def.options.find((o) => o.key === key)?.score;
    };
    const scores = PICKS.map((_, i) => scoreOf(`H1/T1/Q${i + 1}`));
    expect(scores).to.deep.equal(PICKS);
    expect(scores.reduce((a: number, b) => a + b!, 0)).to.equal(EXPECTED);
  });

  for (const fn of ['weight', 'ordinal']) {
    it(`FHIRPath ${fn}() gives the same total`, async () => {
      const warnings: KproWarning[] = [];
      const form = await open(await phq9WithTotal(`%resource.repeat(item).answer.value.${fn}().sum()`), warnings);
      answerAll(form);
      expect(warnings).to.deep.equal([]);
      expect(valueOf(form, 'total')).to.deep.equal([EXPECTED]);
      const qr = buildResponse(form);
      expect(qr.item!.find((i) => i.linkId === 'total')!.answer).to.deep.equal([{ valueInteger: EXPECTED }]);
    });
  }
});

describe('expressions in published questionnaires', () => {
  it('lforms Apgar: item variables read itemWeight from %questionnaire and the total appears once all are answered', async () => {
    const form = await open(await conformanceQuestionnaire('lforms-apgar-with-itemWeight-variable.json'));
    const parts = ['32406-1', '32407-9', '32409-5', '32408-7', '32410-3'];
    const picks = [2, 1, 0, 2, 1];
    let expected = 0;
    parts.forEach((linkId, i) => {
      expect(valueOf(form, '9272-6'), `total before ${linkId}`).to.deep.equal([]);
      const option = nodeOf(form, linkId).def.options[picks[i]!]!;
      expected += option.score!;
      form.setAnswer(nodeOf(form, linkId), option.value);
    });
    expect(expected).to.equal(6);
    expect(valueOf(form, '9272-6')).to.deep.equal([expected]);
  });

  it('lforms named expressions: a named calculatedExpression is read as a variable, also from the root', async () => {
    const warnings: KproWarning[] = [];
    const form = await open(await conformanceQuestionnaire('lforms-named-expressions.json'), warnings);
    answer(form, 'idA', { valueInteger: 2 });
    expect(valueOf(form, 'idB')).to.deep.equal([3]);
    expect(valueOf(form, 'idB.1')).to.deep.equal([4]);
    // C = varE + 1, varE = varD + 1, varD = B + 2.
    expect(valueOf(form, 'idC')).to.deep.equal([7]);
    expect(warnings).to.deep.equal([]);
  });

  it('smart-forms AU Core body weight: %patient and an x-fhir-query the host did not give are empty, not errors', async () => {
    const warnings: KproWarning[] = [];
    const form = await open(await conformanceQuestionnaire('smartforms-AuCoreObservationBodyWeight.json'), warnings);
    expect(warnings.filter((w) => w.code === 'expression-error')).to.deep.equal([]);
    expect(valueOf(form, 'patient-id')).to.deep.equal([]);
    expect(valueOf(form, 'observation-value')).to.deep.equal([]);
  });

  it('lforms weight/height: BMI from root variables', async () => {
    const form = await open(await conformanceQuestionnaire('lforms-weightHeightQuestionnaire.json'));
    answer(form, '/29463-7', { valueDecimal: 80 });
    expect(valueOf(form, '/39156-5')).to.deep.equal([]);
    // Height is entered in inches here (the variable multiplies by 0.0254).
    answer(form, '/8302-2', { valueDecimal: 70 });
    expect(valueOf(form, '/39156-5')).to.deep.equal([Math.round((80 / (70 * 0.0254) ** 2) * 10) / 10]);
  });
});

describe('SDC FHIRPath functions', () => {
  it("HL7's SDC PHQ-9 example: answers() reaches every answer and the total is calculated", async () => {
    // Before answers() was supported this questionnaire was refused as unreadable FHIRPath.
    const warnings: KproWarning[] = [];
    const form = await open(await conformanceQuestionnaire('sdc-questionnaire-sdc-profile-example-PHQ9.json'), warnings);
    const picks = [0, 1, 2, 3, 3, 2, 1, 0, 1];
    picks.forEach((pick, i) => {
      const node = nodeOf(form, `H1/T1/Q${i + 1}`);
      form.setAnswer(node, node.def.options[pick]!.value);
    });
    expect(warnings).to.deep.equal([]);
    expect(nodeOf(form, 'H1/TS').answers).to.deep.equal([{ valueQuantity: { value: 13 } }]);
  });

  it('answers() includes answers nested under other answers', async () => {
    const form = await open(
      questionnaire([
        { linkId: 'a', type: 'integer', item: [{ linkId: 'a1', type: 'integer' }] },
        { linkId: 'found', type: 'boolean', extension: [calc('%resource.answers().value.where($this = 5).exists()')] },
      ]),
    );
    answer(form, 'a', { valueInteger: 2 });
    expect(valueOf(form, 'found')).to.deep.equal([false]);
    answer(form, 'a1', { valueInteger: 5 });
    expect(valueOf(form, 'found')).to.deep.equal([true]);
  });
});

describe('named expressions, launch contexts and variables we cannot run', () => {
  it('a named calculatedExpression is a variable for the items under it (lforms named-expressions)', async () => {
    const warnings: KproWarning[] = [];
    const form = await open(
      questionnaire(
        [
          { linkId: 'a', type: 'integer' },
          {
            linkId: 'b',
            type: 'integer',
            extension: [{ url: EXT.calculatedExpression, valueExpression: fp(`${itemValue('a')} + 1`, 'varB') }],
            item: [{ linkId: 'b1', type: 'integer', extension: [calc('%varB + 1')] }],
          },
          { linkId: 'c', type: 'integer', extension: [calc('%varD + 1')] },
        ],
        { extension: [{ url: EXT.calculatedExpression, valueExpression: fp(`${itemValue('a')} * 10`, 'varD') }] },
      ),
      warnings,
    );
    answer(form, 'a', { valueInteger: 2 });
    expect(valueOf(form, 'b')).to.deep.equal([3]);
    expect(valueOf(form, 'b1')).to.deep.equal([4]);
    expect(valueOf(form, 'c')).to.deep.equal([21]);
    expect(warnings).to.deep.equal([]);
  });

  it('reads a launch context the host gives (%patient), and cannot let it replace %resource', async () => {
    const q = questionnaire(
      [
        { linkId: 'name', type: 'string', extension: [initialExpr('%patient.name.first().given.first()')] },
        { linkId: 'born', type: 'date', extension: [initialExpr('%patient.birthDate')] },
        { linkId: 'count', type: 'integer', extension: [calc('%resource.item.count()')] },
      ],
      { extension: [patientLaunchContext] },
    );
    const patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Karen', 'Marie'], family: 'Jensen' }], birthDate: '1950-03-01' };
    const warnings: KproWarning[] = [];
    const session = createQuestionnaireSession(q, (w) => warnings.push(w), { launchContext: { patient, resource: { resourceType: 'Patient' } } });
    await session.ready;
    const form = session.form;
    expect(valueOf(form, 'name')).to.deep.equal(['Karen']);
    expect(valueOf(form, 'born')).to.deep.equal(['1950-03-01']);
    expect(valueOf(form, 'count')).to.deep.equal([3]);
    expect(warnings).to.deep.equal([]);
  });

  it('a launch context, a source query and an x-fhir-query variable the host did not give read as empty, without warnings', async () => {
    const warnings: KproWarning[] = [];
    const form = await open(
      questionnaire(
        [
          { linkId: 'name', type: 'string', extension: [initialExpr('%patient.name.first().given.first()')] },
          { linkId: 'weight', type: 'decimal', extension: [initialExpr('%obs.entry.resource.valueQuantity.value')] },
          {
            linkId: 'g',
            type: 'group',
            repeats: true,
            extension: [{ url: EXT.itemPopulationContext, valueExpression: fp('%obs.entry.resource', 'row') }],
            item: [{ linkId: 'g1', type: 'string', extension: [initialExpr('%row.code.text')] }],
          },
          { linkId: 'n', type: 'integer', extension: [calc('%obs.entry.count() + 1')] },
          { linkId: 'total', type: 'integer', extension: [initialExpr('%PrePopQuery.entry.first().resource.total')] },
        ],
        {
          extension: [
            patientLaunchContext,
            { url: EXT.variable, valueExpression: { name: 'obs', language: 'application/x-fhir-query', expression: 'Observation?code=29463-7&patient={{%patient.id}}' } },
            { url: EXT.sourceQueries, valueReference: { reference: '#PrePopQuery' } },
          ],
        },
      ),
      warnings,
    );
    expect(warnings).to.deep.equal([]);
    expect(valueOf(form, 'name')).to.deep.equal([]);
    expect(valueOf(form, 'weight')).to.deep.equal([]);
    expect(valueOf(form, 'n')).to.deep.equal([1]);
  });

  it('a variable nobody declared still warns', async () => {
    const warnings: KproWarning[] = [];
    await open(questionnaire([{ linkId: 'x', type: 'string', extension: [calc('%nowhere.first()')] }]), warnings);
    expect(warnings.map((w) => w.code)).to.deep.equal(['expression-error']);
  });
});

describe('toAnswers', () => {
  it('gives a string result only to string and text items, never an invalid valueString elsewhere', () => {
    const def = compileQuestionnaire(
      questionnaire([
        { linkId: 's', type: 'string' },
        { linkId: 't', type: 'text' },
        { linkId: 'att', type: 'attachment' },
        { linkId: 'ref', type: 'reference' },
      ]),
    );
    const of = (linkId: string) => toAnswers(['x'], def.byLinkId.get(linkId)!);
    expect(of('s')).to.deep.equal([{ valueString: 'x' }]);
    expect(of('t')).to.deep.equal([{ valueString: 'x' }]);
    expect(of('att')).to.deep.equal([]);
    expect(of('ref')).to.deep.equal([]);
  });
});

describe('expressions keep the items of a loaded response', () => {
  // The triage reads the stored answers and the calculated ones off the same item instances; that holds
  // only while calculations change answers and enablement, never which instances there are.
  const content = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}`)).json();
  const cases: Array<[string, () => Promise<Questionnaire>]> = [
    ['kommunal-rehabilitering', () => content('kommunal-rehabilitering.json')],
    ['who-5', () => content('who-5.json')],
    ['HL7 SDC PHQ-9', () => conformanceQuestionnaire('sdc-questionnaire-sdc-profile-example-PHQ9.json')],
    ['lforms Apgar', () => conformanceQuestionnaire('lforms-apgar-with-itemWeight-variable.json')],
    ['lforms named expressions', () => conformanceQuestionnaire('lforms-named-expressions.json')],
  ];
  for (const [name, load] of cases) {
    for (const fastPath of [true, false]) {
      it(`${name}${fastPath ? ' (fast path)' : ''}: the same instances, in the same order, before and after`, async () => {
        const def = compileQuestionnaire(await load());
        // A response with the first option (or a number) in every question, and two of each repeating group.
        const filled = new FormClass(def);
        for (const node of filled.nodes()) if (node.def.type === 'group' && node.def.repeats) filled.addRepeat(node);
        for (const node of filled.nodes()) {
          if (node.def.readOnly) continue;
          if (node.def.options[0]) filled.setAnswer(node, node.def.options[0].value);
          else if (node.def.type === 'integer' || node.def.type === 'decimal') filled.setAnswer(node, { valueInteger: 3 });
        }
        const qr = buildResponse(filled, {}, { status: 'completed' });
        const form = new FormClass(def);
        loadResponse(form, qr);
        const before = [...form.nodes()];
        expect(before.length).to.be.greaterThan(0);
        await attachExpressions(form, undefined, { fastPath });
        const after = form.nodes();
        expect(after.length).to.equal(before.length);
        expect(after.every((n, i) => n === before[i]), 'an item instance was replaced').to.equal(true);
      });
    }
  }
});
