import { expect } from '@open-wc/testing';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { Form, answer, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { KproError } from './errors.js';
import { buildResponse, loadResponse } from './response.js';

const everyType = () =>
  questionnaire(
    [
      { linkId: 'display', type: 'display', text: 'Read this' },
      { linkId: 'boolean', type: 'boolean', text: 'Boolean' },
      { linkId: 'decimal', type: 'decimal', text: 'Decimal' },
      { linkId: 'integer', type: 'integer', text: 'Integer' },
      { linkId: 'date', type: 'date', text: 'Date' },
      { linkId: 'dateTime', type: 'dateTime', text: 'DateTime' },
      { linkId: 'time', type: 'time', text: 'Time' },
      { linkId: 'string', type: 'string', text: 'String' },
      { linkId: 'text', type: 'text', text: 'Text' },
      { linkId: 'url', type: 'url', text: 'Url' },
      {
        linkId: 'choice',
        type: 'choice',
        text: 'Choice',
        answerOption: [{ valueCoding: { system: 'http://s', code: 'a', display: 'A' } }, { valueCoding: { system: 'http://s', code: 'b', display: 'B' } }],
      },
      {
        linkId: 'choice-multi',
        type: 'choice',
        repeats: true,
        answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }, { valueInteger: 3 }],
      },
      {
        linkId: 'open-choice',
        type: 'open-choice',
        repeats: true,
        answerOption: [{ valueCoding: { system: 'http://s', code: 'a', display: 'A' } }],
      },
      { linkId: 'attachment', type: 'attachment' },
      { linkId: 'reference', type: 'reference' },
      { linkId: 'quantity', type: 'quantity' },
      {
        linkId: 'group',
        type: 'group',
        text: 'Group',
        item: [
          { linkId: 'group.q', type: 'string' },
          { linkId: 'group.inner', type: 'group', item: [{ linkId: 'group.inner.q', type: 'integer' }] },
        ],
      },
      {
        linkId: 'rep',
        type: 'group',
        repeats: true,
        item: [{ linkId: 'rep.q', type: 'string' }],
      },
      {
        linkId: 'parent-q',
        type: 'boolean',
        text: 'Question with children',
        item: [{ linkId: 'child-q', type: 'string', text: 'Child' }],
      },
    ],
    { id: 'every-type', version: '1' },
  );

function fillEveryType(form: Form): void {
  answer(form, 'boolean', { valueBoolean: false });
  answer(form, 'decimal', { valueDecimal: 3.25 });
  answer(form, 'integer', { valueInteger: -4 });
  answer(form, 'date', { valueDate: '2024-02-29' });
  answer(form, 'dateTime', { valueDateTime: '2024-02-29T13:45:00+01:00' });
  answer(form, 'time', { valueTime: '07:05:00' });
  answer(form, 'string', { valueString: 'Æblegrød – “quoted”' });
  answer(form, 'text', { valueString: 'line one\nline two' });
  answer(form, 'url', { valueUri: 'https://example.org/a?b=c' });
  answer(form, 'choice', { valueCoding: { system: 'http://s', code: 'b', display: 'B' } });
  answer(form, 'choice-multi', { valueInteger: 1 }, { valueInteger: 3 });
  answer(form, 'open-choice', { valueCoding: { system: 'http://s', code: 'a', display: 'A' } }, { valueString: 'something else' });
  answer(form, 'attachment', { valueAttachment: { contentType: 'text/plain', data: 'aGVq', title: 'hej.txt', size: 3 } });
  answer(form, 'reference', { valueReference: { reference: 'Practitioner/123', display: 'Dr. Who' } });
  answer(form, 'quantity', { valueQuantity: { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } });
  answer(form, 'group.q', { valueString: 'in a group' });
  answer(form, 'group.inner.q', { valueInteger: 9 });
  const rep = nodeOf(form, 'rep');
  form.setAnswer(form.nodesFor('rep.q')[0]!, { valueString: 'first' });
  form.addRepeat(rep);
  form.setAnswer(form.nodesFor('rep.q')[1]!, { valueString: 'second' });
  answer(form, 'parent-q', { valueBoolean: true });
  answer(form, 'child-q', { valueString: 'nested under the answer' });
}

