import { expect } from '@open-wc/testing';
import { ACTION_GUIDE_SCHEMA } from './schema.js';
import { validateSchema } from './validate.js';
import { loadGuides, parseGuideDocument } from './load.js';
import { decodeBase64Utf8, encodeBase64Utf8, fromFhirBasic, toFhirBasic } from './fhir.js';
import { resolveGuides } from './layers.js';
import { guideFitsQuestionnaire, matchForLinkId, matchGuides, triggerNames } from './match.js';
import type { ActionGuide, GuideOverlay, GuideTrigger } from './types.js';
import { GUIDE_IDS, clone, fhirGuide, nationalGuides, rehab, testkommune, triageOf, triageOfWho5, who5, who5v09 } from './test-helpers/guides.js';

const national = () => resolveGuides({ guides: nationalGuides, overlays: [] }).guides;
const ids = (ms: { guide: { id: string } }[]) => ms.map((m) => m.guide.id);
const sleep = () => nationalGuides.find((g) => g.id === 'hv-05-soevn')!;
const KPRO_ITEM = 'https://kpro.example.dk/fhir/CodeSystem/kpro-item';

describe('guidance: schema and shipped content', () => {
  it('the schema file in the repo is the schema the code enforces', async () => {
    const file = await (await fetch('/packages/core/content/guides/action-guide.schema.json')).json();
    expect(file).to.deep.equal(JSON.parse(JSON.stringify(ACTION_GUIDE_SCHEMA)));
  });

  for (const id of GUIDE_IDS) {
    it(`national guide ${id} is valid against the schema`, () => {
      const g = nationalGuides.find((x) => x.id === id)!;
      expect(validateSchema(g)).to.deep.equal([]);
      expect(parseGuideDocument(g).warnings).to.deep.equal([]);
      expect(g.lang).to.equal('da');
      expect(g.phrases.length).to.be.greaterThan(1);
    });
  }

  it('the Testkommune overlay is valid and adds, hides and replaces', () => {
    expect(validateSchema(testkommune)).to.deep.equal([]);
    const p = testkommune.patches.find((x) => x.guide === 'hv-05-soevn')!;
    expect(p.addOffers?.length).to.be.greaterThan(0);
    expect(p.hideOffers?.length).to.be.greaterThan(0);
    expect(p.replacePhrases?.length).to.be.greaterThan(0);
  });

  it('every trigger names its item by a code, carried by exactly one item with colour rules in each questionnaire that asks it', async () => {
    const rehabResult = await triageOf({});
    const who5Result = await triageOfWho5([]);
    for (const g of nationalGuides) {
      for (const w of g.when) {
        const at = `${g.id} ${JSON.stringify(w.code ?? w)}`;
        expect(w.code?.system, at).to.equal(KPRO_ITEM);
        const hits = rehabResult.items.filter((i) => triggerNames(w, i, g, rehabResult));
        expect(hits.map((i) => i.hasRules), at).to.deep.equal([true]);
        // The WHO-5 guide's items are asked by the stand-alone WHO-5 too.
        const elsewhere = who5Result.items.filter((i) => triggerNames(w, i, g, who5Result));
        expect(elsewhere.map((i) => i.hasRules), at).to.deep.equal(g.id === 'hv-01-mental-trivsel' ? [true] : []);
      }
    }
  });

  it('the seeded FHIR Basic resources are up to date and read back to the same guides', async () => {
    for (const id of [...GUIDE_IDS, 'testkommune']) {
      const basic = await fhirGuide(id);
      const lib = loadGuides(basic);
      expect(lib.warnings, id).to.deep.equal([]);
      const doc = [...lib.guides, ...lib.overlays][0]!;
      const { $schema: _s, ...source } = (id === 'testkommune' ? testkommune : nationalGuides.find((g) => g.id === id)!) as ActionGuide & { $schema?: string };
      const { resource: _r, ...read } = doc as ActionGuide & { resource?: string };
      expect(read).to.deep.equal(source);
    }
  });

  it('reports errors with JSON Pointer paths', () => {
    const g = clone(sleep()) as unknown as Record<string, unknown>;
    delete g.title;
    (g.offers as Record<string, unknown>[])[1]!.level = 'global';
    (g as { extra?: number }).extra = 1;
    const errors = validateSchema(g).map((e) => `${e.path} ${e.keyword}`);
    expect(errors).to.include.members(['/title required', '/offers/1/level enum', '/extra additionalProperties']);
  });

  it('a trigger names what it is about exactly one way: code, definition or linkId', () => {
    const withWhen = (when: unknown) => validateSchema({ ...clone(sleep()), when: [when] }).map((e) => `${e.path} ${e.keyword} ${e.message}`);
    expect(withWhen({ code: { system: KPRO_ITEM, code: 'who5-score' }, colours: ['red'] })).to.deep.equal([]);
    expect(withWhen({ definition: 'https://kpro.example.dk/fhir/StructureDefinition/who5#score', colours: ['red'] })).to.deep.equal([]);
    expect(withWhen({ linkId: 's1', colours: ['red'] })).to.deep.equal([]);
    expect(withWhen({ colours: ['red'] })).to.deep.equal(['/when/0 oneOf give one of "code", "definition", "linkId"']);
    expect(withWhen({ code: { system: KPRO_ITEM, code: 's1' }, linkId: 's1', colours: ['red'] })).to.deep.equal(['/when/0 oneOf give only one of "code", "definition", "linkId"']);
    expect(withWhen({ code: { code: 's1' }, colours: ['red'] })).to.deep.equal(['/when/0/code/system required missing property "system"']);
    expect(withWhen({ code: { system: 'kpro-item', code: 's1' }, colours: ['red'] }).map((e) => e.split(' ')[0])).to.deep.equal(['/when/0/code/system']);
    expect(withWhen({ definition: 'not a uri', colours: ['red'] }).map((e) => e.split(' ')[0])).to.deep.equal(['/when/0/definition']);
  });

  it('refuses a document without a known kind', () => {
    expect(validateSchema({ id: 'x' }).map((e) => e.path + ' ' + e.keyword)).to.deep.equal(['/kind required']);
    expect(validateSchema({ kind: 'recipe' })[0]!.path).to.equal('/kind');
    expect(validateSchema([])[0]!.keyword).to.equal('type');
  });
});

