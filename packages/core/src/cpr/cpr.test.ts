import { expect } from '@open-wc/testing';
import { cprIdentifier, cprOf, formatCpr, maskCpr, mod11Passes, parseCpr } from './cpr.js';

describe('cpr', () => {
  it('parses with and without separator and derives birth date and sex', () => {
    expect(parseCpr('010170-9999')).to.deep.equal({ digits: '0101709999', birthDate: '1970-01-01', sex: 'male' });
    expect(parseCpr('2912004998')?.birthDate).to.equal('2000-12-29');
    expect(parseCpr('2912004998')?.sex).to.equal('female');
  });

  it('uses the 7th digit for the century', () => {
    expect(parseCpr('0101585000')?.birthDate).to.equal('1858-01-01');
    expect(parseCpr('0101575000')?.birthDate).to.equal('2057-01-01');
    expect(parseCpr('0101379000')?.birthDate).to.equal('1937-01-01');
    expect(parseCpr('0101369000')?.birthDate).to.equal('2036-01-01');
  });

  it('refuses impossible dates and wrong lengths', () => {
    expect(parseCpr('3102701234')).to.equal(undefined);
    expect(parseCpr('12345')).to.equal(undefined);
    expect(parseCpr('abcdefghij')).to.equal(undefined);
  });

  it('checks modulus 11 only as information (test numbers fail it)', () => {
    expect(mod11Passes('0707614285')).to.equal(true);
    expect(mod11Passes('0101709999')).to.equal(false);
  });

  it('formats, masks and builds the identifier', () => {
    expect(formatCpr('0101709999')).to.equal('010170-9999');
    expect(maskCpr('010170-9999')).to.equal('010170-xxxx');
    expect(cprIdentifier('010170-9999')).to.deep.equal({ system: 'urn:oid:1.2.208.176.1.2', value: '0101709999' });
    expect(cprOf({ resourceType: 'Patient', identifier: [cprIdentifier('0101709999')] })).to.equal('0101709999');
  });
});
