// Conformance: every third-party R4 questionnaire in test/conformance/questionnaires (and any folder the
// runner adds) must compile, keep its items, start with consistent enablement, and round-trip a response.
import { expect } from '@open-wc/testing';
import {
  EXT,
  buildResponse,
  createQuestionnaireSession,
  loadResponse,
  type AnswerValue,
  type EnableWhenDef,
  type Form,
  type ItemDef,
  type ItemNode,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
} from '@kpro/core';

const names = (await (await fetch('/__conformance__/index.json')).json()) as string[];

async function fetchQuestionnaire(name: string): Promise<Questionnaire> {
  const res = await fetch(`/__conformance__/${name}`);
  expect(res.ok, `fetch ${name}`).to.equal(true);
  return (await res.json()) as Questionnaire;
}

async function openForm(q: Questionnaire): Promise<Form> {
  const session = createQuestionnaireSession(structuredClone(q));
  await session.ready;
  return session.form;
}

function* walk(items: QuestionnaireItem[] | undefined, parent?: QuestionnaireItem): Generator<[QuestionnaireItem, QuestionnaireItem | undefined]> {
  for (const item of items ?? []) {
    yield [item, parent];
    yield* walk(item.item, item);
  }
}

const isHelp = (item: QuestionnaireItem) =>
  item.type === 'display' &&
  !!item.extension?.some((e) => e.url === EXT.itemControl && e.valueCodeableConcept?.coding?.some((c) => c.code === 'help'));

/** What an enableWhen condition gives when the question has no answer at all. */
function holdsWithoutAnswer(ew: EnableWhenDef): boolean {
  if (ew.operator === 'exists') return ew.answer.valueBoolean === false;
  return ew.operator === '!=';
}

/** A plausible answer of the item's type; the first option for items with options. */
function sampleAnswer(node: ItemNode): AnswerValue | undefined {
  const def = node.def;
  const options = node.expressionOptions ?? def.options.map((o) => o.value);
  if (options.length) return options[0];
  const min = def.minValue ? Object.values(def.minValue)[0] : undefined;
  switch (def.type) {
    case 'boolean':
      return { valueBoolean: true };
    case 'decimal':
      return { valueDecimal: typeof min === 'number' ? min : def.maxDecimalPlaces === 0 ? 2 : 1.5 };
    case 'integer':
      return { valueInteger: typeof min === 'number' ? min : 2 };
    case 'date':
      return { valueDate: typeof min === 'string' ? min.slice(0, 10) : '2024-05-17' };
    case 'dateTime':
      return { valueDateTime: '2024-05-17T10:30:00+02:00' };
    case 'time':
      return { valueTime: '10:30:00' };
    case 'string':
    case 'text':
      return { valueString: 'Test answer' };
    case 'url':
      return { valueUri: 'https://example.org/' };
    case 'choice':
      return { valueCoding: { system: 'http://example.org/test', code: 'test', display: 'Test' } };
    case 'open-choice':
      return { valueString: 'Something else' };
    case 'attachment':
      return { valueAttachment: { contentType: 'text/plain', data: 'aGVq', title: 'hej.txt', size: 3 } };
    case 'reference':
      return { valueReference: { reference: 'Patient/example' } };
    case 'quantity': {
      const unit = def.unit ?? def.unitOptions[0];
      return { valueQuantity: { value: typeof min === 'number' ? min : 5, ...(unit ? { unit: unit.display ?? unit.code, system: unit.system, code: unit.code } : {}) } };
    }
    default:
      return undefined;
  }
}

const answerable = (node: ItemNode) =>
  node.enabled && node.def.type !== 'group' && node.def.type !== 'display' && !node.def.readOnly && !node.def.expressions.calculated;

/** Answers every enabled answerable item; repeats because answers can enable further items. */
function answerEverything(form: Form): number {
  // A second repetition of each repeating group, so the round trip covers several instances.
  for (const node of [...form.nodes()]) {
    if (node.def.type === 'group' && node.def.repeats && form.repeatsOf(node)[0] === node) form.addRepeat(node);
  }
  let answered = 0;
  for (let round = 0; round < 10; round++) {
    const todo = [...form.nodes()].filter((n) => answerable(n) && n.answers.length === 0);
    if (!todo.length) break;
    let progress = false;
    for (const node of todo) {
      if (!node.enabled) continue;
      const a = sampleAnswer(node);
      if (!a) continue;
      form.setAnswer(node, a);
      if (node.answers.length) {
        answered++;
        progress = true;
      }
    }
    if (!progress) break;
  }
  return answered;
}