describe('guidance: safety', () => {
  const bad = (mutate: (g: ActionGuide) => void) => {
    const g = clone(sleep());
    mutate(g);
    return loadGuides(g);
  };

  it('skips invalid JSON with a warning', () => {
    const lib = loadGuides('{"kind": "guide", ');
    expect(lib.guides).to.have.length(0);
    expect(lib.warnings.map((w) => w.code)).to.deep.equal(['guide-invalid-json']);
  });

  for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', 'ftp://x.example', 'https://x.example/"onmouseover="a']) {
    it(`rejects the link ${JSON.stringify(url)}`, () => {
      const lib = bad((g) => (g.offers[0]!.url = url));
      expect(lib.guides).to.have.length(0);
      expect(lib.warnings[0]!.code).to.equal('guide-unsafe-link');
      expect(lib.warnings[0]!.params.path).to.equal('/offers/0/url');
    });
  }

  const html = ['<b>fed</b>', 'Ring <a href="javascript:x">her</a>', '<img src=x onerror=alert(1)>', 'tekst </p>', '<!-- x -->', 'A &amp; B', '&#60;script&#62;'];
  const fields: [string, (g: ActionGuide, v: string) => void][] = [
    ['/title', (g, v) => (g.title = v)],
    ['/phrases/0/text', (g, v) => (g.phrases[0]!.text = v)],
    ['/interpretation/0', (g, v) => (g.interpretation[0] = v)],
    ['/agreements/1', (g, v) => (g.agreements[1] = v)],
    ['/offers/0/title', (g, v) => (g.offers[0]!.title = v)],
    ['/offers/0/description', (g, v) => (g.offers[0]!.description = v)],
    ['/offers/2/hours', (g, v) => (g.offers[2]!.hours = v)],
    ['/summary', (g, v) => (g.summary = v)],
  ];
  for (const [path, set] of fields) {
    it(`rejects HTML in ${path}`, () => {
      for (const v of html) {
        const lib = bad((g) => set(g, v));
        expect(lib.guides, v).to.have.length(0);
        expect(lib.warnings[0]!.code, v).to.equal('guide-html');
        expect(lib.warnings[0]!.params.path, v).to.equal(path);
      }
    });
  }

  it('allows plain text with < and & that are not markup', () => {
    const lib = bad((g) => (g.interpretation[0] = 'PHQ-9 < 5 er let & under 10 er moderat; 3<4'));
    expect(lib.warnings).to.deep.equal([]);
    expect(lib.guides).to.have.length(1);
  });

  it('rejects a phone number that is not digits', () => {
    expect(bad((g) => (g.offers[0]!.phone = 'tel:112')).warnings[0]!.code).to.equal('guide-schema');
  });

  it('rejects duplicate offer ids and a municipal offer without its municipality', () => {
    expect(bad((g) => (g.offers[1]!.id = g.offers[0]!.id)).warnings[0]!.params.path).to.equal('/offers/1/id');
    expect(bad((g) => (g.offers[0]!.level = 'municipal')).warnings[0]!.code).to.equal('guide-schema');
  });

  it('skips only the bad guide, keeps the others', () => {
    const broken = clone(sleep());
    broken.offers[0]!.url = 'javascript:alert(1)';
    const lib = loadGuides([...nationalGuides.filter((g) => g.id !== broken.id), broken]);
    expect(lib.guides).to.have.length(9);
    expect(lib.warnings.map((w) => [w.code, w.params.id])).to.deep.equal([['guide-unsafe-link', 'hv-05-soevn']]);
  });

  it('skips an unsafe overlay, and the national guide stays as it was', async () => {
    const overlay = clone(testkommune);
    overlay.patches[0]!.addOffers![0]!.url = 'javascript:steal()';
    const lib = loadGuides(nationalGuides, overlay);
    expect(lib.overlays).to.have.length(0);
    expect(lib.warnings[0]!.code).to.equal('guide-unsafe-link');
    const g = resolveGuides(lib, '0999').guides.find((x) => x.id === 'hv-05-soevn')!;
    expect(g.offers.map((o) => o.id)).to.deep.equal(sleep().offers.map((o) => o.id));
  });

  it('skips a duplicate guide id', () => {
    const lib = loadGuides(sleep(), sleep());
    expect(lib.guides).to.have.length(1);
    expect(lib.warnings[0]!.code).to.equal('guide-duplicate');
  });
});

