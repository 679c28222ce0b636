import { expect } from '@open-wc/testing';
import { capabilitiesFromScopes } from './scopes.js';

describe('SMART scopes → capabilities', () => {
  it('reads v2 scopes per resource type and action', () => {
    const c = capabilitiesFromScopes('launch openid fhirUser patient/QuestionnaireResponse.crus patient/*.rs');
    expect(c.can('QuestionnaireResponse', 'c')).to.equal(true);
    expect(c.canWrite('QuestionnaireResponse')).to.equal(true);
    expect(c.canWrite('CarePlan')).to.equal(false);
    expect(c.can('CarePlan', 'r')).to.equal(true);
    expect(c.can('CarePlan', 'd')).to.equal(false);
  });

  it('accepts v1 read/write scopes', () => {
    const ro = capabilitiesFromScopes('patient/*.read');
    expect(ro.can('Observation', 'r')).to.equal(true);
    expect(ro.canWrite('QuestionnaireResponse')).to.equal(false);
    expect(capabilitiesFromScopes('user/CarePlan.write').canWrite('CarePlan')).to.equal(true);
  });

  it('grants nothing without scopes', () => {
    expect(capabilitiesFromScopes(undefined).can('Patient', 'r')).to.equal(false);
  });
});
