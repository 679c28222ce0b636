import { expect } from '@open-wc/testing';
import type { Questionnaire } from '../fhir/types.js';
import { canonicalOf, compareVersions, selectQuestionnaireVersion } from './versions.js';

const URL = 'https://kpro.example.dk/fhir/Questionnaire/who-5';
const q = (version: string | undefined, extra: Partial<Questionnaire> = {}): Questionnaire => ({ resourceType: 'Questionnaire', status: 'active', url: URL, ...(version ? { version } : {}), ...extra });
const v1 = q('1.0.0', { id: 'who-5' });
const v09 = q('0.9.0', { id: 'who-5-v0.9' });
const v110 = q('1.10.0', { id: 'who-5-v1.10' });
const other = q('1.0.0', { url: 'https://kpro.example.dk/fhir/Questionnaire/other', id: 'other' });

describe('selectQuestionnaireVersion', () => {
  it('picks the exact url|version the response names', () => {
    const s = selectQuestionnaireVersion({ resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: `${URL}|0.9.0` }, [v1, v09, other]);
    expect(s).to.deep.include({ questionnaire: v09, canonical: `${URL}|0.9.0`, exact: true, fallback: false, warnings: [] });
    expect(selectQuestionnaireVersion(`${URL}|1.0.0`, [v09, v1]).questionnaire).to.equal(v1);
  });

  it('falls back to the newest version with the same url when the named one is missing, and says so', () => {
    const s = selectQuestionnaireVersion(`${URL}|0.8.0`, [v09, v110, v1, other]);
    expect(s).to.deep.include({ questionnaire: v110, exact: false, fallback: true });
    expect(s.warnings).to.deep.equal([
      { code: 'questionnaire-version-missing', message: `The response is for ${URL}|0.8.0, which is not available; using ${URL}|1.10.0.`, params: { asked: `${URL}|0.8.0`, used: `${URL}|1.10.0` } },
    ]);
  });

  it('without a version: the only one with that url, or the newest with a warning', () => {
    expect(selectQuestionnaireVersion(URL, [v1, other])).to.deep.include({ questionnaire: v1, exact: true, warnings: [] });
    const s = selectQuestionnaireVersion(URL, [v09, v1]);
    expect(s).to.deep.include({ questionnaire: v1, exact: false, fallback: false });
    expect(s.warnings.map((w) => [w.code, w.params.used])).to.deep.equal([['questionnaire-version-unspecified', `${URL}|1.0.0`]]);
  });

  it('finds a questionnaire the response names by resource id, as FUT writes it', () => {
    expect(selectQuestionnaireVersion('https://questionnaire.test.ehealth.sundhed.dk/fhir/Questionnaire/who-5-v0.9', [v1, v09])).to.deep.include({ questionnaire: v09, exact: true });
    expect(selectQuestionnaireVersion('Questionnaire/other', [v1, other])).to.deep.include({ questionnaire: other, exact: true });
  });

  it('reports a questionnaire that is not there', () => {
    const s = selectQuestionnaireVersion('https://elsewhere/Questionnaire/x|1', [v1, v09]);
    expect(s).to.deep.equal({ exact: false, fallback: false, warnings: [{ code: 'questionnaire-not-found', message: 'No questionnaire https://elsewhere/Questionnaire/x|1 is available.', params: { questionnaire: 'https://elsewhere/Questionnaire/x|1' } }] });
    expect(selectQuestionnaireVersion(`${URL}|1.0.0`, []).warnings[0]!.code).to.equal('questionnaire-not-found');
  });

  it('a response that names no questionnaire: the only one given (with a warning), else none', () => {
    const one = selectQuestionnaireVersion({ resourceType: 'QuestionnaireResponse', status: 'completed' }, [v1]);
    expect(one).to.deep.include({ questionnaire: v1, exact: false });
    expect(one.warnings.map((w) => w.code)).to.deep.equal(['questionnaire-version-unspecified']);
    const many = selectQuestionnaireVersion(undefined, [v1, v09]);
    expect(many.questionnaire).to.equal(undefined);
    expect(many.warnings.map((w) => [w.code, w.params.questionnaire])).to.deep.equal([['questionnaire-not-found', '']]);
  });
});

describe('compareVersions and canonicalOf', () => {
  it('orders dotted numbers numerically, other parts as text, pre-releases before releases, then by date', () => {
    const sorted = [q('1.10.0'), q('1.9.0'), q('0.9.0'), q('1.9.0-beta'), q('2'), q('1.9.0-alpha')].sort(compareVersions).map((x) => x.version);
    expect(sorted).to.deep.equal(['0.9.0', '1.9.0-alpha', '1.9.0-beta', '1.9.0', '1.10.0', '2']);
    expect(compareVersions(q('a', { date: '2024-01-01' }), q('a', { date: '2025-01-01' }))).to.be.lessThan(0);
    expect(compareVersions(q('a', { date: '2025-01-01' }), q('a', { date: '2024-01-01' }))).to.be.greaterThan(0);
    expect(compareVersions(q(undefined), q(undefined))).to.equal(0);
    expect(compareVersions(q('1.0'), q('1.0.1'))).to.be.lessThan(0);
    expect(compareVersions(q('1.0.1'), q('1.0'))).to.be.greaterThan(0);
    expect(compareVersions(q('b'), q('a'))).to.be.greaterThan(0);
    expect(compareVersions(q('1.0.0-rc'), q('1.0.0'))).to.be.lessThan(0);
    expect(compareVersions(q('1.0.0'), q('1.0.0-rc'))).to.be.greaterThan(0);
  });

  it('writes url|version, url, or Questionnaire/id', () => {
    expect(canonicalOf(v1)).to.equal(`${URL}|1.0.0`);
    expect(canonicalOf(q(undefined))).to.equal(URL);
    expect(canonicalOf({ resourceType: 'Questionnaire', status: 'active', id: 'x' })).to.equal('Questionnaire/x');
    expect(canonicalOf({ resourceType: 'Questionnaire', status: 'active' })).to.equal('Questionnaire/unknown');
  });
});