describe('guidance: FUT Basic', () => {
  it('round-trips a guide through a Basic with a contained base64 Binary, Danish letters intact', () => {
    const basic = toFhirBasic(sleep());
    expect(basic.code?.coding?.[0]).to.deep.equal({ system: 'http://ehealth.sundhed.dk/cs/basic-resource-type', code: 'actionguidance' });
    const forExt = basic.extension!.find((e) => e.url.endsWith('ehealth-actionguidance-for'))!;
    expect(forExt.extension![1]!.valueReference!.reference).to.equal(sleep().questionnaire);
    const read = fromFhirBasic(basic);
    expect(read.questionnaires).to.deep.equal([sleep().questionnaire]);
    expect(JSON.parse(read.content!).title).to.equal('Søvn');
    expect(decodeBase64Utf8(encodeBase64Utf8('æøå ÆØÅ – ≤'))).to.equal('æøå ÆØÅ – ≤');
  });

  it('skips a Basic that is not action guidance, has no Binary, or a Binary that is not JSON', () => {
    const basic = toFhirBasic(sleep());
    const noContent = { ...basic, contained: [] };
    const notJson = { ...basic, contained: [{ ...basic.contained![0]!, data: btoa('not json') }] };
    const html = { ...basic, contained: [{ ...basic.contained![0]!, contentType: 'text/html' }] };
    const other = { ...basic, code: { coding: [{ system: 'http://ehealth.sundhed.dk/cs/basic-resource-type', code: 'view' }] } };
    const lib = loadGuides(noContent, notJson, html, other, { resourceType: 'Patient', id: 'p' });
    expect(lib.guides).to.have.length(0);
    expect(lib.warnings.map((w) => w.code)).to.deep.equal(['guide-no-content', 'guide-invalid-json', 'guide-bad-content', 'guide-not-action-guidance', 'guide-not-action-guidance']);
  });

  it('skips a Basic whose content is for another questionnaire than the Basic names', () => {
    const basic = toFhirBasic({ ...sleep(), questionnaire: 'https://other.example/Questionnaire/x' });
    basic.extension!.find((e) => e.url.endsWith('ehealth-actionguidance-for'))!.extension![1]!.valueReference!.reference = sleep().questionnaire;
    expect(loadGuides(basic).warnings[0]!.code).to.equal('guide-questionnaire-mismatch');
  });

  it('reads a Bundle of Basics and remembers the resource', () => {
    const lib = loadGuides({ resourceType: 'Bundle', type: 'searchset', entry: nationalGuides.map((g) => ({ resource: toFhirBasic(g) })) });
    expect(lib.guides).to.have.length(10);
    expect(lib.guides[0]!.resource).to.equal('Basic/hv-01-mental-trivsel');
  });
});

