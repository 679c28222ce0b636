import { expect } from '@open-wc/testing';
import {
  answerKey,
  answersEqual,
  codingsEqual,
  compareAnswers,
  compareTemporal,
  isEmptyAnswer,
  rawValue,
  toAnswerValue,
  valueKeyOf,
} from './values.js';

describe('values', () => {
  it('valueKeyOf / toAnswerValue read value[x], answer[x] and initial[x]', () => {
    expect(valueKeyOf({ valueDate: '2020' })).to.equal('valueDate');
    expect(valueKeyOf({ answerCoding: { code: 'a' } }, 'answer')).to.equal('valueCoding');
    expect(valueKeyOf({ valueFoo: 1 })).to.equal(undefined);
    expect(valueKeyOf(undefined)).to.equal(undefined);
    expect(toAnswerValue({ question: 'q', operator: '=', answerInteger: 3 }, 'answer')).to.deep.equal({ valueInteger: 3 });
    expect(toAnswerValue({ url: 'x', valueDecimal: 1.5 })).to.deep.equal({ valueDecimal: 1.5 });
    expect(toAnswerValue({ url: 'x' })).to.equal(undefined);
    expect(rawValue({ valueBoolean: false })).to.equal(false);
  });

  it('isEmptyAnswer: no value or an empty string', () => {
    expect(isEmptyAnswer(undefined)).to.equal(true);
    expect(isEmptyAnswer({})).to.equal(true);
    expect(isEmptyAnswer({ valueString: '' })).to.equal(true);
    expect(isEmptyAnswer({ valueBoolean: false })).to.equal(false);
    expect(isEmptyAnswer({ valueInteger: 0 })).to.equal(false);
  });

  it('codingsEqual: system must agree when both have one; display only without codes', () => {
    expect(codingsEqual({ system: 'a', code: '1' }, { system: 'a', code: '1', display: 'x' })).to.equal(true);
    expect(codingsEqual({ system: 'a', code: '1' }, { system: 'b', code: '1' })).to.equal(false);
    expect(codingsEqual({ code: '1' }, { system: 'b', code: '1' })).to.equal(true);
    expect(codingsEqual({ display: 'Yes' }, { display: 'Yes' })).to.equal(true);
    expect(codingsEqual({ display: 'Yes' }, { display: 'No' })).to.equal(false);
    expect(codingsEqual({}, {})).to.equal(false);
  });

  it('answersEqual across numeric types, strings vs codings, quantities, references and attachments', () => {
    expect(answersEqual({ valueInteger: 2 }, { valueDecimal: 2.0 })).to.equal(true);
    expect(answersEqual({ valueInteger: 2 }, { valueString: '2' })).to.equal(false);
    expect(answersEqual({ valueCoding: { code: 'y', display: 'Yes' } }, { valueString: 'Yes' })).to.equal(true);
    expect(answersEqual({ valueString: 'y' }, { valueCoding: { code: 'y' } })).to.equal(true);
    expect(answersEqual({ valueQuantity: { value: 1, code: 'kg' } }, { valueQuantity: { value: 1, unit: 'kg' } })).to.equal(true);
    expect(answersEqual({ valueQuantity: { value: 1, code: 'kg' } }, { valueQuantity: { value: 1, code: 'g' } })).to.equal(false);
    expect(answersEqual({ valueReference: { reference: 'Patient/1' } }, { valueReference: { reference: 'Patient/1', display: 'x' } })).to.equal(true);
    expect(answersEqual({ valueAttachment: { url: 'http://a' } }, { valueAttachment: { url: 'http://b' } })).to.equal(false);
    expect(answersEqual({ valueDate: '2020-01-01' }, { valueDateTime: '2020-01-01T10:00:00Z' })).to.equal(true);
    expect(answersEqual({ valueBoolean: true }, { valueBoolean: true })).to.equal(true);
    expect(answersEqual({ valueBoolean: true }, { valueString: 'true' })).to.equal(false);
    expect(answersEqual({}, { valueBoolean: true })).to.equal(false);
    // A time without seconds is the same time as with :00, as compareAnswers already says.
    expect(answersEqual({ valueTime: '10:30' }, { valueTime: '10:30:00' })).to.equal(true);
    expect(answersEqual({ valueTime: '10:30:00' }, { valueTime: '10:31:00' })).to.equal(false);
  });

  it('compareAnswers orders numbers, dates, times, strings and quantities, NaN otherwise', () => {
    expect(compareAnswers({ valueInteger: 3 }, { valueDecimal: 2.5 })).to.be.greaterThan(0);
    expect(compareAnswers({ valueTime: '09:00' }, { valueTime: '09:00:00' })).to.equal(0);
    expect(compareAnswers({ valueTime: '08:59:59' }, { valueTime: '09:00:00' })).to.be.lessThan(0);
    expect(compareAnswers({ valueString: 'a' }, { valueUri: 'b' })).to.be.lessThan(0);
    expect(compareAnswers({ valueQuantity: { value: 5, code: 'kg' } }, { valueQuantity: { value: 4, code: 'kg' } })).to.be.greaterThan(0);
    expect(compareAnswers({ valueQuantity: { value: 5, code: 'kg' } }, { valueQuantity: { value: 4, code: 'g' } })).to.satisfy(Number.isNaN);
    expect(compareAnswers({ valueQuantity: { value: 5, code: 'kg' } }, { valueInteger: 6 })).to.be.lessThan(0);
    expect(compareAnswers({ valueBoolean: true }, { valueBoolean: false })).to.satisfy(Number.isNaN);
    expect(compareAnswers({ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } })).to.satisfy(Number.isNaN);
    expect(compareAnswers({ valueInteger: 1 }, { valueString: '1' })).to.satisfy(Number.isNaN);
  });

  it('compareTemporal compares at the precision both sides have', () => {
    expect(compareTemporal('2020', '2020-06-01')).to.equal(0);
    expect(compareTemporal('2020-05', '2020-06-01')).to.be.lessThan(0);
    expect(compareTemporal('2021', '2020-12-31')).to.be.greaterThan(0);
    expect(compareTemporal('2020-06-01', '2020-06-01T23:59:00Z')).to.equal(0);
    expect(compareTemporal('2020-06-01T10:00:00+02:00', '2020-06-01T08:00:00Z')).to.equal(0);
    expect(compareTemporal('2020-06-01T10:00:00+02:00', '2020-06-01T09:00:00Z')).to.be.lessThan(0);
  });

  it('answerKey is stable and distinguishes values and types', () => {
    expect(answerKey({ valueCoding: { system: 's', code: 'c', display: 'D' } })).to.equal(answerKey({ valueCoding: { system: 's', code: 'c' } }));
    expect(answerKey({ valueCoding: { display: 'Only display' } })).to.equal('c:|Only display');
    expect(answerKey({ valueInteger: 1 })).to.not.equal(answerKey({ valueString: '1' }));
    expect(answerKey({ valueQuantity: { value: 1, code: 'kg' } })).to.not.equal(answerKey({ valueQuantity: { value: 2, code: 'kg' } }));
    expect(answerKey(undefined)).to.equal('');
  });
});
