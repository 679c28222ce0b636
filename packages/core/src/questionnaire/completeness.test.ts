import { expect } from '@open-wc/testing';
import { Form } from './form.js';
import { completeness, responseSaysSomething, submitDecision } from './completeness.js';
import type { Questionnaire } from '../fhir/types.js';

const hidden = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true };
const calculated = {
  url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  valueExpression: { language: 'text/fhirpath', expression: '1' },
};
const q: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'intro', type: 'display', text: 'Velkommen' },
    {
      linkId: 'g',
      type: 'group',
      item: [
        { linkId: 'a', type: 'boolean', text: 'A' },
        { linkId: 'b', type: 'string', text: 'B' },
        { linkId: 'c', type: 'boolean', text: 'C', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
      ],
    },
    { linkId: 'score', type: 'decimal', readOnly: true, extension: [hidden, calculated] },
    { linkId: 'hidden-group', type: 'group', extension: [hidden], item: [{ linkId: 'h', type: 'string' }] },
  ],
};

describe('completeness: a response says something or it is not a response', () => {
  it('counts only the questions the person is asked (shown, editable, not display or calculated)', () => {
    const form = new Form(q);
    expect(completeness(form)).to.deep.equal({ asked: 2, answered: 0 });
    form.setAnswers(form.nodesFor('a')[0]!, [{ valueBoolean: true }]);
    expect(completeness(form), 'c is asked once a is yes').to.deep.equal({ asked: 3, answered: 1 });
  });

  it('never submits a form with nothing answered', () => {
    const form = new Form(q);
    expect(submitDecision(form)).to.deep.equal({ kind: 'empty' });
    expect(submitDecision(form, { confirmed: true }), 'not even when "send anyway" was said').to.deep.equal({ kind: 'empty' });
  });

  it('asks once about unanswered optional questions, then sends', () => {
    const form = new Form(q);
    form.setAnswers(form.nodesFor('b')[0]!, [{ valueString: 'noget' }]);
    expect(submitDecision(form)).to.deep.equal({ kind: 'confirm', unanswered: 1, asked: 2 });
    expect(submitDecision(form, { confirmed: true })).to.deep.equal({ kind: 'ready' });
    form.setAnswers(form.nodesFor('a')[0]!, [{ valueBoolean: false }]);
    expect(submitDecision(form)).to.deep.equal({ kind: 'ready' });
  });

  it('lets required questions block with the validation issues', () => {
    const required: Questionnaire = { ...q, item: [{ linkId: 'r', type: 'string', required: true }, { linkId: 'o', type: 'string' }] };
    const form = new Form(required);
    form.setAnswers(form.nodesFor('o')[0]!, [{ valueString: 'x' }]);
    const d = submitDecision(form);
    expect(d.kind).to.equal('invalid');
    expect(d.kind === 'invalid' && d.issues.map((i) => [i.linkId, i.code])).to.deep.equal([['r', 'required']]);
  });

  it('reads a stored response: any answer says something (a stored score too), nothing else does', () => {
    expect(responseSaysSomething({ item: [{ linkId: 'score', answer: [{ valueDecimal: 35 }] }] })).to.equal(true);
    expect(responseSaysSomething({ item: [{ linkId: 'g', item: [{ linkId: 'a', answer: [{ valueBoolean: false }] }] }] })).to.equal(true);
    expect(responseSaysSomething({ item: [{ linkId: 'g', item: [{ linkId: 'a' }, { linkId: 'b', answer: [] }] }] })).to.equal(false);
    expect(responseSaysSomething({})).to.equal(false);
  });
});