describe('guidance: overlays', () => {
  const lib = () => loadGuides(nationalGuides, testkommune);
  const sleepFor = (m?: string) => resolveGuides(lib(), m).guides.find((g) => g.id === 'hv-05-soevn')!;

  it('without a municipality only the national guides apply, every offer national', () => {
    const g = sleepFor(undefined);
    expect(g.overlays).to.deep.equal([]);
    expect(g.offers.every((o) => o.origin.level === 'national' && o.origin.source === 'hv-05-soevn')).to.equal(true);
  });

  it('another municipality does not get Testkommune\'s overlay', () => {
    expect(sleepFor('0101').overlays).to.deep.equal([]);
  });

  it('adds the local offer, with its origin (by code or by name)', () => {
    for (const m of ['0999', 'Testkommune', { code: '0999', name: 'Testkommune' }]) {
      const g = resolveGuides(lib(), m).guides.find((x) => x.id === 'hv-05-soevn')!;
      const school = g.offers.find((o) => o.id === 'soevnskole')!;
      expect(school.origin).to.deep.equal({ level: 'municipal', source: 'testkommune', municipality: { code: '0999', name: 'Testkommune' }, region: undefined });
      expect(g.overlays).to.deep.equal(['testkommune']);
    }
  });

  it('hides the national offer by id', () => {
    expect(sleepFor(undefined).offers.map((o) => o.id)).to.include('cbt-i');
    expect(sleepFor('0999').offers.map((o) => o.id)).not.to.include('cbt-i');
  });

  it('replaces a phrase in place, remembering the overlay', () => {
    const before = sleepFor(undefined).phrases;
    const after = sleepFor('0999').phrases;
    expect(after.map((p) => p.id)).to.deep.equal(before.map((p) => p.id));
    expect(after[0]!.text).to.contain('søvnskole');
    expect(after[0]!.origin.level).to.equal('municipal');
    expect(after[1]).to.deep.equal(before[1]);
  });

  it('applies regional overlays before municipal ones', () => {
    const region: GuideOverlay = {
      kind: 'overlay', id: 'region-test', lang: 'da', level: 'regional', region: { code: '1084', name: 'Region Hovedstaden' }, municipalities: ['0999'],
      patches: [{ guide: 'hv-05-soevn', addOffers: [{ id: 'regional-soevnklinik', title: 'Søvnklinik', level: 'regional', region: { code: '1084', name: 'Region Hovedstaden' } }], hideOffers: ['soevnskole'] }],
    };
    const g = resolveGuides(loadGuides(nationalGuides, testkommune, region), '0999').guides.find((x) => x.id === 'hv-05-soevn')!;
    expect(g.overlays).to.deep.equal(['region-test', 'testkommune']);
    // The region could not hide the municipal offer: it was added after.
    expect(g.offers.map((o) => o.id)).to.include.members(['regional-soevnklinik', 'soevnskole']);
    expect(g.offers.find((o) => o.id === 'regional-soevnklinik')!.origin.region?.name).to.equal('Region Hovedstaden');
  });

  it('warns about a patch for an unknown guide, offer or phrase, and still applies the rest', () => {
    const o = clone(testkommune);
    o.patches.push({ guide: 'hv-99', hideOffers: ['x'] });
    o.patches[0]!.hideOffers!.push('nope');
    o.patches[0]!.replacePhrases!.push({ id: 'ukendt', text: 'x' });
    const r = resolveGuides(loadGuides(nationalGuides, o), '0999');
    expect(r.warnings.map((w) => w.code)).to.have.members(['overlay-unknown-guide', 'overlay-unknown-offer', 'overlay-unknown-phrase']);
    expect(r.guides.find((g) => g.id === 'hv-05-soevn')!.offers.map((x) => x.id)).to.include('soevnskole');
  });

  it('a municipal overlay must name its municipality', () => {
    const o = clone(testkommune) as Partial<GuideOverlay>;
    delete o.municipality;
    expect(loadGuides(o).warnings[0]!.params.path).to.equal('/municipality');
  });
});

