import { expect } from '@open-wc/testing';
import type { QuestionnaireItem } from '../fhir/types.js';
import { EXT } from '../fhir/extensions.js';
import { Form, answer, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { validateForm, validateNode, type ValidationIssue } from './validation.js';
import type { AnswerValue } from './values.js';

/** Issues for a single item answered with the given answers. */
function issuesFor(item: QuestionnaireItem, ...answers: AnswerValue[]): Array<[string, Record<string, string | number>]> {
  const form = new Form(questionnaire([item]));
  answer(form, item.linkId, ...answers);
  return validateNode(form, nodeOf(form, item.linkId)).map((i) => [i.code, i.params]);
}
const codes = (item: QuestionnaireItem, ...answers: AnswerValue[]) => issuesFor(item, ...answers).map(([c]) => c);

describe('validation', () => {
  it('required: an unanswered required question', () => {
    const item: QuestionnaireItem = { linkId: 'a', type: 'string', required: true };
    expect(codes(item)).to.deep.equal(['required']);
    expect(codes(item, { valueString: 'x' })).to.deep.equal([]);
    expect(codes({ ...item, required: false })).to.deep.equal([]);
  });

  it('required: a group needs at least one answer inside', () => {
    const form = new Form(questionnaire([{ linkId: 'g', type: 'group', required: true, item: [{ linkId: 'g.a', type: 'string' }] }]));
    expect(validateForm(form).map((i) => [i.linkId, i.code])).to.deep.equal([['g', 'required']]);
    answer(form, 'g.a', { valueString: 'x' });
    expect(validateForm(form)).to.deep.equal([]);
  });

  it('maxLength and minLength on strings', () => {
    const item: QuestionnaireItem = { linkId: 's', type: 'string', maxLength: 5, extension: [{ url: EXT.minLength, valueInteger: 2 }] };
    expect(issuesFor(item, { valueString: 'abcdef' })).to.deep.equal([['max-length', { max: 5 }]]);
    expect(issuesFor(item, { valueString: 'a' })).to.deep.equal([['min-length', { min: 2 }]]);
    expect(codes(item, { valueString: 'abcde' })).to.deep.equal([]);
    expect(codes(item, { valueString: 'ab' })).to.deep.equal([]);
  });

  it('regex must match the whole answer; a broken pattern never blocks', () => {
    const item: QuestionnaireItem = { linkId: 's', type: 'string', extension: [{ url: EXT.regex, valueString: '[0-9]{4}' }] };
    expect(codes(item, { valueString: '1234' })).to.deep.equal([]);
    expect(issuesFor(item, { valueString: '12345' })).to.deep.equal([['regex', { pattern: '[0-9]{4}' }]]);
    expect(codes(item, { valueString: 'x1234' })).to.deep.equal(['regex']);
    const broken: QuestionnaireItem = { linkId: 's', type: 'string', extension: [{ url: EXT.regex, valueString: '([a-z' }] };
    expect(codes(broken, { valueString: 'abc' })).to.deep.equal([]);
  });

  it('minValue / maxValue on integer, decimal, date and quantity', () => {
    const range = (type: QuestionnaireItem['type'], min: object, max: object): QuestionnaireItem => ({
      linkId: 'n',
      type,
      extension: [
        { url: EXT.minValue, ...min },
        { url: EXT.maxValue, ...max },
      ],
    });
    const int = range('integer', { valueInteger: 1 }, { valueInteger: 10 });
    expect(issuesFor(int, { valueInteger: 0 })).to.deep.equal([['min-value', { min: 1 }]]);
    expect(issuesFor(int, { valueInteger: 11 })).to.deep.equal([['max-value', { max: 10 }]]);
    expect(codes(int, { valueInteger: 1 })).to.deep.equal([]);
    expect(codes(int, { valueInteger: 10 })).to.deep.equal([]);

    const dec = range('decimal', { valueDecimal: 0.5 }, { valueDecimal: 2.5 });
    expect(codes(dec, { valueDecimal: 0.49 })).to.deep.equal(['min-value']);
    expect(codes(dec, { valueDecimal: 2.51 })).to.deep.equal(['max-value']);
    expect(codes(dec, { valueDecimal: 2.5 })).to.deep.equal([]);

    const date = range('date', { valueDate: '2020-01-01' }, { valueDate: '2020-12-31' });
    expect(codes(date, { valueDate: '2019-12-31' })).to.deep.equal(['min-value']);
    expect(codes(date, { valueDate: '2021-01-01' })).to.deep.equal(['max-value']);
    expect(codes(date, { valueDate: '2020-06-01' })).to.deep.equal([]);

    const qty = range('quantity', { valueQuantity: { value: 20, code: 'kg' } }, { valueQuantity: { value: 300, code: 'kg' } });
    expect(codes(qty, { valueQuantity: { value: 10, code: 'kg', unit: 'kg' } })).to.deep.equal(['min-value']);
    expect(codes(qty, { valueQuantity: { value: 80, code: 'kg', unit: 'kg' } })).to.deep.equal([]);
  });

  it('maxDecimalPlaces', () => {
    const item: QuestionnaireItem = { linkId: 'd', type: 'decimal', extension: [{ url: EXT.maxDecimalPlaces, valueInteger: 1 }] };
    expect(issuesFor(item, { valueDecimal: 1.25 })).to.deep.equal([['max-decimals', { max: 1 }]]);
    expect(codes(item, { valueDecimal: 1.2 })).to.deep.equal([]);
    expect(codes(item, { valueDecimal: 3 })).to.deep.equal([]);
    const none: QuestionnaireItem = { linkId: 'd', type: 'decimal', extension: [{ url: EXT.maxDecimalPlaces, valueInteger: 0 }] };
    expect(codes(none, { valueDecimal: 0.5 })).to.deep.equal(['max-decimals']);
  });

  it('minOccurs / maxOccurs on a repeating question', () => {
    const item: QuestionnaireItem = {
      linkId: 'm',
      type: 'string',
      repeats: true,
      extension: [
        { url: EXT.minOccurs, valueInteger: 2 },
        { url: EXT.maxOccurs, valueInteger: 3 },
      ],
    };
    expect(issuesFor(item, { valueString: 'a' })).to.deep.equal([['min-occurs', { min: 2 }]]);
    expect(codes(item, { valueString: 'a' }, { valueString: 'b' })).to.deep.equal([]);
    expect(issuesFor(item, ...['a', 'b', 'c', 'd'].map((s) => ({ valueString: s })))).to.deep.equal([['max-occurs', { max: 3 }]]);
    // An optional item left empty is fine.
    expect(codes(item)).to.deep.equal([]);
  });

  it('minOccurs / maxOccurs on a repeating group, reported once', () => {
    const form = new Form(
      questionnaire([
        {
          linkId: 'g',
          type: 'group',
          repeats: true,
          required: true,
          extension: [
            { url: EXT.minOccurs, valueInteger: 2 },
            { url: EXT.maxOccurs, valueInteger: 2 },
          ],
          item: [{ linkId: 'g.a', type: 'string' }],
        },
      ]),
    );
    // minOccurs 2 gives two repetitions from the start.
    expect(form.nodesFor('g')).to.have.length(2);
    form.setAnswer(form.nodesFor('g.a')[0]!, { valueString: 'x' });
    const issues = validateForm(form).filter((i) => i.code === 'min-occurs');
    expect(issues.map((i) => [i.linkId, i.params.min])).to.deep.equal([['g', 2]]);
    form.setAnswer(form.nodesFor('g.a')[1]!, { valueString: 'y' });
    expect(validateForm(form)).to.deep.equal([]);
  });

  it('url items need an http(s) address', () => {
    const item: QuestionnaireItem = { linkId: 'u', type: 'url' };
    expect(codes(item, { valueUri: 'javascript:alert(1)' })).to.deep.equal(['invalid-url']);
    expect(codes(item, { valueUri: 'https://example.org' })).to.deep.equal([]);
  });

  it('attachment maxSize and mimeType', () => {
    const item: QuestionnaireItem = {
      linkId: 'f',
      type: 'attachment',
      extension: [
        { url: EXT.maxSize, valueDecimal: 100 },
        { url: EXT.mimeType, valueCode: 'image/png' },
      ],
    };
    expect(issuesFor(item, { valueAttachment: { contentType: 'image/png', size: 200 } })).to.deep.equal([['max-size', { max: 100 }]]);
    expect(issuesFor(item, { valueAttachment: { contentType: 'text/html', size: 10 } })).to.deep.equal([['mime-type', { types: 'image/png' }]]);
    expect(codes(item, { valueAttachment: { contentType: 'image/png', size: 10 } })).to.deep.equal([]);
  });

  it('skips disabled, hidden, read-only and display items', () => {
    const form = new Form(
      questionnaire([
        { linkId: 'gate', type: 'boolean' },
        { linkId: 'off', type: 'string', required: true, enableWhen: [{ question: 'gate', operator: '=', answerBoolean: true }] },
        { linkId: 'hidden', type: 'string', required: true, extension: [{ url: EXT.hidden, valueBoolean: true }] },
        { linkId: 'ro', type: 'string', required: true, readOnly: true },
        { linkId: 'disp', type: 'display', text: 'x' },
      ]),
    );
    expect(validateForm(form)).to.deep.equal([]);
    answer(form, 'gate', { valueBoolean: true });
    const issues: ValidationIssue[] = validateForm(form);
    expect(issues.map((i) => [i.linkId, i.code])).to.deep.equal([['off', 'required']]);
    expect(issues[0]!.nodeId).to.equal(nodeOf(form, 'off').id);
  });

  it('reports per repetition of a repeating group', () => {
    const form = new Form(questionnaire([{ linkId: 'g', type: 'group', repeats: true, item: [{ linkId: 'g.a', type: 'string', required: true }] }]));
    form.addRepeat(nodeOf(form, 'g'));
    form.setAnswer(form.nodesFor('g.a')[0]!, { valueString: 'x' });
    const issues = validateForm(form);
    expect(issues.map((i) => i.nodeId)).to.deep.equal([form.nodesFor('g.a')[1]!.id]);
  });
});
