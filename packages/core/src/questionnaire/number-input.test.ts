import { expect } from '@open-wc/testing';
import { formatTypedNumber, parseTypedNumber } from './number-input.js';

describe('parseTypedNumber', () => {
  it('reads the Danish decimal comma', () => {
    expect(parseTypedNumber('3,5', 'da')).to.equal(3.5);
    expect(parseTypedNumber('-0,25', 'da')).to.equal(-0.25);
    expect(parseTypedNumber(' 12 ', 'da')).to.equal(12);
  });

  it('accepts a dot as decimal point in Danish too', () => {
    expect(parseTypedNumber('3.5', 'da')).to.equal(3.5);
  });

  it('reads Danish grouping with dots and spaces', () => {
    expect(parseTypedNumber('1.234,5', 'da')).to.equal(1234.5);
    expect(parseTypedNumber('1 234,5', 'da')).to.equal(1234.5);
    expect(parseTypedNumber('1\u00a0234', 'da')).to.equal(1234);
    expect(parseTypedNumber('1.234.567,89', 'da')).to.equal(1234567.89);
  });

  it('reads English numbers with grouping commas', () => {
    expect(parseTypedNumber('3.5', 'en')).to.equal(3.5);
    expect(parseTypedNumber('1,234.5', 'en')).to.equal(1234.5);
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const [text, lang] of [
      ['', 'da'],
      ['   ', 'da'],
      ['abc', 'da'],
      ['3,5,1', 'da'],
      ['1e5', 'da'],
      ['3,5', 'en'],
      ['12,34', 'en'],
      ['12.34,5', 'da'],
      ['1.2,5', 'da'],
    ]) {
      expect(parseTypedNumber(text!, lang!), `${text} (${lang})`).to.satisfy(Number.isNaN);
    }
  });
});

describe('formatTypedNumber', () => {
  it('writes the locale decimal separator without grouping, so it reads back', () => {
    expect(formatTypedNumber(3.5, 'da')).to.equal('3,5');
    expect(formatTypedNumber(1234.5, 'da')).to.equal('1234,5');
    expect(formatTypedNumber(1234.5, 'en')).to.equal('1234.5');
    for (const n of [0.1, 12345.678, -7]) {
      expect(parseTypedNumber(formatTypedNumber(n, 'da'), 'da')).to.equal(n);
      expect(parseTypedNumber(formatTypedNumber(n, 'en'), 'en')).to.equal(n);
    }
  });
});
