import { expect } from '@open-wc/testing';
import { Auditor, buildPatientLookupAuditEvent, type SeenStore } from './audit.js';

const memorySeen = (): SeenStore => {
  const s = new Set<string>();
  return { has: (k) => s.has(k), add: (k) => void s.add(k) };
};

describe('audit', () => {
  it('builds a MinLog-ready AuditEvent: patient entity with role 1, correlation id, no CPR', () => {
    const ev = buildPatientLookupAuditEvent('p1', { correlationId: 'c-1', user: { reference: 'Practitioner/9' }, clientId: 'kpro-app' });
    expect(ev.entity![0]!.what!.reference).to.equal('Patient/p1');
    expect(ev.entity![0]!.role!.code).to.equal('1');
    expect(ev.extension![0]!.valueString).to.equal('c-1');
    expect(ev.agent![0]!.who!.reference).to.equal('Practitioner/9');
    expect(JSON.stringify(ev)).to.not.match(/\d{6}-?\d{4}/);
  });

  it('logs each citizen once per session, also when opened twice at the same time', async () => {
    const written: fhir4.AuditEvent[] = [];
    const seen = memorySeen();
    const auditor = new Auditor({ correlationId: 's1' }, async (e) => void written.push(e), seen);
    await Promise.all([auditor.patientOpened('a'), auditor.patientOpened('a')]);
    await auditor.patientOpened('a');
    await auditor.patientOpened('b');
    expect(written.map((e) => e.entity![0]!.what!.reference)).to.deep.equal(['Patient/a', 'Patient/b']);
    // A new auditor in the same session (a reload) does not log again.
    const again = new Auditor({ correlationId: 's1' }, async (e) => void written.push(e), seen);
    await again.patientOpened('a');
    expect(written).to.have.length(2);
  });

  it('tries again later when writing fails', async () => {
    let fail = true;
    const written: string[] = [];
    const auditor = new Auditor({ correlationId: 's2' }, async (e) => {
      if (fail) throw new Error('down');
      written.push(e.entity![0]!.what!.reference!);
    }, memorySeen());
    let error: unknown;
    await auditor.patientOpened('a').catch((e) => (error = e));
    expect(error).to.be.instanceOf(Error);
    fail = false;
    await auditor.patientOpened('a');
    expect(written).to.deep.equal(['Patient/a']);
  });
});
