import { expect } from '@open-wc/testing';
import { Form, answer, nodeOf, questionnaire } from '../test-helpers/questionnaires.js';
import { compileQuestionnaire } from './definition.js';
import { initialAnswers } from './form.js';
import { buildResponse, loadResponse } from './response.js';

const repeating = () =>
  questionnaire([
    { linkId: 'intro', type: 'display', text: 'Hello' },
    {
      linkId: 'person',
      type: 'group',
      repeats: true,
      item: [
        { linkId: 'person.name', type: 'string' },
        { linkId: 'person.age', type: 'integer' },
      ],
    },
    { linkId: 'after', type: 'string' },
  ]);

const names = (form: Form) => form.nodesFor('person.name').map((n) => n.answers[0]?.valueString);

describe('Form', () => {
  it('creates one node per item in document order', () => {
    const form = new Form(repeating());
    expect([...form.nodes()].map((n) => n.linkId)).to.deep.equal(['intro', 'person', 'person.name', 'person.age', 'after']);
    expect(form.root.children.map((n) => n.linkId)).to.deep.equal(['intro', 'person', 'after']);
    expect(nodeOf(form, 'person.name').parent).to.equal(nodeOf(form, 'person'));
  });

  it('gives items without conditions the enablement of their parent, also when a condition refers to them', () => {
    // 'late' is plain but nested under a gated group, and comes after the question that refers to it.
    const form = new Form(
      questionnaire([
        { linkId: 'gate', type: 'boolean' },
        { linkId: 'uses-late', type: 'string', enableWhen: [{ question: 'late', operator: 'exists', answerBoolean: true }] },
        {
          linkId: 'grp',
          type: 'group',
          enableWhen: [{ question: 'gate', operator: '=', answerBoolean: true }],
          item: [{ linkId: 'late', type: 'string' }, { linkId: 'inner', type: 'group', item: [{ linkId: 'deep', type: 'string' }] }],
        },
      ]),
    );
    const on = () => Object.fromEntries(form.nodes().map((n) => [n.linkId, n.enabled]));
    expect(on()).to.deep.equal({ gate: true, 'uses-late': false, grp: false, late: false, inner: false, deep: false });
    form.setAnswers(nodeOf(form, 'gate'), [{ valueBoolean: true }]);
    form.setAnswers(nodeOf(form, 'late'), [{ valueString: 'x' }]);
    expect(on()).to.deep.equal({ gate: true, 'uses-late': true, grp: true, late: true, inner: true, deep: true });
    // Disabling the group hides 'late' and its answer, so the condition on it no longer holds.
    form.setAnswers(nodeOf(form, 'gate'), [{ valueBoolean: false }]);
    expect(on()).to.deep.equal({ gate: true, 'uses-late': false, grp: false, late: false, inner: false, deep: false });
  });

  it('accepts a compiled definition as well as the raw questionnaire', () => {
    const def = compileQuestionnaire(repeating());
    const form = new Form(def);
    expect(form.def).to.equal(def);
    expect(form.nodesFor('person')).to.have.length(1);
  });

  it('drops empty answers and does not notify for unchanged answers', () => {
    const form = new Form(repeating());
    const changes: unknown[] = [];
    form.onChange((c) => changes.push(c));
    const n = nodeOf(form, 'after');
    form.setAnswers(n, [{ valueString: '' }, { valueString: 'x' }]);
    expect(n.answers).to.deep.equal([{ valueString: 'x' }]);
    const rev = form.revision;
    form.setAnswers(n, [{ valueString: 'x' }]);
    expect(form.revision).to.equal(rev);
    expect(changes).to.have.length(1);
    form.setAnswer(n, undefined);
    expect(n.answers).to.deep.equal([]);
    expect(changes).to.have.length(2);
  });

  describe('repeats', () => {
    it('adds a repetition after the last one, keeping the others’ answers', () => {
      const form = new Form(repeating());
      const first = nodeOf(form, 'person');
      form.setAnswer(form.nodesFor('person.name')[0]!, { valueString: 'Ane' });
      const second = form.addRepeat(first)!;
      form.setAnswer(form.nodesFor('person.name')[1]!, { valueString: 'Bo' });
      const third = form.addRepeat(first)!;
      form.setAnswer(form.nodesFor('person.name')[2]!, { valueString: 'Carl' });
      expect(form.root.children.map((n) => n.linkId)).to.deep.equal(['intro', 'person', 'person', 'person', 'after']);
      expect(form.repeatsOf(first)).to.deep.equal([first, second, third]);
      expect(names(form)).to.deep.equal(['Ane', 'Bo', 'Carl']);
    });

    it('removes a middle repetition without touching the others', () => {
      const form = new Form(repeating());
      const first = nodeOf(form, 'person');
      form.addRepeat(first);
      form.addRepeat(first);
      ['Ane', 'Bo', 'Carl'].forEach((n, i) => form.setAnswer(form.nodesFor('person.name')[i]!, { valueString: n }));
      form.setAnswer(form.nodesFor('person.age')[2]!, { valueInteger: 40 });
      form.removeRepeat(form.nodesFor('person')[1]!);
      expect(names(form)).to.deep.equal(['Ane', 'Carl']);
      expect(form.nodesFor('person.age').map((n) => n.answers)).to.deep.equal([[], [{ valueInteger: 40 }]]);
      const qr = buildResponse(form);
      expect(qr.item!.filter((i) => i.linkId === 'person')).to.have.length(2);
    });

    it('removing the last repetition empties it instead', () => {
      const form = new Form(repeating());
      const only = nodeOf(form, 'person');
      form.setAnswer(nodeOf(form, 'person.name'), { valueString: 'Ane' });
      form.setAnswer(nodeOf(form, 'person.age'), { valueInteger: 3 });
      form.removeRepeat(only);
      expect(form.nodesFor('person')).to.deep.equal([only]);
      expect(nodeOf(form, 'person.name').answers).to.deep.equal([]);
      expect(nodeOf(form, 'person.age').answers).to.deep.equal([]);
      expect(buildResponse(form).item).to.equal(undefined);
    });

    it('respects maxOccurs and refuses to repeat a non-repeating item', () => {
      const q = repeating();
      q.item![1]!.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 2 }];
      const form = new Form(q);
      const first = nodeOf(form, 'person');
      expect(form.addRepeat(first)).to.not.equal(undefined);
      expect(form.addRepeat(first)).to.equal(undefined);
      expect(form.nodesFor('person')).to.have.length(2);
      expect(form.addRepeat(nodeOf(form, 'after'))).to.equal(undefined);
    });

    it('starts a repeating group with minOccurs repetitions', () => {
      const q = repeating();
      q.item![1]!.extension = [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs', valueInteger: 2 }];
      const form = new Form(q);
      expect(form.nodesFor('person')).to.have.length(2);
      expect(form.nodesFor('person.name')).to.have.length(2);
    });

    it('emits structural changes for add and remove', () => {
      const form = new Form(repeating());
      const changes: boolean[] = [];
      form.onChange((c) => changes.push(c.structural));
      const added = form.addRepeat(nodeOf(form, 'person'))!;
      form.removeRepeat(added);
      expect(changes).to.deep.equal([true, true]);
    });
  });

  describe('initial values', () => {
    const q = () =>
      questionnaire([
        { linkId: 'i', type: 'integer', initial: [{ valueInteger: 4 }] },
        { linkId: 'r', type: 'string', repeats: true, initial: [{ valueString: 'a' }, { valueString: 'b' }] },
        { linkId: 's', type: 'string', initial: [{ valueString: 'first' }, { valueString: 'second' }] },
        {
          linkId: 'c',
          type: 'choice',
          answerOption: [
            { valueCoding: { code: 'x' } },
            { valueCoding: { code: 'y' }, initialSelected: true },
          ],
        },
        {
          linkId: 'm',
          type: 'choice',
          repeats: true,
          answerOption: [
            { valueCoding: { code: 'x' }, initialSelected: true },
            { valueCoding: { code: 'y' } },
            { valueCoding: { code: 'z' }, initialSelected: true },
          ],
        },
        { linkId: 'g', type: 'group', repeats: true, item: [{ linkId: 'g.b', type: 'boolean', initial: [{ valueBoolean: true }] }] },
      ]);

    it('fills initial[x] and initialSelected options', () => {
      const form = new Form(q());
      expect(nodeOf(form, 'i').answers).to.deep.equal([{ valueInteger: 4 }]);
      expect(nodeOf(form, 'r').answers).to.deep.equal([{ valueString: 'a' }, { valueString: 'b' }]);
      // A non-repeating item keeps only the first initial value.
      expect(nodeOf(form, 's').answers).to.deep.equal([{ valueString: 'first' }]);
      expect(nodeOf(form, 'c').answers).to.deep.equal([{ valueCoding: { code: 'y' } }]);
      expect(nodeOf(form, 'm').answers).to.deep.equal([{ valueCoding: { code: 'x' } }, { valueCoding: { code: 'z' } }]);
    });

    it('gives a new repetition its initial values', () => {
      const form = new Form(q());
      form.setAnswer(nodeOf(form, 'g.b'), { valueBoolean: false });
      form.addRepeat(nodeOf(form, 'g'));
      expect(form.nodesFor('g.b').map((n) => n.answers)).to.deep.equal([[{ valueBoolean: false }], [{ valueBoolean: true }]]);
    });

    it('initialAnswers reads the definition only', () => {
      const def = compileQuestionnaire(q());
      expect(initialAnswers(def.byLinkId.get('m')!)).to.have.length(2);
      expect(initialAnswers(def.byLinkId.get('g')!)).to.deep.equal([]);
    });

    it('puts initial values into the response', () => {
      const form = new Form(q());
      answer(form, 'i');
      const qr = buildResponse(form);
      expect(qr.item!.map((i) => i.linkId)).to.deep.equal(['r', 's', 'c', 'm', 'g']);
    });
  });

  describe('resolve', () => {
    it('prefers the same repetition, then wider scopes', () => {
      const form = new Form(
        questionnaire([
          { linkId: 'top', type: 'string' },
          {
            linkId: 'outer',
            type: 'group',
            repeats: true,
            item: [
              { linkId: 'o.q', type: 'string' },
              { linkId: 'inner', type: 'group', repeats: true, item: [{ linkId: 'i.q', type: 'string' }] },
            ],
          },
        ]),
      );
      const outer1 = nodeOf(form, 'outer');
      const outer2 = form.addRepeat(outer1)!;
      form.addRepeat(form.nodesFor('inner')[1]!);
      const innerQs = form.nodesFor('i.q');
      expect(innerQs).to.have.length(3);
      // From the second inner repetition of the second outer group, o.q is the one in outer2.
      expect(form.resolve(innerQs[2]!, 'o.q')).to.deep.equal([form.nodesFor('o.q')[1]]);
      expect(form.resolve(innerQs[0]!, 'o.q')).to.deep.equal([form.nodesFor('o.q')[0]]);
      expect(form.resolve(innerQs[2]!, 'top')).to.deep.equal([nodeOf(form, 'top')]);
      // From outside the groups every instance is seen.
      expect(form.resolve(nodeOf(form, 'top'), 'i.q')).to.have.length(3);
      expect(outer2.children.map((c) => c.linkId)).to.deep.equal(['o.q', 'inner', 'inner']);
    });
  });
});

describe('Form.pathOf / nodeAt', () => {
  it('finds the same place (repeat instance included) in a form read again from its response', () => {
    const q = questionnaire([
      { linkId: 'top', type: 'string' },
      { linkId: 'meds', type: 'group', repeats: true, item: [{ linkId: 'med', type: 'string' }] },
    ]);
    const form = new Form(q);
    form.setAnswer(nodeOf(form, 'meds').children[0]!, { valueString: 'Ipren' }); // an empty first instance would not be in the response
    const second = form.addRepeat(nodeOf(form, 'meds'))!;
    const med = second.children[0]!;
    form.setAnswer(med, { valueString: 'Panodil' });
    expect(form.pathOf(med)).to.deep.equal([['meds', 1], ['med', 0]]);

    const again = new Form(q);
    loadResponse(again, buildResponse(form, {}, {}));
    const found = again.nodeAt(form.pathOf(med))!;
    expect(found).to.not.equal(med);
    expect(found.answers).to.deep.equal([{ valueString: 'Panodil' }]);
    expect(again.nodeAt([['meds', 2], ['med', 0]])).to.equal(undefined);
  });
});