describe('guidance: matching', () => {
  it('nothing applies to an all-green response, or without a triage result', async () => {
    const r = await triageOf({ 'humoer-1': 'aldrig', 'humoer-2': 'aldrig', h1: 'slet-ikke', h2: 'slet-ikke', h3: 'slet-ikke', h4: 'slet-ikke', s1: '0', s2: 'slet-ikke', s3: 'nej', r1: 'aldrig-roeget', f1: 6, f2: 'nej' }, [4, 4, 4, 4, 4]);
    expect(matchGuides(national(), r)).to.deep.equal([]);
    expect(matchGuides(national(), undefined)).to.deep.equal([]);
  });

  // WHO-5 score bands: > 50 green (no guide), 36–50 yellow, ≤ 35 red.
  for (const [who5, score, colour] of [[[3, 3, 3, 2, 2], 52, undefined], [[3, 3, 2, 2, 2], 48, 'yellow'], [[2, 2, 2, 2, 1], 36, 'yellow'], [[2, 2, 1, 1, 1], 28, 'red']] as const) {
    it(`WHO-5 ${score}: ${colour ?? 'no guide'}`, async () => {
      const m = matchGuides(national(), await triageOf({}, [...who5])).find((x) => x.guide.id === 'hv-01-mental-trivsel');
      expect(m?.severity).to.equal(colour);
      if (colour) expect(m!.triggers.find((t) => t.linkId === 'who5-score')).to.include({ significance: colour });
    });
  }

  // AUDIT-C bands: 0–2 green, 3–7 yellow, 8+ red.
  for (const [answers, colour] of [
    [{ a1: '2-4-gange-om-maaneden', a2: '1-2', a3: 'aldrig' }, undefined],
    [{ a1: '2-4-gange-om-maaneden', a2: '3-4', a3: 'aldrig' }, 'yellow'],
    [{ a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'maanedligt' }, 'red'],
  ] as const) {
    it(`AUDIT-C ${JSON.stringify(answers)}: ${colour ?? 'no guide'}`, async () => {
      const ms = matchGuides(national(), await triageOf({ ...answers }));
      expect(ms.find((x) => x.guide.id === 'hv-03-alkohol')?.severity).to.equal(colour);
    });
  }

  // kpro's own mood score (humoer-1 + humoer-2): 0–1 green, 2 yellow, 3+ red.
  for (const [h1, h2, colour] of [['en-gang-imellem', 'aldrig', undefined], ['en-gang-imellem', 'en-gang-imellem', 'yellow'], ['ofte', 'en-gang-imellem', 'red']] as const) {
    it(`mood ${h1}+${h2}: ${colour ?? 'no guide'}`, async () => {
      expect(matchGuides(national(), await triageOf({ 'humoer-1': h1, 'humoer-2': h2 })).find((x) => x.guide.id === 'hv-02-nedtrykthed')?.severity).to.equal(colour);
    });
  }

  // A question per colour: R1 ryger → red, stopped within half a year → yellow, never → green (no guide).
  for (const [r1, colour] of [['ja-dagligt', 'red'], ['holdt-op-inden-for-et-halvt-aar', 'yellow'], ['aldrig-roeget', undefined]] as const) {
    it(`R1 ${r1}: ${colour ?? 'no guide'}`, async () => {
      const m = matchGuides(national(), await triageOf({ r1 }));
      expect(m.find((x) => x.guide.id === 'hv-04-rygning')?.severity).to.equal(colour);
    });
  }

  it('a guide triggered only by green would apply to green answers', async () => {
    const g = { ...national().find((x) => x.id === 'hv-04-rygning')!, when: [{ linkId: 'r1', colours: ['green' as const] }] };
    expect(matchGuides([g], await triageOf({ r1: 'aldrig-roeget' }))[0]?.severity).to.equal('green');
    expect(matchGuides([g], await triageOf({ r1: 'ja-dagligt' }))).to.deep.equal([]);
  });

  it('a red citizen: every domain\'s guide, most severe first, with the triggering answers', async () => {
    const r = await triageOf(
      { 'humoer-1': 'naesten-hele-tiden', 'humoer-2': 'ofte', h1: 'meget', h2: 'en-del', h3: 'meget', h4: 'lidt', s1: '5-7', s2: 'meget', s3: 'ja', n1: 'ingen', n2: 'lidt', n3: 'svaert', e1: 'ofte', a1: '4-gange-om-ugen-eller-oftere', a2: '5-6', a3: 'ugentligt', r1: 'ja-dagligt', r2: 'ja-men-ikke-nu', f1: 2, f2: 'ja-meget', x1: 'ja-meget', x2: 'ja', m1: 'meget-utryg', m2: 'meget' },
      [2, 2, 1, 1, 1],
    );
    const ms = matchGuides(national(), r);
    expect(ids(ms)).to.have.length(10);
    expect(ms.map((m) => m.severity)).to.deep.equal([...ms.map((m) => m.severity)].sort((a, b) => ['red', 'yellow', 'green'].indexOf(a) - ['red', 'yellow', 'green'].indexOf(b)));
    expect(ms.at(-1)!.guide.id).to.equal('hv-07-seksualitet');
    expect(ms.at(-1)!.severity).to.equal('yellow');
    const sleepMatch = ms.find((m) => m.guide.id === 'hv-05-soevn')!;
    expect(sleepMatch.triggers.map((t) => t.linkId)).to.have.members(['soevn-risiko', 's1', 's2', 's3']);
    expect(sleepMatch.triggers[0]!.significance).to.equal('red');
    const who5 = ms.find((m) => m.guide.id === 'hv-01-mental-trivsel')!.triggers.find((t) => t.linkId === 'who5-score')!;
    expect(who5.reason).to.match(/→ rød/);
    expect(who5.domain).to.equal('trivsel');
  });

  it('more red triggers rank first among equally severe guides', async () => {
    const r = await triageOf({ h1: 'meget', h4: 'meget', r1: 'ja-dagligt' });
    expect(ids(matchGuides(national(), r))).to.deep.equal(['hv-09-hverdagsliv', 'hv-04-rygning']);
  });

  it('a trigger by linkId never applies to another questionnaire than the guide is written for', async () => {
    const other = national().map((g) => ({ ...g, questionnaire: 'https://other.example/Questionnaire/x', when: [{ linkId: 'r1', colours: ['red' as const] }] }));
    expect(matchGuides(other, await triageOf({ r1: 'ja-dagligt' }))).to.deep.equal([]);
  });

  it('finds the guide for a selected answer or domain', async () => {
    const ms = matchGuides(national(), await triageOf({ s1: '5-7', s2: 'meget', r1: 'ja-dagligt' }));
    expect(matchForLinkId(ms, 's2')?.guide.id).to.equal('hv-05-soevn');
    expect(matchForLinkId(ms, 'soevn')?.guide.id).to.equal('hv-05-soevn');
    expect(matchForLinkId(ms, 'rygning')?.guide.id).to.equal('hv-04-rygning');
    expect(matchForLinkId(ms, 'x1')).to.equal(undefined);
  });
});

