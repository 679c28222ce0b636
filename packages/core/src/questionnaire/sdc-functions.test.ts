import { expect } from '@open-wc/testing';
import { withSdcFunctions } from './sdc-functions.js';

describe('SDC FHIRPath functions written out', () => {
  it('answers() becomes the FHIRPath that walks every answer, nested ones included', () => {
    expect(withSdcFunctions('%resource.answers().value.ordinal().sum()')).to.equal(
      '%resource.repeat(item | answer.item).answer.value.ordinal().sum()',
    );
    expect(withSdcFunctions('answers( ).count()')).to.equal('repeat(item | answer.item).answer.count()');
  });

  it('leaves string literals, quoted names, variables and other functions alone', () => {
    for (const e of ["'answers()'", '%answers()', 'item.`answers()`', 'myanswers()', "where(text = 'it\\'s answers()')"]) {
      expect(withSdcFunctions(e), e).to.equal(e);
    }
  });
});
