import { expect } from '@open-wc/testing';
import {
  auditEntriesFor,
  auditedPatientOf,
  buildAuditEvent,
  correlationIdOf,
  isInternalAuditOnly,
  isListRead,
  lookUpsOf,
  patientIdOf,
  patientsOf,
  resourceWritesFor,
  type AuditedRequest,
  type Touch,
} from './index.js';

const request = (over: Partial<AuditedRequest> = {}): AuditedRequest => ({
  patientId: 'inge',
  interaction: 'search-type',
  resourceType: 'QuestionnaireResponse',
  user: { reference: 'Practitioner/mads', display: 'Terapeut Mads Madsen' },
  client: { id: 'kpro-app', display: 'kpro (PRO i EOJ)' },
  correlationId: 'c-1',
  observer: 'kpro sandbox',
  recorded: new Date('2027-01-12T10:00:00Z'),
  ...over,
});

describe('audit: the AuditEvent the server writes', () => {
  it('names the citizen as role-1 entity, the user as requestor, the client, and the trace id (role 21); no CPR', () => {
    const ev = buildAuditEvent(request());
    expect(ev.action).to.equal('R');
    expect(ev.subtype![0]!.code).to.equal('search-type');
    expect(ev.outcomeDesc).to.equal('QuestionnaireResponse');
    expect(auditedPatientOf(ev)).to.equal('inge');
    expect(correlationIdOf(ev)).to.equal('c-1');
    const requestors = ev.agent.filter((a) => a.requestor);
    expect(requestors).to.have.length(1);
    expect(requestors[0]!.who!.reference).to.equal('Practitioner/mads');
    expect(requestors[0]!.who!.identifier!.value).to.equal('Practitioner/mads');
    expect(ev.agent.find((a) => !a.requestor)!.who!.identifier!.value).to.equal('kpro-app');
    expect(ev.source.observer.display).to.equal('kpro sandbox');
    expect(ev.recorded).to.equal('2027-01-12T10:00:00.000Z');
    expect(isInternalAuditOnly(ev)).to.equal(false);
    expect(JSON.stringify(ev)).to.not.match(/\d{6}-?\d{4}/);
  });

  it('maps interactions to FUT actions and marks internal-only events', () => {
    expect(buildAuditEvent(request({ interaction: 'create' })).action).to.equal('C');
    expect(buildAuditEvent(request({ interaction: 'patch' })).action).to.equal('U');
    expect(buildAuditEvent(request({ interaction: 'delete' })).action).to.equal('D');
    expect(buildAuditEvent(request({ interaction: 'vread' })).action).to.equal('R');
    const internal = buildAuditEvent(request({ internalOnly: true }));
    expect(internal.purposeOfEvent![0]!.coding![0]).to.deep.equal({ system: 'http://ehealth.sundhed.dk/fhir/PurposeOfUse', code: 'INTERNAL_AUDIT_ONLY' });
    expect(isInternalAuditOnly(internal)).to.equal(true);
  });
});

