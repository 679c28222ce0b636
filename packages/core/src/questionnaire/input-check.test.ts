import { expect } from '@open-wc/testing';
import type { Questionnaire } from '../fhir/types.js';
import { questionnaire } from '../test-helpers/questionnaires.js';
import { compileQuestionnaire } from './definition.js';
import { KproError } from './errors.js';
import { checkQuestionnaireShape } from './input-check.js';
import { createQuestionnaireSession } from './session.js';

function refusal(input: unknown): KproError | undefined {
  try {
    compileQuestionnaire(input);
  } catch (e) {
    if (e instanceof KproError) return e;
    throw e;
  }
  return undefined;
}

const raw = (items: unknown[], extra: Record<string, unknown> = {}) =>
  ({ resourceType: 'Questionnaire', status: 'active', item: items, ...extra }) as unknown as Questionnaire;

describe('input checks', () => {
  it('accepts a plain R4 questionnaire', () => {
    expect(() => checkQuestionnaireShape(questionnaire([{ linkId: 'a', type: 'string' }]))).not.to.throw();
    expect(refusal(questionnaire([]))).to.equal(undefined);
  });

  it('not-json', () => {
    expect(refusal('not json at all')?.code).to.equal('not-json');
    expect(() => createQuestionnaireSession('{')).to.throw(KproError).with.property('code', 'not-json');
  });

  it('not-questionnaire', () => {
    const e = refusal({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(e?.code).to.equal('not-questionnaire');
    expect(e?.params.resourceType).to.equal('QuestionnaireResponse');
    expect(refusal('[1,2]')?.code).to.equal('not-questionnaire');
  });

  describe('wrong-fhir-version', () => {
    it('STU3 option on an item', () => {
      const e = refusal(raw([{ linkId: 'a', type: 'choice', option: [{ valueString: 'x' }] }]));
      expect(e?.code).to.equal('wrong-fhir-version');
      expect(e?.params.version).to.equal('STU3');
    });

    it('STU3 options (value set reference)', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'choice', options: { reference: 'ValueSet/x' } }]))?.code).to.equal('wrong-fhir-version');
    });

    it('STU3 initial[x] and enableWhen.hasAnswer', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'string', initialString: 'x' }]))?.code).to.equal('wrong-fhir-version');
      expect(refusal(raw([{ linkId: 'a', type: 'string' }, { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', hasAnswer: true }] }]))?.code).to.equal(
        'wrong-fhir-version',
      );
    });

    it('R5 answerConstraint, nested deep in a group', () => {
      const e = refusal(raw([{ linkId: 'g', type: 'group', item: [{ linkId: 'a', type: 'coding', answerConstraint: 'optionsOnly' }] }]));
      expect(e?.code).to.equal('wrong-fhir-version');
      expect(e?.params.version).to.equal('R5');
    });

    it('R5 item types and disabledDisplay', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'coding' }]))?.code).to.equal('wrong-fhir-version');
      expect(refusal(raw([{ linkId: 'a', type: 'question' }]))?.code).to.equal('wrong-fhir-version');
      expect(refusal(raw([{ linkId: 'a', type: 'string', disabledDisplay: 'hidden' }]))?.code).to.equal('wrong-fhir-version');
    });

    it('a declared non-R4 fhirVersion', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'string' }], { meta: { fhirVersion: '5.0.0' } }))?.code).to.equal('wrong-fhir-version');
      expect(refusal(raw([{ linkId: 'a', type: 'string' }], { meta: { fhirVersion: '4.0.1' } }))).to.equal(undefined);
    });
  });

  describe('unsupported-modifier', () => {
    const mod = [{ url: 'http://example.org/must-understand', valueBoolean: true }];
    it('on the questionnaire', () => {
      const e = refusal(raw([{ linkId: 'a', type: 'string' }], { modifierExtension: mod }));
      expect(e?.code).to.equal('unsupported-modifier');
      expect(e?.params.url).to.equal('http://example.org/must-understand');
    });
    it('on a nested item', () => {
      expect(refusal(raw([{ linkId: 'g', type: 'group', item: [{ linkId: 'a', type: 'string', modifierExtension: mod }] }]))?.code).to.equal(
        'unsupported-modifier',
      );
    });
    it('on an answer option', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'choice', answerOption: [{ valueString: 'x', modifierExtension: mod }] }]))?.code).to.equal(
        'unsupported-modifier',
      );
    });
    it('ordinary extensions are fine', () => {
      expect(refusal(raw([{ linkId: 'a', type: 'string', extension: mod }]))).to.equal(undefined);
    });
  });

  it('enablewhen-cycle', () => {
    const e = refusal(
      raw([
        { linkId: 'a', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
      ]),
    );
    expect(e?.code).to.equal('enablewhen-cycle');
    expect(String(e?.params.cycle)).to.contain('a').and.to.contain('b');
  });

  it('invalid-questionnaire for missing linkId, unknown type, non-array items', () => {
    expect(refusal(raw([{ type: 'string' }]))?.code).to.equal('invalid-questionnaire');
    expect(refusal(raw([{ linkId: 'a', type: 'slider' }]))?.code).to.equal('invalid-questionnaire');
    expect(refusal(raw([], { item: { linkId: 'a' } }))?.code).to.equal('invalid-questionnaire');
    expect(refusal(raw([{ linkId: 'g', type: 'group', item: { linkId: 'x', type: 'string' } }]))?.code).to.equal('invalid-questionnaire');
    expect(refusal(raw([null]))?.code).to.equal('invalid-questionnaire');
  });
});
