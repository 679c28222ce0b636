import { expect } from '@open-wc/testing';
import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import { questionnaire } from '../test-helpers/questionnaires.js';
import { readClinicalImpression, toClinicalImpression } from './clinical-impression.js';
import { courseOf, triageCourse } from './course.js';
import { triageResponse } from './evaluate.js';
import { cond, rule, ruled } from './test-helpers/rules.js';
import { TRIAGE_URL } from './urls.js';
import { WORKED_EXAMPLES, workedExampleResponse, type WorkedExample } from './worked-examples.js';

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const who5 = await load('who-5');
const who5v09 = await load('who-5-v0.9');
const rehab = await load('kommunal-rehabilitering');

/** A WHO-5 response with the given item points, id and date. */
const who5Response = (points: number[], id: string, authored: string, q = who5): QuestionnaireResponse => {
  const e: WorkedExample = { id, questionnaire: 'who-5', shows: '', who5: points, expect: { overall: 'none', domains: {} } };
  return { ...workedExampleResponse(e, q), id, authored };
};
const first = who5Response([3, 3, 3, 3, 3], 'first', '2025-01-06T10:00:00+01:00'); // 60
const middle = who5Response([2, 2, 2, 1, 1], 'middle', '2025-03-03T10:00:00+01:00'); // 32
const final = who5Response([3, 3, 2, 2, 2], 'final', '2025-06-02T10:00:00+02:00'); // 48

