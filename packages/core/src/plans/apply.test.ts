import { expect } from '@open-wc/testing';
import { hasApplyOperation, mergeServerApply } from './apply.js';

const bundle: fhir4.Bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:p', resource: { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: 'Patient/a' }, period: { start: '2026-03-02' } } },
    {
      fullUrl: 'urn:uuid:s',
      resource: { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/a' }, instantiatesCanonical: ['urn:ad|1'], occurrenceDateTime: '2026-03-02' },
    },
  ],
};

describe('plans: PlanDefinition/$apply', () => {
  it('finds $apply in a CapabilityStatement (type-level or system-level)', () => {
    expect(hasApplyOperation(undefined)).to.equal(false);
    expect(hasApplyOperation({ resourceType: 'CapabilityStatement', status: 'active', date: '2026', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server', resource: [{ type: 'PlanDefinition' }] }] })).to.equal(false);
    expect(
      hasApplyOperation({
        resourceType: 'CapabilityStatement', status: 'active', date: '2026', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
        rest: [{ mode: 'server', resource: [{ type: 'PlanDefinition', operation: [{ name: 'apply', definition: 'x' }] }] }],
      }),
    ).to.equal(true);
  });

  it('adds what the server filled in, keeps our status, dates and subject', () => {
    const applied: fhir4.CarePlan = {
      resourceType: 'CarePlan',
      status: 'draft',
      intent: 'plan',
      subject: { reference: 'Patient/other' },
      title: 'Fra server',
      period: { start: '1999-01-01' },
      contained: [
        { resourceType: 'ServiceRequest', id: 'z', status: 'draft', intent: 'order', subject: { reference: 'Patient/a' }, instantiatesCanonical: ['urn:ad|1'], code: { text: 'server code' }, extension: [{ url: 'urn:sharing', valueCode: 'share' }], occurrenceDateTime: '1999-01-01' },
      ],
    };
    const merged = mergeServerApply(bundle, applied);
    const plan = merged.entry![0]!.resource as fhir4.CarePlan;
    const sr = merged.entry![1]!.resource as fhir4.ServiceRequest;
    expect(plan.title).to.equal('Fra server');
    expect(plan.status).to.equal('active');
    expect(plan.period!.start).to.equal('2026-03-02');
    expect(plan.subject!.reference).to.equal('Patient/a');
    expect(sr.code!.text).to.equal('server code');
    expect(sr.extension![0]!.url).to.equal('urn:sharing');
    expect(sr.occurrenceDateTime).to.equal('2026-03-02');
    expect(sr.status).to.equal('active');
  });

  it('leaves the bundle as it is when $apply gave nothing usable', () => {
    expect(mergeServerApply(bundle, undefined)).to.equal(bundle);
    expect(mergeServerApply(bundle, { resourceType: 'OperationOutcome', issue: [] } as fhir4.OperationOutcome)).to.equal(bundle);
  });
});
