import { expect } from '@open-wc/testing';
import type { Extension, Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import { questionnaire } from '../test-helpers/questionnaires.js';
import { findTriagingResult, isTriagingResult, readClinicalImpression, toClinicalImpression, type ClinicalImpression } from './clinical-impression.js';
import { triageResponse } from './evaluate.js';
import { cond, rule, ruled } from './test-helpers/rules.js';
import { TRIAGE_URL } from './urls.js';
import { WORKED_EXAMPLES, workedExampleResponse } from './worked-examples.js';

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const rehab = await load('kommunal-rehabilitering');
const who5 = await load('who-5');
const who5v09 = await load('who-5-v0.9');
const example = (id: string) => WORKED_EXAMPLES.find((e) => e.id === id)!;
const subject = { reference: 'Patient/102' };
const date = '2025-01-15T12:00:00+01:00';
const basisOf = (ci: ClinicalImpression) => (ci.extension ?? []).filter((e) => e.url === TRIAGE_URL.findingBasis);
const sub = (e: Extension, url: string) => e.extension!.find((x) => x.url === url);
const finding = (code: string) => ({ coding: [{ system: TRIAGE_URL.findingCodes, code }] });

/** A FUT ClinicalImpression written by hand, as a server might. */
const serverVerdict = (extra: Partial<ClinicalImpression> = {}): ClinicalImpression => ({
  resourceType: 'ClinicalImpression',
  id: 'ci-1',
  status: 'completed',
  code: { coding: [{ system: TRIAGE_URL.clinicalImpressionCodes, code: 'TriagingResult' }] },
  subject,
  date,
  investigation: [{ code: { text: 'QR' }, item: [{ reference: 'https://measurement.test/fhir/QuestionnaireResponse/worked-who5-32' }] }],
  finding: [{ itemCodeableConcept: finding('red') }],
  ...extra,
});
const basis = (linkId: string, parts: Extension[]): Extension => ({ url: TRIAGE_URL.findingBasis, extension: [{ url: 'linkId', valueString: linkId }, ...parts] });

describe('toClinicalImpression', () => {
  it('writes the FUT TriagingResult shape with one finding-basis per triggering answer', async () => {
    const result = await triageResponse(who5, workedExampleResponse(example('who5-32'), who5));
    const ci = toClinicalImpression(result, { subject, date, episodeOfCare: { reference: 'EpisodeOfCare/42' }, id: 'x' });
    expect(ci).to.deep.include({
      resourceType: 'ClinicalImpression',
      id: 'x',
      meta: { profile: ['http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-clinicalimpression'] },
      status: 'completed',
      code: { coding: [{ system: 'http://ehealth.sundhed.dk/cs/clinicalimpression-codes', code: 'TriagingResult' }] },
      subject,
      date,
      investigation: [{ code: { text: 'QR' }, item: [{ reference: 'QuestionnaireResponse/worked-who5-32' }] }],
      protocol: ['https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0'],
      finding: [{ itemCodeableConcept: finding('red') }],
    });
    expect(ci.extension![0]).to.deep.equal({ url: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare', valueReference: { reference: 'EpisodeOfCare/42' } });
    const bases = basisOf(ci);
    expect(bases.map((b) => [sub(b, 'linkId')!.valueString, sub(b, 'finding')!.valueCodeableConcept!.coding![0]!.code])).to.deep.equal([
      ['t4', 'yellow-question-answer'],
      ['t5', 'yellow-question-answer'],
      ['who5-score', 'red-question-answer'],
    ]);
    const score = bases[2]!;
    expect(sub(score, 'value')).to.deep.equal({ url: 'value', valueDecimal: 32 });
    expect(sub(score, 'value')).to.not.have.property('valueQuantity');
    // The deciding rule, copied as written on the item.
    const written = who5.item![0]!.item!.find((i) => i.linkId === 'who5-score')!.extension!.filter((e) => e.url === TRIAGE_URL.answerSignificance)[0];
    expect(sub(score, TRIAGE_URL.answerSignificance)).to.deep.equal(written);
    expect(sub(bases[0]!, 'value')!.valueCoding!.code).to.equal('lidt-af-tiden');
  });

  it('writes grey as data-absent and none as no-effective-answer-significance or no-answer-significance-defined', async () => {
    const grey = await triageResponse(who5, workedExampleResponse(example('who5-empty'), who5));
    expect(toClinicalImpression(grey, { subject, date }).finding).to.deep.equal([{ itemCodeableConcept: finding('data-absent') }]);
    const none = await triageResponse(rehab, workedExampleResponse({ ...example('declined-x1'), answers: { x1: 'nej', x2: 'nej' } }, rehab));
    expect(none.domains.find((d) => d.linkId === 'seksualitet')!.significance).to.equal('none');
    const plain = await triageResponse(questionnaire([{ linkId: 'a', type: 'string' }]), { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a', answer: [{ valueString: 'x' }] }] });
    const ci = toClinicalImpression(plain, { subject, date });
    expect(ci.finding).to.deep.equal([{ itemCodeableConcept: finding('no-answer-significance-defined') }]);
    expect(ci).to.not.have.property('extension');
    expect(ci).to.not.have.property('investigation');
    const noMatch = await triageResponse(questionnaire([ruled('a', 'integer', [rule('red', cond('>', { valueInteger: 5 }))])]), { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a', answer: [{ valueInteger: 1 }] }] });
    expect(toClinicalImpression(noMatch, { subject, date }).finding).to.deep.equal([{ itemCodeableConcept: finding('no-effective-answer-significance') }]);
  });

  it('writes a quantity as its number, leaves out a value a basis cannot hold, and takes an explicit response reference', async () => {
    const q = questionnaire([
      ruled('w', 'quantity', [rule('yellow', cond('>', { valueDecimal: 100 }))]),
      ruled('must', 'string', [rule('red', cond('exists', { valueBoolean: false }))]),
    ]);
    const r = await triageResponse(q, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'w', answer: [{ valueQuantity: { value: 120, unit: 'kg' } }] }] });
    const ci = toClinicalImpression(r, { subject, date, response: { reference: 'https://measurement.test/fhir/QuestionnaireResponse/9' } });
    const [w, must] = basisOf(ci);
    expect(sub(w!, 'value')).to.deep.equal({ url: 'value', valueDecimal: 120 });
    expect(sub(must!, 'value')).to.equal(undefined);
    expect(sub(must!, 'finding')!.valueCodeableConcept).to.deep.equal(finding('red-question-answer'));
    expect(ci.investigation![0]!.item).to.deep.equal([{ reference: 'https://measurement.test/fhir/QuestionnaireResponse/9' }]);
    const noValue = { ...r, items: r.items.map((i) => (i.linkId === 'w' ? { ...i, triggers: [{ ...i.triggers[0]!, value: { valueQuantity: { unit: 'kg' } } }] } : i)) };
    expect(sub(basisOf(toClinicalImpression(noValue, { subject, date }))[0]!, 'value')).to.equal(undefined);
    const dated = { ...r, items: r.items.map((i) => (i.linkId === 'w' ? { ...i, triggers: [{ ...i.triggers[0]!, value: { valueDate: '2025-01-01' } }] } : i)) };
    expect(sub(basisOf(toClinicalImpression(dated, { subject, date }))[0]!, 'value')).to.equal(undefined);
  });
});

describe('readClinicalImpression', () => {
  for (const id of ['rehab-red', 'rehab-yellow', 'rehab-green', 'no-rules', 'declined-and-green', 'who5-32']) {
    it(`round trip: ${id} computed → ClinicalImpression → read back gives the same colours`, async () => {
      const e = example(id);
      const q = e.questionnaire === 'who-5' ? who5 : rehab;
      const response = workedExampleResponse(e, q);
      const computed = await triageResponse(q, response);
      const ci = JSON.parse(JSON.stringify(toClinicalImpression(computed, { subject, date, id: 'ci-9' }))) as ClinicalImpression;
      const server = await readClinicalImpression(ci, q, { response });
      expect(server).to.include({ source: 'server', questionnaire: computed.questionnaire, responseId: computed.responseId, clinicalImpressionId: 'ci-9', date, overall: computed.overall });
      expect(server.warnings).to.deep.equal([]);
      expect(server.items.map((i) => [i.linkId, i.significance])).to.deep.equal(computed.items.map((i) => [i.linkId, i.significance]));
      expect(server.domains.map((d) => [d.linkId, d.significance, d.counts])).to.deep.equal(computed.domains.map((d) => [d.linkId, d.significance, d.counts]));
      expect(server.agenda).to.deep.equal(computed.agenda);
      for (const [k, item] of computed.items.entries()) {
        expect(server.items[k]!.triggers.map((t) => [t.rule.index, t.rule.significance, t.value])).to.deep.equal(item.triggers.map((t) => [t.rule.index, t.rule.significance, t.value]));
      }
    });
  }

  it('says the colours are the server\'s, with the rule\'s condition', async () => {
    const response = workedExampleResponse(example('who5-32'), who5);
    const ci = toClinicalImpression(await triageResponse(who5, response), { subject, date });
    const da = await readClinicalImpression(ci, who5, { response });
    expect(da.items.find((i) => i.linkId === 'who5-score')!.reason.text).to.equal('WHO-5 trivselsscore (0–100): 32, højst 35 → rød (serverens vurdering)');
    expect(da.items.find((i) => i.linkId === 't1')!.reason).to.include({ kind: 'server-no-finding', significance: 'none' });
    expect(da.items.find((i) => i.linkId === 't1')!.reason.text).to.match(/\(ingen farve i serverens vurdering\)$/);
    const en = await readClinicalImpression(ci, who5, { response, lang: 'en' });
    expect(en.items.find((i) => i.linkId === 'who5-score')!.reason.text).to.equal("WHO-5 Well-Being Index score (0–100): 32, at most 35 → red (the server's assessment)");
  });

  it('recognises a copied rule whatever order the server wrote its keys in', async () => {
    const response = workedExampleResponse(example('who5-36'), who5);
    const ci = toClinicalImpression(await triageResponse(who5, response), { subject, date });
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const server = await readClinicalImpression(reorder(ci) as ClinicalImpression, who5, { response });
    const score = server.items.find((i) => i.linkId === 'who5-score')!;
    expect(score.triggers[0]!.rule.index).to.equal(1);
    expect(score.reason.conditionText).to.equal('mellem 36 og 50');
  });

  it('reads a verdict that only has finding codes (no copied rule): the colour without a condition', async () => {
    const ci = serverVerdict({ extension: [basis('who5-score', [{ url: 'value', valueDecimal: 32 }, { url: 'finding', valueCodeableConcept: finding('red-question-answer') }])] });
    const r = await readClinicalImpression(ci, who5, { response: workedExampleResponse(example('who5-32'), who5) });
    const score = r.items.find((i) => i.linkId === 'who5-score')!;
    expect(score).to.include({ significance: 'red', hasRules: true });
    expect(score.reason.text).to.equal('WHO-5 trivselsscore (0–100): 32 → rød (serverens vurdering)');
    expect(score.reason.conditionText).to.equal(undefined);
    expect(score.triggers[0]!.rule).to.include({ index: -1, significance: 'red' });
    expect(r.overall).to.equal('red');
    expect(r.domains[0]!.significance).to.equal('red');
  });

  it('shows the server\'s colour also where our rules would give another, and takes the colour from the copied rule when the finding code is missing', async () => {
    const yellowRule = rule('yellow', cond('<=', { valueDecimal: 40 }));
    const ci = serverVerdict({
      finding: [{ itemCodeableConcept: finding('yellow') }],
      extension: [
        basis('who5-score', [{ url: 'value', valueDecimal: 32 }, { url: 'finding', valueCodeableConcept: finding('yellow-question-answer') }, { ...rule('red', cond('<=', { valueDecimal: 35 })) }]),
        basis('t4', [{ url: 'value', valueCoding: { system: 'https://kpro.example.dk/fhir/CodeSystem/who5-svar', code: 'lidt-af-tiden' } }, yellowRule]),
      ],
    });
    const r = await readClinicalImpression(ci, who5, { response: workedExampleResponse(example('who5-32'), who5) });
    const score = r.items.find((i) => i.linkId === 'who5-score')!;
    expect(score.significance).to.equal('yellow');
    expect(score.triggers[0]!.rule).to.include({ significance: 'yellow', index: -1 });
    expect(score.reason.text).to.equal('WHO-5 trivselsscore (0–100): 32, højst 35 → gul (serverens vurdering)');
    expect(r.items.find((i) => i.linkId === 't4')!.significance).to.equal('yellow');
    expect(r.overall).to.equal('yellow');
  });

  it('without the response, lists only the answers the server names', async () => {
    const response = workedExampleResponse(example('rehab-red'), rehab);
    const ci = toClinicalImpression(await triageResponse(rehab, response), { subject, date });
    const r = await readClinicalImpression(ci, rehab);
    expect(r.items.every((i) => i.triggers.length > 0)).to.equal(true);
    expect(r.items.map((i) => i.linkId)).to.include.members(['who5-score', 'h1', 'netvaerk-risiko']);
    expect(r.items.map((i) => i.linkId)).to.not.include('r2');
    expect(r.overall).to.equal('red');
    expect(r.domains.find((d) => d.linkId === 'soevn')!.significance).to.equal('red');
    expect(r).to.not.have.property('authored');
  });

  it('reads the verdict with the questionnaire version it names in protocol', async () => {
    const response = workedExampleResponse(example('who5-v0.9-32'), who5v09);
    const ci = toClinicalImpression(await triageResponse(who5v09, response), { subject, date });
    const r = await readClinicalImpression(ci, [who5, who5v09], { response });
    expect(r.questionnaire).to.equal('https://kpro.example.dk/fhir/Questionnaire/who-5|0.9.0');
    expect(r.items.find((i) => i.linkId === 'who5-score')!.reason.conditionText).to.equal('mellem 29 og 50');
    expect(r.versionFallback).to.equal(false);
  });

  it('reports what is wrong and still shows what it can', async () => {
    const ci: ClinicalImpression = {
      resourceType: 'ClinicalImpression',
      status: 'completed',
      subject,
      code: { coding: [{ system: TRIAGE_URL.clinicalImpressionCodes, code: 'MeasurementAssessment' }] },
      investigation: [{ code: { text: 'QR' }, item: [{ reference: 'QuestionnaireResponse/other' }] }],
      extension: [
        basis('t4', [{ url: 'finding', valueCodeableConcept: finding('yellow-question-answer') }]),
        basis('gone', [{ url: 'finding', valueCodeableConcept: finding('red-question-answer') }]),
        { url: TRIAGE_URL.findingBasis, extension: [{ url: 'finding', valueCodeableConcept: finding('red-question-answer') }] },
        basis('t5', [{ url: 'finding', valueCodeableConcept: finding('no-effective-answer-significance') }]),
        { url: TRIAGE_URL.findingBasis },
      ],
    };
    const response = { ...workedExampleResponse(example('who5-36'), who5) };
    const r = await readClinicalImpression(ci, who5, { response });
    expect(r.warnings.map((w) => [w.code, w.params])).to.deep.equal([
      ['not-triage-result', {}],
      ['server-other-response', { reference: 'QuestionnaireResponse/other' }],
      ['server-finding-missing', {}],
      ['server-basis-malformed', { index: 3 }],
      ['server-basis-malformed', { index: 4 }],
      ['server-basis-malformed', { index: 5 }],
      ['server-unknown-link-id', { linkId: 'gone' }],
    ]);
    expect(r.items.find((i) => i.linkId === 't4')!.significance).to.equal('yellow');
    // No overall finding: the worst of the server's findings, also the one for an item we do not know.
    expect(r.overall).to.equal('red');
    expect(r.responseId).to.equal('other');
  });

  it('a verdict for a questionnaire we do not have: the server\'s overall colour and nothing else', async () => {
    const ci = serverVerdict({ protocol: ['https://elsewhere/Questionnaire/x|1'] });
    const r = await readClinicalImpression(ci, [who5]);
    expect(r).to.deep.include({ source: 'server', overall: 'red', items: [], questionnaire: 'https://elsewhere/Questionnaire/x|1', responseId: 'worked-who5-32' });
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['questionnaire-not-found']);
    const derived = await readClinicalImpression(serverVerdict({ finding: [], protocol: undefined, extension: [basis('x', [{ url: 'finding', valueCodeableConcept: finding('yellow-question-answer') }])] }), [who5]);
    expect(derived.overall).to.equal('yellow');
    expect(derived.warnings.map((w) => w.code)).to.deep.equal(['server-finding-missing', 'questionnaire-version-unspecified', 'server-unknown-link-id']);
    expect(derived.questionnaire).to.equal('https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0');
    const noCi = await readClinicalImpression(undefined as unknown as ClinicalImpression, who5);
    expect(noCi.warnings.map((w) => w.code)).to.deep.equal(['not-triage-result', 'server-finding-missing']);
    expect(noCi.overall).to.equal('none');
  });

  it('maps the overall finding codes back: data-absent is grey, no-effective… and no-answer… are none', async () => {
    for (const [code, colour] of [
      ['data-absent', 'grey'],
      ['no-effective-answer-significance', 'none'],
      ['no-answer-significance-defined', 'none'],
      ['green', 'green'],
    ] as const) {
      const r = await readClinicalImpression(serverVerdict({ finding: [{ itemCodeableConcept: { coding: [{ system: 'http://other', code: 'red' }, ...finding(code).coding] } }] }), who5);
      expect(r.overall, code).to.equal(colour);
    }
  });
});

describe('edges of reading and writing', () => {
  it('an empty result writes no protocol and no findings basis; reading it back without anything gives none', async () => {
    const empty = await triageResponse([who5], { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: 'https://elsewhere/Q|1' });
    const ci = toClinicalImpression(empty, { subject, date });
    expect(ci).to.not.have.property('protocol');
    expect(ci.finding).to.deep.equal([{ itemCodeableConcept: finding('no-answer-significance-defined') }]);
    const back = await readClinicalImpression({ ...ci, finding: [] }, [who5, who5v09]);
    expect(back).to.deep.include({ overall: 'none', questionnaire: '', items: [] });
    expect(back).to.not.have.property('responseId');
  });

  it('reads a basis for a question outside any group without the response', async () => {
    const q = questionnaire([ruled('top', 'integer', [rule('red', cond('>', { valueInteger: 5 }))], { text: 'Top' })]);
    const ci = serverVerdict({ extension: [basis('top', [{ url: 'value', valueInteger: 7 }, { url: 'finding', valueCodeableConcept: finding('red-question-answer') }])] });
    const r = await readClinicalImpression(ci, q);
    expect(r.items.map((i) => [i.linkId, i.domain, i.significance, i.answerText])).to.deep.equal([['top', undefined, 'red', '7']]);
  });
});

describe('finding the server verdict of a response', () => {
  it('picks the newest TriagingResult about the response, by id whatever the base URL', () => {
    const older = serverVerdict({ id: 'old', date: '2025-01-15T12:00:00Z' });
    const newer = serverVerdict({ id: 'new', date: '2025-01-16T12:00:00Z' });
    const otherResponse = serverVerdict({ id: 'other', date: '2025-02-01T00:00:00Z', investigation: [{ code: { text: 'QR' }, item: [{ reference: 'QuestionnaireResponse/else' }] }] });
    const notTriage = serverVerdict({ id: 'assessment', date: '2025-03-01T00:00:00Z', code: { coding: [{ system: TRIAGE_URL.clinicalImpressionCodes, code: 'MeasurementAssessment' }] } });
    const noDate = serverVerdict({ id: 'undated', date: undefined });
    const response: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'completed', id: 'worked-who5-32' };
    expect(findTriagingResult([older, otherResponse, newer, notTriage, noDate], response)!.id).to.equal('new');
    expect(findTriagingResult([noDate, older], 'worked-who5-32')!.id).to.equal('old');
    expect(findTriagingResult([older], { id: 'else' })).to.equal(undefined);
    expect(findTriagingResult([older], {})).to.equal(undefined);
    const relative = serverVerdict({ id: 'rel', investigation: [{ code: { text: 'QR' }, item: [{ reference: 'QuestionnaireResponse/worked-who5-32' }] }, { code: { text: 'other' } }] });
    expect(findTriagingResult([relative], response)!.id).to.equal('rel');
    expect(findTriagingResult([serverVerdict({ investigation: undefined })], response)).to.equal(undefined);
  });

  it('isTriagingResult checks resource type and code', () => {
    expect(isTriagingResult(serverVerdict())).to.equal(true);
    expect(isTriagingResult({ resourceType: 'Observation', code: serverVerdict().code })).to.equal(false);
    expect(isTriagingResult({ resourceType: 'ClinicalImpression' })).to.equal(false);
    expect(isTriagingResult(undefined)).to.equal(false);
  });
});