describe('guidance: a guide follows the item it is about, not the questionnaire', () => {
  const who5Guide = () => national().find((g) => g.id === 'hv-01-mental-trivsel')!;
  const guideWith = (when: GuideTrigger[], questionnaire = rehab.url!) => ({ ...who5Guide(), questionnaire, when });

  it('a red stand-alone WHO-5 (score 20) opens the WHO-5 guide, in either version of WHO-5', async () => {
    for (const q of [who5, who5v09]) {
      const r = await triageOfWho5([1, 1, 1, 1, 1], q);
      expect(r.items.find((i) => i.linkId === 'who5-score')).to.include({ significance: 'red', answerText: '20' });
      const ms = matchGuides(national(), r);
      expect(ids(ms), q.version).to.deep.equal(['hv-01-mental-trivsel']);
      expect(ms[0]!.severity).to.equal('red');
      expect(ms[0]!.triggers.map((t) => [t.linkId, t.significance])).to.deep.equal([
        ['who5-score', 'red'],
        ['t1', 'yellow'],
        ['t2', 'yellow'],
        ['t3', 'yellow'],
        ['t4', 'yellow'],
        ['t5', 'yellow'],
      ]);
      expect(ms[0]!.triggers[0]!.reason).to.match(/: 20, .* → rød$/);
      expect(matchForLinkId(ms, 'who5-score')?.guide.id).to.equal('hv-01-mental-trivsel');
      expect(guideFitsQuestionnaire(who5Guide(), r)).to.equal(true);
    }
  });

  it('a guide about an item the questionnaire does not have does not apply, nor fit it', async () => {
    const r = await triageOfWho5([0, 0, 0, 0, 0]);
    for (const g of national().filter((x) => x.id !== 'hv-01-mental-trivsel')) {
      expect(guideFitsQuestionnaire(g, r), g.id).to.equal(false);
      expect(matchGuides([g], r), g.id).to.deep.equal([]);
    }
    // The mood score is only in the rehabilitation questionnaire; a code of another system never matches ours.
    const mood = guideWith([{ code: { system: KPRO_ITEM, code: 'humoer-score' }, colours: ['red', 'yellow', 'green'] }]);
    const loinc = guideWith([{ code: { system: 'http://loinc.org', code: 'who5-score' }, colours: ['red'] }]);
    expect(matchGuides([mood, loinc], r)).to.deep.equal([]);
    expect(guideFitsQuestionnaire(loinc, r)).to.equal(false);
  });

  it('the linkId fallback: an item of the guide\'s own questionnaire only, never one with the same linkId elsewhere', async () => {
    const byLinkId = guideWith([{ linkId: 't1', colours: ['yellow'] }]);
    // T1 "Lidt af tiden" (1 point) is yellow in both questionnaires.
    const inRehab = await triageOf({}, [1, 3, 3, 3, 3]);
    expect(matchGuides([byLinkId], inRehab)[0]?.triggers.map((t) => t.linkId)).to.deep.equal(['t1']);
    expect(guideFitsQuestionnaire(byLinkId, inRehab)).to.equal(true);
    const standAlone = await triageOfWho5([1, 3, 3, 3, 3]);
    expect(standAlone.items.find((i) => i.linkId === 't1')?.significance).to.equal('yellow');
    expect(matchGuides([byLinkId], standAlone)).to.deep.equal([]);
    expect(guideFitsQuestionnaire(byLinkId, standAlone)).to.equal(false);
    // Written for WHO-5 (any version), the same trigger applies there.
    expect(matchGuides([{ ...byLinkId, questionnaire: `${who5.url}|0.9.0` }], standAlone)[0]?.severity).to.equal('yellow');
  });

  it('a trigger can name an item by its canonical definition, in any questionnaire', async () => {
    const DEF = 'https://kpro.example.dk/fhir/StructureDefinition/who5-score';
    const q = clone(who5);
    q.item![0]!.item!.find((i) => i.linkId === 'who5-score')!.definition = DEF;
    const r = await triageOfWho5([1, 1, 1, 1, 1], q);
    const byDefinition = guideWith([{ definition: DEF, colours: ['red'] }], 'https://other.example/Questionnaire/x');
    expect(matchGuides([byDefinition], r)[0]?.triggers.map((t) => t.linkId)).to.deep.equal(['who5-score']);
    expect(matchGuides([guideWith([{ definition: `${DEF}-other`, colours: ['red'] }])], r)).to.deep.equal([]);
    // The shipped WHO-5 has no definition on its score.
    expect(matchGuides([byDefinition], await triageOfWho5([1, 1, 1, 1, 1]))).to.deep.equal([]);
  });
});