describe('buildResponse', () => {
  it('writes every answer type with the right value[x]', () => {
    const form = new Form(everyType());
    fillEveryType(form);
    const qr = buildResponse(form, {}, { status: 'completed', authored: '2024-03-01T10:00:00Z' });
    expect(qr.resourceType).to.equal('QuestionnaireResponse');
    expect(qr.questionnaire).to.equal('http://example.org/Questionnaire/test|1');
    expect(qr.status).to.equal('completed');
    expect(qr.authored).to.equal('2024-03-01T10:00:00Z');
    const byId = new Map(qr.item!.map((i) => [i.linkId, i]));
    expect(byId.has('display')).to.equal(false);
    expect(byId.get('boolean')).to.deep.equal({ linkId: 'boolean', text: 'Boolean', answer: [{ valueBoolean: false }] });
    expect(byId.get('choice-multi')!.answer).to.deep.equal([{ valueInteger: 1 }, { valueInteger: 3 }]);
    expect(byId.get('group')!.item!.map((i) => i.linkId)).to.deep.equal(['group.q', 'group.inner']);
    expect(qr.item!.filter((i) => i.linkId === 'rep').map((i) => i.item![0]!.answer![0]!.valueString)).to.deep.equal(['first', 'second']);
    // Children of a question belong to its answer.
    expect(byId.get('parent-q')).to.deep.equal({
      linkId: 'parent-q',
      text: 'Question with children',
      answer: [{ valueBoolean: true, item: [{ linkId: 'child-q', text: 'Child', answer: [{ valueString: 'nested under the answer' }] }] }],
    });
  });

  it('keeps answers nested under a question that has no answer itself', () => {
    const form = new Form(everyType());
    answer(form, 'child-q', { valueString: 'answered without the parent' });
    const qr = buildResponse(form);
    expect(qr.item).to.deep.equal([{ linkId: 'parent-q', text: 'Question with children', item: [{ linkId: 'child-q', text: 'Child', answer: [{ valueString: 'answered without the parent' }] }] }]);
    const again = new Form(everyType());
    loadResponse(again, qr);
    expect(nodeOf(again, 'child-q').answers).to.deep.equal([{ valueString: 'answered without the parent' }]);
    expect(buildResponse(again)).to.deep.equal(qr);
  });

  it('round-trips every item type through loadResponse unchanged', () => {
    const form = new Form(everyType());
    fillEveryType(form);
    const first = buildResponse(form, {}, { status: 'in-progress' });
    const again = new Form(everyType());
    const warnings = loadResponse(again, structuredClone(first));
    expect(warnings).to.deep.equal([]);
    const second = buildResponse(again, {}, { status: 'in-progress' });
    expect(second).to.deep.equal(first);
  });

  it('keeps fields of the response it was loaded from', () => {
    const form = new Form(everyType());
    const base: Partial<QuestionnaireResponse> = { id: 'qr-1', basedOn: [{ reference: 'ServiceRequest/9' }], subject: { reference: 'Patient/1' } };
    const qr = buildResponse(form, base, { author: { reference: 'Practitioner/2' } });
    expect(qr.id).to.equal('qr-1');
    expect(qr.basedOn).to.deep.equal([{ reference: 'ServiceRequest/9' }]);
    expect(qr.subject).to.deep.equal({ reference: 'Patient/1' });
    expect(qr.author).to.deep.equal({ reference: 'Practitioner/2' });
    expect(qr.status).to.equal('in-progress');
    expect('item' in qr).to.equal(false);
  });

  it('points at Questionnaire/id when the questionnaire has no url', () => {
    const q = everyType();
    delete q.url;
    expect(buildResponse(new Form(q)).questionnaire).to.equal('Questionnaire/every-type');
  });

  it('writes the translated item text for the response language', () => {
    const q = questionnaire(
      [
        {
          linkId: 'q',
          type: 'string',
          text: 'Hvordan har du det?',
          _text: {
            extension: [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/translation',
                extension: [
                  { url: 'lang', valueCode: 'en' },
                  { url: 'content', valueString: 'How are you?' },
                ],
              },
            ],
          },
        },
      ],
      { language: 'da' },
    );
    const form = new Form(q);
    answer(form, 'q', { valueString: 'fint' });
    expect(buildResponse(form, {}, { language: 'en' }).item![0]!.text).to.equal('How are you?');
    expect(buildResponse(form, {}, { language: 'da' }).item![0]!.text).to.equal('Hvordan har du det?');
    expect(buildResponse(form).item![0]!.text).to.equal('Hvordan har du det?');
  });

  it('includeEmpty keeps unanswered items and records node → item', () => {
    const form = new Form(everyType());
    const nodeMap = new Map();
    const qr = buildResponse(form, {}, {}, { includeEmpty: true, nodeMap });
    expect(qr.item!.map((i) => i.linkId)).to.include.members(['boolean', 'group', 'rep', 'parent-q']);
    expect(nodeMap.get(nodeOf(form, 'child-q'))).to.deep.include({ linkId: 'child-q' });
  });
});