describe('conformance corpus', () => {
  it('has questionnaires to check', () => {
    expect(names.length).to.be.greaterThan(20);
  });

  for (const name of names) {
    describe(name, () => {
      let q: Questionnaire;
      before(async () => {
        q = await fetchQuestionnaire(name);
      });

      it('compiles, and every item has a definition with its linkId and type', async () => {
        const form = await openForm(q);
        const def = form.def;
        let count = 0;
        for (const [item, parent] of walk(q.item)) {
          if (isHelp(item) && parent) {
            // Help items become help text of their parent.
            expect(def.byLinkId.get(parent.linkId)!.help, `help of ${parent.linkId}`).to.not.equal(undefined);
            continue;
          }
          const d = def.byLinkId.get(item.linkId);
          expect(d, `def for ${item.linkId}`).to.not.equal(undefined);
          expect(d!.type, `type of ${item.linkId}`).to.equal(item.type);
          expect(d!.raw).to.deep.equal(item);
          count++;
        }
        expect(def.all.length).to.equal(count);
        expect(form.nodesFor(q.item![0]!.linkId).length).to.be.greaterThan(0);
      });

      it('starts with enablement that follows the enableWhen conditions when nothing is answered', async () => {
        const form = await openForm(q);
        // An empty response: no answers and no initial values.
        loadResponse(form, { resourceType: 'QuestionnaireResponse', status: 'in-progress' });
        const expected = new Map<ItemDef, boolean | undefined>();
        const expectedOf = (d: ItemDef): boolean | undefined => {
          if (expected.has(d)) return expected.get(d);
          let on: boolean | undefined = d.parent ? expectedOf(d.parent) : true;
          if (d.expressions.enableWhen) on = undefined; // decided by FHIRPath, checked elsewhere
          if (on && d.enableWhen.length) {
            // A calculated question can have an answer even when nothing was typed: not predictable here.
            if (d.enableWhen.some((ew) => form.def.byLinkId.get(ew.question)?.expressions.calculated)) on = undefined;
            else {
              const results = d.enableWhen.map(holdsWithoutAnswer);
              on = d.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
            }
          }
          expected.set(d, on);
          return on;
        };
        let checked = 0;
        for (const node of form.nodes()) {
          const want = expectedOf(node.def);
          if (want === undefined) continue;
          expect(node.enabled, `${node.linkId} enabled`).to.equal(want);
          if (node.def.enableWhen.length) checked++;
        }
        const withEnableWhen = form.def.all.filter((d) => d.enableWhen.length).length;
        if (withEnableWhen) expect(checked, 'items with enableWhen that were checked').to.be.greaterThan(0);
      });

      it('round-trips a response with every enabled item answered', async () => {
        const form = await openForm(q);
        const answered = answerEverything(form);
        const first: QuestionnaireResponse = buildResponse(form, {}, { status: 'completed' });
        if (answered) expect(first.item?.length ?? 0, 'response items').to.be.greaterThan(0);
        // Every answered, enabled node made it into the response.
        const inResponse = JSON.stringify(first);
        for (const node of form.nodes()) {
          if (node.enabled && node.answers.length) expect(inResponse, node.linkId).to.contain(JSON.stringify(node.linkId));
        }

        const again = await openForm(q);
        const warnings = loadResponse(again, structuredClone(first));
        expect(warnings, 'load warnings').to.deep.equal([]);
        const second = buildResponse(again, {}, { status: 'completed' });
        expect(second).to.deep.equal(first);
      });
    });
  }
});

