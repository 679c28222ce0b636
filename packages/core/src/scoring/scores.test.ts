import { expect } from '@open-wc/testing';
import { EXT } from '../fhir/extensions.js';
import { scoreOfExtensions } from './scores.js';

describe('scoreOfExtensions', () => {
  it('reads itemWeight, ordinalValue and iso21090-CO-value, decimal or integer', () => {
    expect(scoreOfExtensions({ extension: [{ url: EXT.itemWeight, valueDecimal: 1.5 }] })).to.equal(1.5);
    expect(scoreOfExtensions({ extension: [{ url: EXT.ordinalValue, valueDecimal: 2 }] })).to.equal(2);
    expect(scoreOfExtensions({ extension: [{ url: EXT.iso21090CoValue, valueInteger: 3 }] })).to.equal(3);
  });

  it('zero is a score, not a missing one', () => {
    expect(scoreOfExtensions({ extension: [{ url: EXT.ordinalValue, valueDecimal: 0 }] })).to.equal(0);
  });

  it('prefers itemWeight over ordinalValue', () => {
    expect(
      scoreOfExtensions({
        extension: [
          { url: EXT.ordinalValue, valueDecimal: 1 },
          { url: EXT.itemWeight, valueDecimal: 9 },
        ],
      }),
    ).to.equal(9);
  });

  it('undefined without a score extension', () => {
    expect(scoreOfExtensions(undefined)).to.equal(undefined);
    expect(scoreOfExtensions({})).to.equal(undefined);
    expect(scoreOfExtensions({ extension: [{ url: 'http://example.org/other', valueDecimal: 1 }] })).to.equal(undefined);
    expect(scoreOfExtensions({ extension: [{ url: EXT.ordinalValue, valueString: '1' }] })).to.equal(undefined);
  });
});