describe('triageCourse', () => {
  it('follows WHO-5 over three conversations: values, band colours, change, direction, meaningful', async () => {
    const course = await triageCourse(who5, [final, middle, first]);
    expect(course.results.map((r) => [r.responseId, r.overall])).to.deep.equal([
      ['final', 'yellow'],
      ['middle', 'red'],
      ['first', 'green'],
    ]);
    expect(course.scores.map((s) => s.linkId)).to.deep.equal(['who5-score']);
    const [score] = course.scores;
    expect(score).to.deep.include({ label: 'WHO-5 trivselsscore (0–100)', domain: 'trivsel', higherIsBetter: true, minimalImportantDifference: 10 });
    expect(score!.points.map((p) => [p.responseId, p.value, p.significance, p.band])).to.deep.equal([
      ['final', 48, 'yellow', 'mellem 36 og 50'],
      ['middle', 32, 'red', 'højst 35'],
      ['first', 60, 'green', 'over 50'],
    ]);
    const [latest, mid, start] = score!.points;
    expect(latest!.change).to.deep.include({ delta: 16, direction: 'better', meaningful: true, directionText: 'bedre', since: { responseId: 'middle', date: '2025-03-03T10:00:00+01:00' } });
    expect(latest!.change!.text).to.equal('+16 siden 3. mar. 2025: bedre, klinisk betydende ændring (mindst 10)');
    expect(mid!.change).to.deep.include({ delta: -28, direction: 'worse', meaningful: true, directionText: 'dårligere' });
    expect(start!.change).to.equal(undefined);
    expect(score!.latest).to.equal(latest!.change);
    expect(course.warnings).to.deep.equal([]);
  });

  it('says when a change is smaller than the minimal important difference, and when nothing changed (English)', async () => {
    const a = who5Response([3, 3, 3, 3, 2], 'a', '2025-02-01'); // 56
    const b = who5Response([3, 3, 3, 2, 2], 'b', '2025-01-01'); // 52
    const c = who5Response([3, 3, 3, 2, 2], 'c', '2024-12-01'); // 52
    const course = await triageCourse(who5, [a, b, c], { lang: 'en' });
    const [pa, pb] = course.scores[0]!.points;
    expect(pa!.change).to.deep.include({ delta: 4, direction: 'better', meaningful: false, directionText: 'better' });
    expect(pa!.change!.text).to.equal('+4 since Jan 1, 2025: better, not clinically meaningful (less than 10)');
    expect(pb!.change).to.deep.include({ delta: 0, direction: 'unchanged', meaningful: false, directionText: 'unchanged' });
    expect(pb!.change!.text).to.equal('0 since Dec 1, 2024: unchanged');
  });

  it('compares with the nearest earlier response that has the score', async () => {
    const incomplete = who5Response([3, 3, 3], 'incomplete', '2025-03-01');
    const course = await triageCourse(who5, [final, incomplete, first]);
    const [latest, gap] = course.scores[0]!.points;
    expect(gap).to.deep.include({ significance: 'grey', responseId: 'incomplete' });
    expect(gap!.value).to.equal(undefined);
    expect(gap!.band).to.equal(undefined);
    expect(latest!.change).to.deep.include({ delta: -12, direction: 'worse', meaningful: true, since: { responseId: 'first', date: '2025-01-06T10:00:00+01:00' } });
    expect(latest!.change!.text).to.equal('-12 siden 6. jan. 2025: dårligere, klinisk betydende ændring (mindst 10)');
  });

  it('colours each response with the rules of its own version', async () => {
    const old = who5Response([2, 2, 2, 1, 1], 'old', '2024-06-01', who5v09); // 32 under 0.9.0
    const course = await triageCourse([who5, who5v09], [middle, old]);
    const points = course.scores[0]!.points;
    expect(points.map((p) => [p.value, p.significance, p.questionnaire])).to.deep.equal([
      [32, 'red', 'https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0'],
      [32, 'yellow', 'https://kpro.example.dk/fhir/Questionnaire/who-5|0.9.0'],
    ]);
    expect(points[0]!.change).to.deep.include({ delta: 0, direction: 'unchanged' });
  });

  it('lower is better for the mood score and AUDIT-C; a score without direction or MID is only up or down', async () => {
    const answers = (id: string, mood: string, a2: string, authored: string) => {
      const e = WORKED_EXAMPLES.find((x) => x.id === 'rehab-red')!;
      return { ...workedExampleResponse({ ...e, answers: { ...e.answers, 'humoer-1': mood, a2 } }, rehab), id, authored };
    };
    // humoer-2 is "Ofte" (2) in both: 3 + 2 now, 0 + 2 before.
    const course = await triageCourse(rehab, [answers('now', 'naesten-hele-tiden', '7-9', '2025-02-01'), answers('before', 'aldrig', '1-2', '2025-01-01')]);
    const mood = course.scores.find((s) => s.linkId === 'humoer-score')!;
    expect(mood.points.map((p) => p.value)).to.deep.equal([5, 2]);
    expect(mood.latest).to.deep.include({ delta: 3, direction: 'worse', directionText: 'dårligere' });
    expect(mood.latest!.meaningful).to.equal(undefined);
    expect(mood.latest!.text).to.equal('+3 siden 1. jan. 2025: dårligere');
    const audit = course.scores.find((s) => s.linkId === 'auditc-score')!;
    expect(audit.latest).to.deep.include({ delta: 3, direction: 'worse' });
    expect(course.scores.map((s) => s.linkId)).to.deep.equal(['who5-score', 'humoer-score', 'oslo3-score', 'auditc-score']);

    const plain = questionnaire([ruled('n', 'integer', [rule('red', cond('>', { valueInteger: 5 }))], { extension: [{ url: TRIAGE_URL.minimalImportantDifference, valueDecimal: 2 }] })]);
    const r = (id: string, v: number): QuestionnaireResponse => ({ resourceType: 'QuestionnaireResponse', status: 'completed', id, item: [{ linkId: 'n', answer: [{ valueInteger: v }] }] });
    const up = await triageCourse(plain, [r('x', 7), r('y', 4)]);
    expect(up.scores[0]!.latest).to.deep.include({ delta: 3, direction: 'up', meaningful: true, directionText: 'steget', since: { responseId: 'y' } });
    expect(up.scores[0]!.latest!.text).to.equal('+3 siden y: steget, klinisk betydende ændring (mindst 2)');
    const down = await triageCourse(plain, [r('x', 4), r('y', 5)], { lang: 'en' });
    expect(down.scores[0]!.latest).to.deep.include({ delta: -1, direction: 'down', meaningful: false, directionText: 'down' });
    expect(down.scores[0]).to.not.have.property('domain');
    expect(down.scores[0]).to.not.have.property('higherIsBetter');
  });

  it('works on results read from the server too, and on a single response', async () => {
    const computed = await triageResponse(who5, final);
    const server = await readClinicalImpression(toClinicalImpression(computed, { subject: { reference: 'Patient/1' }, date: '2025-06-02' }), who5, { response: final });
    const course = courseOf([server, await triageResponse(who5, first)]);
    expect(course.scores[0]!.points.map((p) => [p.value, p.significance, p.band])).to.deep.equal([
      [48, 'yellow', 'mellem 36 og 50'],
      [60, 'green', 'over 50'],
    ]);
    expect(course.scores[0]!.latest!.direction).to.equal('worse');
    const single = await triageCourse(who5, [first]);
    expect(single.scores[0]!.points).to.have.length(1);
    expect(single.scores[0]).to.not.have.property('latest');
    expect((await triageCourse(who5, [])).scores).to.deep.equal([]);
  });

  it('a response to a questionnaire without the score leaves a point without colour', async () => {
    const other = await triageResponse(questionnaire([{ linkId: 'x', type: 'string' }]), { resourceType: 'QuestionnaireResponse', status: 'completed', id: 'other' });
    const course = courseOf([await triageResponse(who5, final), other, await triageResponse(who5, first)]);
    expect(course.scores[0]!.points.map((p) => [p.responseId, p.value, p.significance])).to.deep.equal([
      ['final', 48, 'yellow'],
      ['other', undefined, 'none'],
      ['first', 60, 'green'],
    ]);
    expect(course.scores[0]!.latest!.since.responseId).to.equal('first');
  });

  it('a response without id or date still has its point', async () => {
    const { id: _id, authored: _a, ...anonymous } = first;
    const course = await triageCourse(who5, [final, anonymous as QuestionnaireResponse]);
    const [latest, old] = course.scores[0]!.points;
    expect(old).to.not.have.property('responseId');
    expect(old).to.not.have.property('date');
    expect(latest!.change!.since).to.deep.equal({});
    expect(latest!.change!.text).to.equal('-12 siden forrige besvarelse: dårligere, klinisk betydende ændring (mindst 10)');
  });
});