describe('lforms enableWhen test questionnaire, hand-checked', () => {
  let form: Form;
  const on = (linkId: string) => {
    const nodes = form.nodesFor(linkId);
    expect(nodes, linkId).to.have.length(1);
    return nodes[0]!.enabled;
  };
  const set = (linkId: string, ...answers: AnswerValue[]) => form.setAnswers(form.nodesFor(linkId)[0]!, answers);
  const states = (...linkIds: string[]) => Object.fromEntries(linkIds.map((l) => [l, on(l)]));
  const coding = (code: string) => ({ valueCoding: { system: 'test-coding', code, display: code } });

  beforeEach(async () => {
    form = await openForm(await fetchQuestionnaire('lforms-enableWhen-test.R4.json'));
  });

  it('boolean: exists, = and != before and after answering', () => {
    const ids = ['Q1-exists', 'Q1-not-exists', 'Q1-true', 'Q1-false', 'Q1-not-true'];
    expect(states(...ids)).to.deep.equal({ 'Q1-exists': false, 'Q1-not-exists': true, 'Q1-true': false, 'Q1-false': false, 'Q1-not-true': true });
    set('Q1', { valueBoolean: true });
    expect(states(...ids)).to.deep.equal({ 'Q1-exists': true, 'Q1-not-exists': false, 'Q1-true': true, 'Q1-false': false, 'Q1-not-true': false });
    set('Q1', { valueBoolean: false });
    expect(states(...ids)).to.deep.equal({ 'Q1-exists': true, 'Q1-not-exists': false, 'Q1-true': false, 'Q1-false': true, 'Q1-not-true': true });
  });

  it('decimal and integer: = and >=', () => {
    set('Q2', { valueDecimal: 5.6 });
    expect(states('Q2-equal', 'Q2-ge')).to.deep.equal({ 'Q2-equal': true, 'Q2-ge': true });
    set('Q2', { valueDecimal: 4.8 });
    expect(states('Q2-equal', 'Q2-ge')).to.deep.equal({ 'Q2-equal': false, 'Q2-ge': true });
    set('Q2', { valueDecimal: 4.7 });
    expect(states('Q2-equal', 'Q2-ge')).to.deep.equal({ 'Q2-equal': false, 'Q2-ge': false });
    set('Q3', { valueInteger: 4 });
    expect(states('Q3-equal', 'Q3-ge')).to.deep.equal({ 'Q3-equal': false, 'Q3-ge': true });
    set('Q3', { valueInteger: 5 });
    expect(states('Q3-equal', 'Q3-ge')).to.deep.equal({ 'Q3-equal': true, 'Q3-ge': true });
  });

  it('date: = and >=; dateTime and time: exists', () => {
    set('Q4', { valueDate: '2020-05-01' });
    expect(states('Q4-equal', 'Q4-ge')).to.deep.equal({ 'Q4-equal': true, 'Q4-ge': true });
    set('Q4', { valueDate: '2021-01-01' });
    expect(states('Q4-equal', 'Q4-ge')).to.deep.equal({ 'Q4-equal': false, 'Q4-ge': true });
    set('Q4', { valueDate: '2020-04-30' });
    expect(states('Q4-equal', 'Q4-ge')).to.deep.equal({ 'Q4-equal': false, 'Q4-ge': false });
    set('Q5', { valueDateTime: '2020-05-01T10:00:00Z' });
    set('Q6', { valueTime: '10:00:00' });
    expect(states('Q5-exists', 'Q5-not-exists', 'Q6-exists', 'Q6-not-exists')).to.deep.equal({
      'Q5-exists': true,
      'Q5-not-exists': false,
      'Q6-exists': true,
      'Q6-not-exists': false,
    });
  });

  it('string: =, !=, >, >=, <, <=', () => {
    const ids = ['Q7-equals', 'Q7-notequals', 'Q7-gt', 'Q7-ge', 'Q7-ge2', 'Q7-lt', 'Q7-le', 'Q7-le2'];
    set('Q7', { valueString: 'test' });
    // Q7-lt is "Q7 > testing" and Q7-le is "Q7 < test" in the file.
    expect(states(...ids)).to.deep.equal({
      'Q7-equals': true,
      'Q7-notequals': false,
      'Q7-gt': true,
      'Q7-ge': true,
      'Q7-ge2': true,
      'Q7-lt': false,
      'Q7-le': false,
      'Q7-le2': true,
    });
    set('Q7', { valueString: 'tesa' });
    expect(states(...ids)).to.deep.equal({
      'Q7-equals': false,
      'Q7-notequals': true,
      'Q7-gt': true,
      'Q7-ge': false,
      'Q7-ge2': true,
      'Q7-lt': false,
      'Q7-le': true,
      'Q7-le2': true,
    });
  });

  it('multi-select choice: = B, and = B all = C', () => {
    set('Q8', coding('B'));
    expect(states('Q8-exists', 'Q8-eq-B', 'Q8-eq-B-and-C')).to.deep.equal({ 'Q8-exists': true, 'Q8-eq-B': true, 'Q8-eq-B-and-C': false });
    set('Q8', coding('B'), coding('C'));
    expect(states('Q8-eq-B', 'Q8-eq-B-and-C')).to.deep.equal({ 'Q8-eq-B': true, 'Q8-eq-B-and-C': true });
    set('Q8', coding('A'), coding('C'));
    expect(states('Q8-eq-B', 'Q8-eq-B-and-C')).to.deep.equal({ 'Q8-eq-B': false, 'Q8-eq-B-and-C': false });
  });

  it('single choice on Coding, string and integer options: = and !=', () => {
    set('Q9', coding('B'));
    expect(states('Q9-eq-B', 'Q9-noteq-B')).to.deep.equal({ 'Q9-eq-B': true, 'Q9-noteq-B': false });
    set('Q9', coding('A'));
    expect(states('Q9-eq-B', 'Q9-noteq-B')).to.deep.equal({ 'Q9-eq-B': false, 'Q9-noteq-B': true });
    set('Q9a', { valueString: 'B' });
    expect(states('Q9a-eq-B', 'Q9a-noteq-B')).to.deep.equal({ 'Q9a-eq-B': true, 'Q9a-noteq-B': false });
    set('Q9b', { valueInteger: 34 });
    expect(states('Q9b-eq-B', 'Q9b-noteq-B')).to.deep.equal({ 'Q9b-eq-B': true, 'Q9b-noteq-B': false });
  });

  it('enableWhenExpression joining two answers', () => {
    expect(on('Q10-ewe')).to.equal(false);
    set('Q10', { valueString: 'chic' });
    set('Q10b', { valueString: 'ken' });
    expect(on('Q10-ewe')).to.equal(true);
    set('Q10b', { valueString: 'pea' });
    expect(on('Q10-ewe')).to.equal(false);
  });
});
