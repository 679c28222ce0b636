import { expect } from '@open-wc/testing';
import type { Coding, Extension, Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '../fhir/types.js';
import { EXT } from '../fhir/extensions.js';
import { answer, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { compileQuestionnaire, type ItemDef } from './definition.js';
import { attachExpressions } from './expressions.js';
import { compileFast, fastPlanFor } from './fast-expressions.js';
import { Form } from './form.js';
import { buildResponse, loadResponse } from './response.js';
import type { AnswerValue } from './values.js';

const CONTENT = ['who-5', 'who-5-v0.9', 'kommunal-rehabilitering'];
const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const content = Object.fromEntries(await Promise.all(CONTENT.map(async (n) => [n, await load(n)] as const)));

const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const calc = (expression: string): Extension => ({ url: EXT.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression } });
const sum = (ids: string[]) => `%resource.repeat(item).where(linkId in (${ids.map((i) => `'${i}'`).join(' | ')})).answer.value.ordinal().sum()`;
const option = (code: string, score?: number | { valueInteger: number }): NonNullable<QuestionnaireItem['answerOption']>[number] => ({
  valueCoding: { system: 'urn:test', code },
  ...(score === undefined ? {} : { extension: [{ url: ORDINAL, ...(typeof score === 'number' ? { valueDecimal: score } : score) }] }),
});
const choice = (linkId: string, scores: (number | undefined)[]): QuestionnaireItem => ({
  linkId,
  type: 'choice',
  answerOption: scores.map((s, i) => option(`c${i}`, s)),
});

/** A small deterministic generator (mulberry32), so a failure can be reproduced from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An answer set for every question (not the calculated items): some left out, options and numbers at random. */
function randomResponse(q: Questionnaire, seed: number): QuestionnaireResponse {
  const rnd = random(seed);
  const form = new Form(compileQuestionnaire(q));
  // Every question answered in a third of the sets (so all-or-nothing scores are reached), up to 40 % left out otherwise.
  const skip = seed % 3 === 0 ? 0 : rnd() * 0.4;
  for (const node of form.nodes()) {
    const d = node.def;
    if (d.expressions.calculated || d.type === 'group' || d.type === 'display' || rnd() < skip) continue;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let value: AnswerValue | undefined;
    if (d.options.length) value = pick(d.options).value;
    else if (d.type === 'integer') value = { valueInteger: Math.floor(rnd() * 12) };
    else if (d.type === 'decimal') value = { valueDecimal: Math.floor(rnd() * 100) };
    else if (d.type === 'boolean') value = { valueBoolean: rnd() < 0.5 };
    else if (d.type === 'string' || d.type === 'text') value = { valueString: 'tekst' };
    if (value) form.setAnswers(node, [value]);
  }
  return buildResponse(form, {}, { status: 'completed' });
}

interface Calculated {
  items: { linkId: string; enabled: boolean; answers: AnswerValue[] }[];
  warnings: string[];
}

/** Every item's answers and enablement after loading `qr` and calculating, with or without the fast path. */
async function calculate(q: Questionnaire, qr: QuestionnaireResponse, fastPath: boolean): Promise<Calculated> {
  const form = new Form(compileQuestionnaire(q));
  loadResponse(form, qr);
  const warnings: string[] = [];
  await attachExpressions(form, (w) => warnings.push(w.message), { fastPath });
  return { items: form.nodes().map((n) => ({ linkId: n.def.linkId, enabled: n.enabled, answers: n.answers })), warnings };
}

const expressionsOf = (d: ItemDef) => [d.expressions.calculated, d.expressions.enableWhen].filter((e): e is string => !!e);

describe('FHIRPath fast path (fast-expressions.ts)', () => {
  describe('equals fhirpath on the sample content', () => {
    for (const name of CONTENT) {
      it(`${name}: every expression is in the fast subset`, () => {
        const def = compileQuestionnaire(content[name]!);
        const all = def.all.flatMap(expressionsOf);
        expect(all.length, 'the questionnaire has calculated items').to.be.greaterThan(0);
        for (const e of all) expect(compileFast(e, def.questionnaire), e).to.not.equal(undefined);
        expect(fastPlanFor(def)).to.not.equal(undefined);
      });

      it(`${name}: every calculated item equals fhirpath over 120 answer sets`, async function () {
        this.timeout(60_000); // fhirpath takes a while for 120 responses
        const q = content[name]!;
        let calculated = 0;
        for (let seed = 1; seed <= 120; seed++) {
          const qr = randomResponse(q, seed);
          const [fast, slow] = await Promise.all([calculate(q, qr, true), calculate(q, qr, false)]);
          expect(fast, `seed ${seed}`).to.deep.equal(slow);
          expect(slow.warnings, `seed ${seed}: no expression errors`).to.deep.equal([]);
          calculated += slow.items.filter((n) => n.answers.length && compileQuestionnaire(q).byLinkId.get(n.linkId)?.expressions.calculated).length;
        }
        // The answer sets must reach the calculations, or the comparison proves nothing.
        expect(calculated, 'calculated values compared').to.be.greaterThan(40);
      });
    }

    it('also with a stored score that is wrong (the calculation replaces it in the computed form)', async () => {
      const q = content['who-5']!;
      const qr = randomResponse(q, 7);
      const score = qr.item!.flatMap(function flat(i): NonNullable<QuestionnaireResponse['item']> {
        return [i, ...(i.item ?? []).flatMap(flat)];
      });
      for (const i of score) if (compileQuestionnaire(q).byLinkId.get(i.linkId)?.expressions.calculated) i.answer = [{ valueDecimal: 999 }];
      expect(await calculate(q, qr, true)).to.deep.equal(await calculate(q, qr, false));
    });
  });

  describe('the subset', () => {
    const q = questionnaire([choice('a', [0, 1, 2]), choice('b', [0, 1, 2])]);
    it('reads what the sample content uses', () => {
      for (const e of [
        `${sum(['a', 'b'])} * 4`,
        `iif(%resource.repeat(item).where(linkId in ('a' | 'b')).where(answer.exists()).count() = 2, ${sum(['a', 'b'])}, {})`,
        `%resource.repeat(item).where(linkId = 'a').answer.value.where(code in ('c1' | 'c2')).exists() or ${sum(['b'])} <= 1`,
        `iif(%resource.repeat(item).where(linkId = 'a').answer.exists(), 0, iif(${sum(['b'])} > 1, 1 + 2 - 3, {}))`,
      ]) {
        expect(compileFast(e, q), e).to.not.equal(undefined);
      }
    });

    it('leaves everything else to fhirpath', () => {
      for (const e of [
        '%questionnaire.item.count()', // another variable
        '%score + 1', // a named variable
        `${sum(['a'])} * 2.5`, // a decimal literal
        `${sum(['a'])} / 2`, // division gives decimals
        'answer.value', // navigation from the context item
        `${sum(['a'])}.round()`, // a function outside the subset
        `-${sum(['a'])}`, // unary minus
        `${sum(['a'])} < 2 = true`, // a chained comparison (FHIRPath's precedence would apply)
        `%resource.repeat(answer)`, // repeat of anything but item
        `%resource.repeat(item).where(linkId = 'a\\'')`, // a string escape
        `%resource.repeat(item).where(linkId = 'a') and true`, // boolean literals
        'iif(true', // broken: fhirpath reports it
        '',
      ]) {
        expect(compileFast(e, q), e).to.equal(undefined);
      }
    });

    it('is not used for questionnaires with variables, initial or answer expressions, or repeating groups', () => {
      const score = { linkId: 's', type: 'decimal' as const, extension: [calc(sum(['a']))] };
      expect(fastPlanFor(compileQuestionnaire(questionnaire([choice('a', [1]), score])))).to.not.equal(undefined);
      expect(fastPlanFor(compileQuestionnaire(questionnaire([{ linkId: 'g', type: 'group', repeats: true, item: [choice('a', [1])] }, score])))).to.equal(undefined);
      const variable = { url: EXT.variable, valueExpression: { language: 'text/fhirpath', name: 'x', expression: '1' } };
      expect(fastPlanFor(compileQuestionnaire(questionnaire([choice('a', [1]), score], { extension: [variable] })))).to.equal(undefined);
      const initial = { url: EXT.initialExpression, valueExpression: { language: 'text/fhirpath', expression: '1' } };
      expect(fastPlanFor(compileQuestionnaire(questionnaire([{ ...choice('a', [1]), extension: [initial] }, score])))).to.equal(undefined);
      expect(fastPlanFor(compileQuestionnaire(questionnaire([choice('a', [1]), { ...score, extension: [calc('%resource.item.count().toString()')] }])))).to.equal(undefined);
    });
  });

  describe('answers the fast path cannot match exactly go to fhirpath (and give its result)', () => {
    // [what, items, answers, whether fhirpath gives a score]
    const cases: [string, QuestionnaireItem[], Record<string, Coding | number>, boolean][] = [
      ['a decimal ordinal', [choice('a', [0.5, 1.25]), choice('b', [1, 2])], { a: { system: 'urn:test', code: 'c1' }, b: { system: 'urn:test', code: 'c1' } }, true],
      ['an ordinal given as valueInteger (fhirpath then looks in value sets)', [{ ...choice('a', []), answerOption: [option('c0', { valueInteger: 3 })] }, choice('b', [1])], { a: { system: 'urn:test', code: 'c0' }, b: { system: 'urn:test', code: 'c0' } }, false],
      ['a score carried on the answer itself', [choice('a', [1, 2]), choice('b', [1])], { a: { system: 'urn:test', code: 'c0', extension: [{ url: ORDINAL, valueDecimal: 7 }] } as Coding, b: { system: 'urn:test', code: 'c0' } }, true],
      ['an answer without an option', [choice('a', [1, 2]), choice('b', [1])], { a: { system: 'urn:other', code: 'x' }, b: { system: 'urn:test', code: 'c0' } }, true],
    ];
    for (const [what, items, answers, scored] of cases) {
      it(what, async () => {
        const q = questionnaire([...items, { linkId: 's', type: 'decimal', extension: [calc(`${sum(['a', 'b'])} * 2`)] }]);
        const qr: QuestionnaireResponse = {
          resourceType: 'QuestionnaireResponse',
          status: 'completed',
          item: Object.entries(answers).map(([linkId, v]) => ({ linkId, answer: [typeof v === 'number' ? { valueDecimal: v } : { valueCoding: v }] })),
        };
        const fast = await calculate(q, qr, true);
        expect(fast).to.deep.equal(await calculate(q, qr, false));
        expect(fast.items.find((n) => n.linkId === 's')!.answers.length > 0, 'a score was calculated').to.equal(scored);
      });
    }

    it('also when an answer typed later needs fhirpath: the form is recalculated once it has loaded', async () => {
      const q = questionnaire([
        { linkId: 'x', type: 'decimal' },
        { linkId: 's', type: 'decimal', extension: [calc(`%resource.repeat(item).where(linkId = 'x').answer.value.sum() * 2`)] },
      ]);
      const form = new Form(compileQuestionnaire(q));
      await attachExpressions(form, undefined, { fastPath: true });
      answer(form, 'x', { valueDecimal: 3 });
      expect(nodeOf(form, 's').answers, 'an integer: the fast path').to.deep.equal([{ valueDecimal: 6 }]);
      const changed = new Promise<void>((resolve) => form.onChange(() => resolve()));
      answer(form, 'x', { valueDecimal: 2.5 });
      await changed;
      for (let i = 0; i < 50 && nodeOf(form, 's').answers[0]?.valueDecimal !== 5; i++) await new Promise((r) => setTimeout(r, 20));
      expect(nodeOf(form, 's').answers, 'a decimal: fhirpath').to.deep.equal([{ valueDecimal: 5 }]);
    });
  });

  it('three-valued and/or and iif as in FHIRPath', async () => {
    const has = (id: string) => `%resource.repeat(item).where(linkId = '${id}').answer.value.where(code = 'c1').exists()`;
    const score = (id: string) => `${sum([id])} >= 1`; // empty when ${id} is unanswered
    const q = questionnaire([
      choice('a', [0, 1]),
      choice('b', [0, 1]),
      { linkId: 'and', type: 'boolean', extension: [calc(`${score('a')} and ${score('b')}`)] },
      { linkId: 'or', type: 'boolean', extension: [calc(`${score('a')} or ${score('b')}`)] },
      { linkId: 'iif', type: 'integer', extension: [calc(`iif(${score('a')}, 1, iif(${has('b')}, 2))`)] },
    ]);
    for (const a of [undefined, 'c0', 'c1']) {
      for (const b of [undefined, 'c0', 'c1']) {
        const qr: QuestionnaireResponse = {
          resourceType: 'QuestionnaireResponse',
          status: 'completed',
          item: Object.entries({ a, b }).flatMap(([linkId, code]) => (code ? [{ linkId, answer: [{ valueCoding: { system: 'urn:test', code } }] }] : [])),
        };
        expect(await calculate(q, qr, true), `a=${a} b=${b}`).to.deep.equal(await calculate(q, qr, false));
      }
    }
    // And the table itself, so the test would notice if both engines changed alike.
    const qr = (a: string) => ({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a', answer: [{ valueCoding: { system: 'urn:test', code: a } }] }] }) as QuestionnaireResponse;
    const values = async (r: QuestionnaireResponse) => Object.fromEntries((await calculate(q, r, true)).items.map((n) => [n.linkId, n.answers.map((x) => Object.values(x)[0])]));
    expect(await values(qr('c1'))).to.deep.include({ and: [], or: [true], iif: [1] });
    expect(await values(qr('c0'))).to.deep.include({ and: [false], or: [], iif: [] });
  });
});