describe('loadResponse', () => {
  it('refuses something that is not a QuestionnaireResponse', () => {
    const form = new Form(everyType());
    let err: unknown;
    try {
      loadResponse(form, { resourceType: 'Patient' } as unknown as QuestionnaireResponse);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(KproError);
    expect((err as KproError).code).to.equal('response-mismatch');
  });

  it('warns about another questionnaire and unknown linkIds, keeps the rest', () => {
    const form = new Form(everyType());
    const warnings = loadResponse(form, {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      questionnaire: 'http://example.org/Questionnaire/other',
      item: [
        { linkId: 'string', answer: [{ valueString: 'kept' }] },
        { linkId: 'ghost', answer: [{ valueString: 'lost' }] },
        { linkId: 'group', item: [{ linkId: 'ghost-in-group', answer: [{ valueInteger: 1 }] }] },
      ],
    });
    expect(warnings.map((w) => w.code).sort()).to.deep.equal(['response-mismatch', 'unknown-link-id', 'unknown-link-id']);
    expect(warnings.map((w) => w.params.linkId).filter(Boolean)).to.have.members(['ghost', 'ghost-in-group']);
    expect(nodeOf(form, 'string').answers).to.deep.equal([{ valueString: 'kept' }]);
  });

  it('accepts the questionnaire by url|version, by url alone and by id', () => {
    for (const ref of ['http://example.org/Questionnaire/test|1', 'http://example.org/Questionnaire/test', 'Questionnaire/every-type']) {
      const form = new Form(everyType());
      expect(loadResponse(form, { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: ref }), ref).to.deep.equal([]);
    }
    const form = new Form(everyType());
    const w = loadResponse(form, { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: 'http://example.org/Questionnaire/test|2' });
    expect(w.map((x) => x.code)).to.deep.equal(['response-mismatch']);
  });

  it('a questionnaire without url or id accepts the responses it wrote', () => {
    const q = everyType();
    delete q.url;
    delete q.id;
    const form = new Form(q);
    answer(form, 'string', { valueString: 'x' });
    const qr = buildResponse(form);
    expect(qr.questionnaire).to.equal('Questionnaire/unknown');
    expect(loadResponse(new Form(q), qr)).to.deep.equal([]);
  });

  it('merges a repeating question given as several items', () => {
    const form = new Form(everyType());
    loadResponse(form, {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        { linkId: 'choice-multi', answer: [{ valueInteger: 1 }] },
        { linkId: 'choice-multi', answer: [{ valueInteger: 2 }] },
      ],
    });
    expect(nodeOf(form, 'choice-multi').answers).to.deep.equal([{ valueInteger: 1 }, { valueInteger: 2 }]);
  });

  it('does not apply initial values to items the response left out', () => {
    const q = questionnaire([
      { linkId: 'a', type: 'string', initial: [{ valueString: 'default' }] },
      { linkId: 'b', type: 'string' },
    ]);
    const form = new Form(q);
    expect(nodeOf(form, 'a').answers).to.have.length(1);
    loadResponse(form, { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [{ linkId: 'b', answer: [{ valueString: 'x' }] }] });
    expect(nodeOf(form, 'a').answers).to.deep.equal([]);
    expect(buildResponse(form).item).to.deep.equal([{ linkId: 'b', answer: [{ valueString: 'x' }] }]);
  });

  it('restores repeating groups and enablement within each repetition', () => {
    const q = questionnaire([
      {
        linkId: 'g',
        type: 'group',
        repeats: true,
        item: [
          { linkId: 'g.yes', type: 'boolean' },
          { linkId: 'g.more', type: 'string', enableWhen: [{ question: 'g.yes', operator: '=', answerBoolean: true }] },
        ],
      },
    ]);
    const form = new Form(q);
    loadResponse(form, {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        { linkId: 'g', item: [{ linkId: 'g.yes', answer: [{ valueBoolean: false }] }] },
        { linkId: 'g', item: [{ linkId: 'g.yes', answer: [{ valueBoolean: true }] }, { linkId: 'g.more', answer: [{ valueString: 'x' }] }] },
      ],
    });
    expect(form.nodesFor('g')).to.have.length(2);
    expect(form.nodesFor('g.more').map((n) => n.enabled)).to.deep.equal([false, true]);
    expect(form.nodesFor('g.more')[1]!.answers).to.deep.equal([{ valueString: 'x' }]);
  });

  it('sibling items that share a linkId each get their own answers back (HL7 SDC enableWhen test form)', () => {
    // Invalid in R4 (que-2) but published: three groups share a linkId and hold different questions.
    const q = questionnaire([
      { linkId: 'dup', type: 'group', item: [{ linkId: 'a', type: 'string' }] },
      { linkId: 'dup', type: 'group', item: [{ linkId: 'b', type: 'string' }] },
      { linkId: 'dup', type: 'group', item: [{ linkId: 'c', type: 'string' }] },
      { linkId: 'q', type: 'string' },
      { linkId: 'q', type: 'integer' },
    ]);
    const first = new Form(q);
    answer(first, 'a', { valueString: 'A' });
    answer(first, 'b', { valueString: 'B' });
    answer(first, 'c', { valueString: 'C' });
    first.setAnswers(first.nodesFor('q')[0]!, [{ valueString: 'text' }]);
    first.setAnswers(first.nodesFor('q')[1]!, [{ valueInteger: 3 }]);
    const qr = buildResponse(first);
    const again = new Form(q);
    expect(loadResponse(again, qr)).to.deep.equal([]);
    expect(buildResponse(again).item).to.deep.equal(qr.item);
    expect(again.nodesFor('q').map((n) => n.answers)).to.deep.equal([[{ valueString: 'text' }], [{ valueInteger: 3 }]]);
  });
});