describe('audit: which citizens a request touches', () => {
  it('reads Patient references wherever they are, relative or absolute, and the Patient itself', () => {
    expect(patientIdOf('Patient/inge')).to.equal('inge');
    expect(patientIdOf('http://127.0.0.1:8080/fhir/Patient/jens/_history/3')).to.equal('jens');
    expect(patientIdOf('Practitioner/mads')).to.equal(undefined);
    expect(patientIdOf('#contained')).to.equal(undefined);
    expect(patientIdOf('Patient/inge?x=1')).to.equal(undefined);
    const qr = {
      resourceType: 'QuestionnaireResponse',
      subject: { reference: 'Patient/inge' },
      author: { reference: 'Practitioner/mads' },
      source: { reference: 'Patient/jens' },
      extension: [{ url: 'x', valueReference: { reference: 'http://server/fhir/Patient/karen' } }],
      contained: [{ resourceType: 'Basic', subject: { reference: 'Patient/poul' } }],
    };
    expect([...patientsOf(qr)].sort()).to.deep.equal(['inge', 'jens', 'karen', 'poul']);
    expect([...patientsOf({ resourceType: 'Patient', id: 'inge' })]).to.deep.equal(['inge']);
    expect(patientsOf({ resourceType: 'Questionnaire', id: 'who-5' }).size).to.equal(0);
  });

  it('walks a resource nested far deeper than any stack without overflowing', () => {
    let item: Record<string, unknown> = { linkId: 'x', answer: [{ valueReference: { reference: 'Patient/deep' } }] };
    for (let i = 0; i < 20_000; i++) item = { linkId: `l${i}`, item: [item] };
    expect([...patientsOf({ resourceType: 'QuestionnaireResponse', item: [item] } as never)]).to.deep.equal(['deep']);
  });

  it('gives one entry per citizen and action: a search of three responses is one read, definitions none', () => {
    const qr = (id: string, patient: string) => ({ resourceType: 'QuestionnaireResponse', id, subject: { reference: `Patient/${patient}` } });
    const entries = auditEntriesFor([
      { interaction: 'search-type', resource: qr('1', 'inge') },
      { interaction: 'search-type', resource: qr('2', 'inge') },
      { interaction: 'search-type', resource: qr('3', 'jens') },
      { interaction: 'search-type', resource: { resourceType: 'Questionnaire', id: 'who-5' } },
      { interaction: 'create', resource: qr('4', 'inge') },
    ]);
    expect(entries.map((e) => `${e.patientId} ${e.action}`)).to.deep.equal(['inge R', 'jens R', 'inge C']);
    expect(auditEntriesFor([{ interaction: 'read', resource: { resourceType: 'PlanDefinition', id: 'p' } }])).to.deep.equal([]);
  });

  it('audits writes that concern no citizen (a care team) by the resource, reaching no MinLog', () => {
    const team = { resourceType: 'CareTeam', id: 'nord', participant: [{ member: { reference: 'Practitioner/mads' } }] };
    const touches: Touch[] = [
      { interaction: 'update', resource: team },
      { interaction: 'patch', resource: team },
      { interaction: 'read', resource: team },
      { interaction: 'update', resource: { resourceType: 'Task', id: 't', for: { reference: 'Patient/inge' } } as never },
      { interaction: 'create', resource: { resourceType: 'CareTeam' } },
    ];
    const entries = resourceWritesFor(touches);
    expect(entries).to.deep.equal([{ resource: 'CareTeam/nord', action: 'U', interaction: 'update', resourceType: 'CareTeam' }]);
    const event = buildAuditEvent({ ...request(), patientId: undefined, ...entries[0]! });
    expect(event.entity!.map((e) => [e.what?.reference ?? e.what?.identifier?.value, e.role?.code, e.lifecycle?.code])).to.deep.equal([
      ['CareTeam/nord', '4', 'Amendment'],
      ['c-1', '21', undefined],
    ]);
    expect(auditedPatientOf(event)).to.equal(undefined);
    expect(lookUpsOf('inge', [event])).to.deep.equal([]);
    const read = buildAuditEvent({ ...request(), patientId: undefined, resource: 'CareTeam/nord', interaction: 'read' });
    expect(read.entity![0]!).to.not.have.property('lifecycle');
  });

  it('calls a search without a citizen in context a list read', () => {
    expect(isListRead({ interaction: 'search-type' })).to.equal(true);
    expect(isListRead({ interaction: 'search-type', patientInContext: 'inge' })).to.equal(false);
    expect(isListRead({ interaction: 'read' })).to.equal(false);
  });
});

describe('audit: MinLog look-ups', () => {
  const at = (minute: number) => new Date(Date.UTC(2027, 0, 12, 10, minute));
  const events = [
    // Mads opens Inge: three requests, one launch.
    buildAuditEvent(request({ correlationId: 'launch-1', recorded: at(1) })),
    buildAuditEvent(request({ correlationId: 'launch-1', interaction: 'read', resourceType: 'Patient', recorded: at(0) })),
    buildAuditEvent(request({ correlationId: 'launch-1', interaction: 'create', recorded: at(3) })),
    // Hanne opens Inge later: a second look-up.
    buildAuditEvent(request({ correlationId: 'launch-2', user: { reference: 'Practitioner/hanne', display: 'Sygeplejerske Hanne Holm' }, recorded: at(10) })),
    // Jens is someone else's citizen.
    buildAuditEvent(request({ correlationId: 'launch-3', patientId: 'jens', recorded: at(11) })),
    // Inge's own use and a list read kept for internal audit only.
    buildAuditEvent(request({ correlationId: 'own', user: { reference: 'Patient/inge' }, recorded: at(12) })),
    buildAuditEvent(request({ correlationId: 'list', internalOnly: true, recorded: at(13) })),
  ];

  it('groups by correlation id: one launch is one look-up however many requests; newest first', () => {
    const lookUps = lookUpsOf('inge', events);
    expect(lookUps.map((l) => [l.correlationId, l.who, l.system, l.count])).to.deep.equal([
      ['launch-2', 'Sygeplejerske Hanne Holm', 'kpro (PRO i EOJ)', 1],
      ['launch-1', 'Terapeut Mads Madsen', 'kpro (PRO i EOJ)', 3],
    ]);
    expect(lookUps[1]!.first).to.equal(at(0).toISOString());
    expect(lookUps[1]!.last).to.equal(at(3).toISOString());
    expect(lookUps[1]!.whoReference).to.equal('Practitioner/mads');
    expect(lookUpsOf('jens', events)).to.have.length(1);
    expect(lookUpsOf('poul', events)).to.deep.equal([]);
  });

  it('falls back to the reference and the observer when names are missing, and skips events without a trace id', () => {
    const bare = buildAuditEvent(request({ user: { reference: 'Practitioner/x' }, client: { id: 'other-app' } }));
    expect(lookUpsOf('inge', [bare])[0]).to.include({ who: 'Practitioner/x', system: 'other-app' });
    const untraced = { ...bare, entity: bare.entity!.slice(0, 1) };
    expect(lookUpsOf('inge', [untraced])).to.deep.equal([]);
  });
});
