import { expect } from '@open-wc/testing';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { draftKey, indexedDbDrafts } from './drafts.js';

const response = (s: string): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'in-progress',
  questionnaire: 'http://example.org/Questionnaire/q|1',
  item: [{ linkId: 'a', answer: [{ valueString: s }] }],
});

describe('drafts in IndexedDB', () => {
  const key = draftKey('http://example.org/Questionnaire/q|1', { reference: 'Patient/abc' }, `test-${Date.now()}`);

  afterEach(async () => {
    await indexedDbDrafts.clear(key);
  });

  it('loads nothing for an unknown key', async () => {
    expect(await indexedDbDrafts.load(`${key}-none`)).to.equal(undefined);
  });

  it('saves, loads and clears a draft', async () => {
    const before = Date.now();
    await indexedDbDrafts.save(key, response('first'));
    const draft = await indexedDbDrafts.load(key);
    expect(draft!.response).to.deep.equal(response('first'));
    expect(Date.parse(draft!.savedAt)).to.be.at.least(before - 1000);
    await indexedDbDrafts.clear(key);
    expect(await indexedDbDrafts.load(key)).to.equal(undefined);
  });

  it('a later save replaces the earlier one; keys do not mix', async () => {
    const other = `${key}-other`;
    await indexedDbDrafts.save(key, response('first'));
    await indexedDbDrafts.save(key, response('second'));
    await indexedDbDrafts.save(other, response('other'));
    expect((await indexedDbDrafts.load(key))!.response.item![0]!.answer![0]!.valueString).to.equal('second');
    expect((await indexedDbDrafts.load(other))!.response.item![0]!.answer![0]!.valueString).to.equal('other');
    await indexedDbDrafts.clear(other);
  });

  it('stores a copy, not the live object', async () => {
    const qr = response('copy');
    await indexedDbDrafts.save(key, qr);
    qr.item![0]!.answer![0]!.valueString = 'changed later';
    expect((await indexedDbDrafts.load(key))!.response.item![0]!.answer![0]!.valueString).to.equal('copy');
  });
});

describe('draftKey', () => {
  it('uses the canonical and the subject reference, never more', () => {
    expect(draftKey('http://x/Q|1', { reference: 'Patient/7' })).to.equal('kpro-draft::http://x/Q|1::Patient/7::');
    expect(draftKey('http://x/Q', undefined, 'episode-1')).to.equal('kpro-draft::http://x/Q::anonymous::episode-1');
  });
});
