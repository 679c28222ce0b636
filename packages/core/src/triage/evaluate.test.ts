import { expect } from '@open-wc/testing';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import { EXT } from '../fhir/extensions.js';
import { compileQuestionnaire } from '../questionnaire/definition.js';
import { questionnaire } from '../test-helpers/questionnaires.js';
import { aggregate, isDeclined, triageResponse } from './evaluate.js';
import { conditionText } from './reason.js';
import { cond, coding, rule, ruled } from './test-helpers/rules.js';
import type { ItemTriage, TriageResult } from './types.js';
import { TRIAGE_URL } from './urls.js';
import { WORKED_EXAMPLES, workedExampleResponse } from './worked-examples.js';

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const rehab = await load('kommunal-rehabilitering');
const who5 = await load('who-5');

const calc = (expression: string) => ({ url: EXT.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression } });
const response = (item: QuestionnaireResponseItem[], extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  questionnaire: 'http://example.org/Questionnaire/test',
  item,
  ...extra,
});
const item = (r: TriageResult, linkId: string): ItemTriage => {
  const found = r.items.find((i) => i.linkId === linkId);
  if (!found) throw new Error(`no item ${linkId}`);
  return found;
};
const example = (id: string) => WORKED_EXAMPLES.find((e) => e.id === id)!;
const shortText = (da: string, en: string) => ({
  url: TRIAGE_URL.shortText,
  valueString: da,
  _valueString: { extension: [{ url: EXT.translation, extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: en }] }] },
});

/** A WHO-5-like score item with the sample bands and a short label. */
const scoreQuestionnaire = () =>
  questionnaire([
    {
      linkId: 'trivsel',
      type: 'group',
      text: 'Trivsel',
      item: [
        ruled(
          'score',
          'decimal',
          [
            rule('red', cond('<=', { valueDecimal: 35 })),
            rule('yellow', cond('>=', { valueDecimal: 36 }), cond('<=', { valueDecimal: 50 })),
            rule('green', cond('>', { valueDecimal: 50 })),
          ],
          { text: 'WHO-5 trivselsscore (0–100)', extension: [shortText('WHO-5', 'WHO-5')] },
        ),
      ],
    },
  ]);
const scored = (value: number) => response([{ linkId: 'trivsel', item: [{ linkId: 'score', answer: [{ valueDecimal: value }] }] }]);

describe('triageResponse: reasons', () => {
  it('says why in words: "WHO-5: 32, højst 35 → rød" / "at most 35 → red"', async () => {
    const da = await triageResponse(scoreQuestionnaire(), scored(32));
    const en = await triageResponse(scoreQuestionnaire(), scored(32), { lang: 'en' });
    expect(item(da, 'score').reason.text).to.equal('WHO-5: 32, højst 35 → rød');
    expect(item(en, 'score').reason.text).to.equal('WHO-5: 32, at most 35 → red');
    expect(item(da, 'score').reason).to.include({ kind: 'rule', significance: 'red', label: 'WHO-5', answerText: '32', conditionText: 'højst 35' });
    expect(item(da, 'score').matchedRules.map((r) => r.index)).to.deep.equal([0]);
    expect(da.lang).to.equal('da');
    expect(en.lang).to.equal('en');
  });

  it('reads an answer that carries an extension (e.g. a data-absent note) like the same answer without it', async () => {
    const withExtension = response([
      { linkId: 'trivsel', item: [{ linkId: 'score', answer: [{ valueDecimal: 32, extension: [{ url: 'http://example.org/note', valueString: 'x' }] }] }] },
    ]);
    const r = await triageResponse(scoreQuestionnaire(), withExtension);
    expect(item(r, 'score').significance).to.equal('red');
    expect(item(r, 'score').reason.text).to.equal('WHO-5: 32, højst 35 → rød');
  });

  it('renders intervals as "mellem 36 og 50" and decimals the Danish way', async () => {
    const r = await triageResponse(scoreQuestionnaire(), scored(42.5));
    expect(item(r, 'score').reason.text).to.equal('WHO-5: 42,5, mellem 36 og 50 → gul');
    const en = await triageResponse(scoreQuestionnaire(), scored(42.5), { lang: 'en' });
    expect(item(en, 'score').reason.text).to.equal('WHO-5: 42.5, between 36 and 50 → yellow');
    expect((await triageResponse(scoreQuestionnaire(), scored(51))).items[0]!.reason.text).to.equal('WHO-5: 51, over 50 → grøn');
  });

  it('uses the item text when there is no short label, in the reader\'s language', async () => {
    const r = await triageResponse(who5, workedExampleResponse(example('who5-32'), who5));
    expect(item(r, 'who5-score').reason.text).to.equal('WHO-5 trivselsscore (0–100): 32, højst 35 → rød');
    const en = await triageResponse(who5, workedExampleResponse(example('who5-32'), who5), { lang: 'en' });
    expect(item(en, 'who5-score').reason.text).to.equal('WHO-5 Well-Being Index score (0–100): 32, at most 35 → red');
    expect(item(en, 't4').reason.text).to.equal('Over the last two weeks I woke up feeling fresh and rested: Some of the time → yellow');
  });

  it('puts every operator in words', () => {
    const da = { lang: 'da' };
    const en = { lang: 'en' };
    const one = (operator: string, v: number) => [{ operator: operator as '=', value: { valueInteger: v } }];
    expect(['<=', '>=', '>', '<', '=', '!='].map((o) => conditionText(one(o, 3), undefined, da))).to.deep.equal([
      'højst 3',
      'mindst 3',
      'over 3',
      'under 3',
      'lig med 3',
      'ikke lig med 3',
    ]);
    expect(['<=', '>=', '>', '<', '=', '!='].map((o) => conditionText(one(o, 3), undefined, en))).to.deep.equal([
      'at most 3',
      'at least 3',
      'above 3',
      'below 3',
      'equal to 3',
      'not equal to 3',
    ]);
    const exists = (v: boolean) => [{ operator: 'exists' as const, value: { valueBoolean: v } }];
    expect([conditionText(exists(true), undefined, da), conditionText(exists(false), undefined, da)]).to.deep.equal(['besvaret', 'ikke besvaret']);
    expect([conditionText(exists(true), undefined, en), conditionText(exists(false), undefined, en)]).to.deep.equal(['answered', 'not answered']);
    const interval = [...one('<=', 50), ...one('>=', 36)];
    expect(conditionText(interval, undefined, da)).to.equal('mellem 36 og 50');
    expect(conditionText([...one('>', 0), ...one('<', 3)], undefined, da)).to.equal('over 0 og under 3');
    expect(conditionText([...one('>', 0), ...one('<', 3)], undefined, en)).to.equal('above 0 and below 3');
  });

  it('names the chosen option without repeating the condition; numbers keep it ("2, lig med 2")', async () => {
    const r = await triageResponse(rehab, workedExampleResponse(example('rehab-red'), rehab));
    expect(item(r, 'h1').reason.text).to.equal('I de sidste 2 uger – hvor meget har dit helbred gjort det svært at klare praktiske gøremål i hjemmet, fx indkøb, madlavning eller rengøring?: Meget → rød');
    expect(item(r, 'h1').reason.conditionText).to.equal('lig med Meget');
    expect(item(r, 'netvaerk-risiko').reason.text).to.equal('Lav social støtte sammen med lav trivsel eller ensomhed: Ja → rød');
    const mood = await triageResponse(rehab, workedExampleResponse(example('humoer-2'), rehab));
    expect(item(mood, 'humoer-score').reason.text).to.equal('Humørscore, kpros egne spørgsmål (0–6): 2, lig med 2 → gul');
  });

  it('explains grey and none: not answered, declined, not calculable, no rule, no rule matched, not asked', async () => {
    const r = await triageResponse(rehab, workedExampleResponse(example('no-rules'), rehab));
    expect(item(r, 'humoer-2').reason).to.include({ kind: 'unanswered', significance: 'grey' });
    expect(item(r, 'humoer-2').reason.text).to.match(/: ikke besvaret → grå$/);
    expect(item(r, 'humoer-score').reason).to.include({ kind: 'not-calculated', text: 'Humørscore, kpros egne spørgsmål (0–6): kan ikke beregnes, der mangler svar → grå' });
    expect(item(r, 'r2').reason).to.include({ kind: 'no-rules', significance: 'none' });
    expect(item(r, 'r2').reason.text).to.match(/: Ja, inden for den næste måned \(ingen farveregel\)$/);
    const declined = await triageResponse(rehab, workedExampleResponse(example('declined-x1'), rehab));
    expect(item(declined, 'x1').reason).to.include({ kind: 'declined', significance: 'grey' });
    expect(item(declined, 'x1').reason.text).to.match(/: Ønsker ikke at svare → grå$/);
    expect(item(declined, 'x1').answerText).to.equal('Ønsker ikke at svare');
    expect(item(declined, 'x2').reason).to.include({ kind: 'no-match', significance: 'none' });
    expect(item(declined, 'x2').reason.text).to.match(/: Nej \(ingen farveregel passer på svaret\)$/);
    const alcohol = await triageResponse(rehab, workedExampleResponse(example('auditc-0'), rehab), { lang: 'en' });
    expect(item(alcohol, 'a2')).to.include({ enabled: false, significance: 'none' });
    expect(item(alcohol, 'a2').reason.text).to.match(/: not asked$/);
  });

  it('lists other matched rules and reports a conflict when one answer matches several colours', async () => {
    const q = questionnaire([ruled('q', 'integer', [rule('yellow', cond('<=', { valueInteger: 40 })), rule('red', cond('<=', { valueInteger: 35 })), rule('green', cond('>=', { valueInteger: 0 }))], { text: 'Score' })]);
    const r = await triageResponse(q, response([{ linkId: 'q', answer: [{ valueInteger: 32 }] }]));
    const q1 = item(r, 'q');
    expect(q1.significance).to.equal('red');
    expect(q1.conflict).to.equal(true);
    expect(q1.matchedRules.map((m) => m.significance)).to.deep.equal(['red', 'yellow', 'green']);
    expect(q1.reason.text).to.equal('Score: 32, højst 35 → rød (også: højst 40 → gul; mindst 0 → grøn)');
    const conflicts = r.warnings.filter((w) => w.code === 'rule-conflict');
    expect(conflicts.map((w) => w.params)).to.deep.equal([{ linkId: 'q', colours: 'red,yellow,green' }]);
    // Authoring overlap is reported too, once per pair of colours.
    expect(r.warnings.filter((w) => w.code === 'rule-overlap').length).to.equal(3);
  });

  it('an exists-false rule colours a missing or declined answer (red/yellow only)', async () => {
    const q = questionnaire([
      ruled('must', 'choice', [rule('red', cond('exists', { valueBoolean: false }))], {
        text: 'Må ikke springes over',
        answerOption: [coding('a'), { valueCoding: { system: TRIAGE_URL.dataAbsentReason, code: 'asked-declined', display: 'Ønsker ikke at svare' } }],
      }),
    ]);
    const missing = await triageResponse(q, response([]));
    expect(item(missing, 'must').reason.text).to.equal('Må ikke springes over: ikke besvaret, ikke besvaret → rød');
    expect(item(missing, 'must').triggers).to.have.length(1);
    expect(item(missing, 'must').triggers[0]!.value).to.equal(undefined);
    const declined = await triageResponse(q, response([{ linkId: 'must', answer: [{ valueCoding: { system: TRIAGE_URL.dataAbsentReason, code: 'asked-declined' } }] }]));
    expect(item(declined, 'must').significance).to.equal('red');
    const answered = await triageResponse(q, response([{ linkId: 'must', answer: [coding('a')] }]));
    expect(item(answered, 'must').significance).to.equal('none');
  });
});

describe('triageResponse: values', () => {
  it('calculates a missing score with the questionnaire engine, and keeps a stored one', async () => {
    const computed = await triageResponse(who5, workedExampleResponse(example('who5-52'), who5));
    expect(item(computed, 'who5-score')).to.include({ valueSource: 'calculated', significance: 'green', answerText: '52' });
    const stored = await triageResponse(who5, workedExampleResponse(example('who5-stored-35'), who5));
    expect(item(stored, 'who5-score')).to.include({ valueSource: 'response', significance: 'red' });
    expect(item(stored, 't1')).to.include({ valueSource: 'none', significance: 'grey' });
    expect(stored.warnings).to.deep.equal([]);
  });

  it('keeps a stored score that disagrees with its items, and reports it', async () => {
    const qr = workedExampleResponse(example('who5-100'), who5);
    qr.item![0]!.item!.push({ linkId: 'who5-score', answer: [{ valueDecimal: 35 }] });
    const r = await triageResponse(who5, qr);
    expect(item(r, 'who5-score')).to.include({ significance: 'red', valueSource: 'response' });
    expect(r.warnings.map((w) => [w.code, w.params])).to.deep.equal([['score-mismatch', { linkId: 'who5-score', stored: '35', computed: '100' }]]);
    // The same stored value as calculated: no warning.
    qr.item![0]!.item![5]!.answer = [{ valueDecimal: 100 }];
    expect((await triageResponse(who5, qr)).warnings).to.deep.equal([]);
  });

  it('works without FHIRPath for questionnaires without expressions, from a Questionnaire or its compiled definition', async () => {
    const r = await triageResponse(scoreQuestionnaire(), scored(36));
    expect((await triageResponse(compileQuestionnaire(scoreQuestionnaire()), scored(36))).overall).to.equal('yellow');
    expect(r.overall).to.equal('yellow');
    expect(compileQuestionnaire(scoreQuestionnaire()).usesExpressions).to.equal(false);
  });

  it('reports a broken expression and still colours everything else', async () => {
    const q = questionnaire([
      ruled('a', 'integer', [rule('red', cond('>=', { valueInteger: 5 }))]),
      ruled('b', 'integer', [rule('red', cond('>=', { valueInteger: 5 }))], { extension: [calc('this is (not fhirpath')] }),
    ]);
    const r = await triageResponse(q, response([{ linkId: 'a', answer: [{ valueInteger: 7 }] }]));
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['expression-error']);
    expect(item(r, 'a').significance).to.equal('red');
    expect(item(r, 'b')).to.include({ significance: 'grey', valueSource: 'none' });
    expect(item(r, 'b').reason.kind).to.equal('not-calculated');
  });

  it('reports an expression that fails while it runs (not while it is read), and colours from the rest', async () => {
    // toInteger() on two values is an error FHIRPath finds only when it evaluates.
    const q = questionnaire([
      ruled('a', 'integer', [rule('red', cond('>=', { valueInteger: 5 }))], { repeats: true }),
      ruled('b', 'integer', [rule('red', cond('>=', { valueInteger: 5 }))], { extension: [calc("%resource.item.where(linkId='a').answer.value.toInteger()")] }),
    ]);
    const r = await triageResponse(q, response([{ linkId: 'a', answer: [{ valueInteger: 7 }, { valueInteger: 8 }] }]));
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['expression-error']);
    expect(r.warnings[0]!.message).to.match(/failed/);
    expect(item(r, 'a').significance).to.equal('red');
    expect(item(r, 'b')).to.include({ significance: 'grey', valueSource: 'none' });
  });

  it('colours each answer of a repeating item and each repetition of a repeating group', async () => {
    const q = questionnaire([
      ruled('multi', 'choice', [rule('yellow', cond('=', coding('b'))), rule('red', cond('=', coding('c')))], { repeats: true, answerOption: [coding('a'), coding('b'), coding('c')] }),
      { linkId: 'rep', type: 'group', repeats: true, item: [ruled('x', 'integer', [rule('red', cond('>', { valueInteger: 5 })), rule('green', cond('<=', { valueInteger: 5 }))])] },
    ]);
    const r = await triageResponse(
      q,
      response([
        { linkId: 'multi', answer: [coding('b'), coding('c'), coding('a')] },
        { linkId: 'rep', item: [{ linkId: 'x', answer: [{ valueInteger: 2 }] }] },
        { linkId: 'rep', item: [{ linkId: 'x', answer: [{ valueInteger: 9 }] }] },
      ]),
    );
    const multi = item(r, 'multi');
    expect(multi.significance).to.equal('red');
    expect(multi.conflict).to.equal(false);
    expect(multi.triggers.map((t) => t.rule.significance)).to.deep.equal(['yellow', 'red']);
    expect(multi.answerText).to.equal('b, c, a');
    expect(multi.reason.text).to.equal('MULTI: c → rød (også: lig med b → gul)');
    expect(r.items.filter((i) => i.linkId === 'x').map((i) => [i.significance, i.domain])).to.deep.equal([
      ['green', 'rep'],
      ['red', 'rep'],
    ]);
    expect(r.domains.map((d) => [d.linkId, d.significance, d.counts.green, d.counts.red])).to.deep.equal([['rep', 'red', 1, 1]]);
    expect(r.overall).to.equal('red');
  });

  it('compares quantities and integer options by number', async () => {
    const q = questionnaire([
      ruled('weight', 'quantity', [rule('yellow', cond('>', { valueDecimal: 100 }))], { text: 'Vægt' }),
      ruled('level', 'choice', [rule('red', cond('>=', { valueInteger: 3 }))], { answerOption: [{ valueInteger: 1 }, { valueInteger: 3 }] }),
    ]);
    const r = await triageResponse(q, response([{ linkId: 'weight', answer: [{ valueQuantity: { value: 101.5, unit: 'kg' } }] }, { linkId: 'level', answer: [{ valueInteger: 3 }] }]));
    expect(item(r, 'weight').reason.text).to.equal('Vægt: 101,5 kg, over 100 → gul');
    expect(item(r, 'level').significance).to.equal('red');
  });

  it('knows scores, flags, other calculations and questions apart', async () => {
    const r = await triageResponse(rehab, workedExampleResponse(example('rehab-green'), rehab));
    expect(item(r, 'who5-score')).to.include({ kind: 'score', hidden: true, higherIsBetter: true, minimalImportantDifference: 10 });
    expect(item(r, 'auditc-score')).to.include({ kind: 'score', higherIsBetter: false });
    expect(item(r, 'auditc-score').minimalImportantDifference).to.equal(undefined);
    expect(item(r, 'netvaerk-risiko')).to.include({ kind: 'flag', hidden: true });
    expect(item(r, 't1')).to.include({ kind: 'question', hidden: false });
    const q = questionnaire([
      { linkId: 'label', type: 'string', extension: [calc("'x'")] },
      { linkId: 'stored', type: 'integer', extension: [{ url: TRIAGE_URL.higherIsBetter, valueBoolean: false }] },
    ]);
    const other = await triageResponse(q, response([{ linkId: 'stored', answer: [{ valueInteger: 4 }] }]));
    expect(item(other, 'label').kind).to.equal('calculated');
    expect(item(other, 'stored')).to.include({ kind: 'score', higherIsBetter: false });
  });

  it('recognises "ønsker ikke at svare" by the data-absent-reason system', () => {
    expect(isDeclined({ valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-declined' } })).to.equal(true);
    expect(isDeclined({ valueCoding: { system: 'http://other', code: 'asked-declined' } })).to.equal(false);
    expect(isDeclined({ valueString: 'asked-declined' })).to.equal(false);
  });
});

describe('triageResponse: domains, overall and agenda', () => {
  it('a domain shows the worst of red, yellow and green, its counts and its scores with their band', async () => {
    const r = await triageResponse(rehab, workedExampleResponse(example('rehab-red'), rehab));
    const trivsel = r.domains.find((d) => d.linkId === 'trivsel')!;
    expect(trivsel).to.include({ text: 'Mental trivsel', significance: 'red', hasRules: true, onAgenda: false });
    expect(trivsel.counts).to.deep.equal({ red: 2, yellow: 3, green: 0, grey: 0, none: 4 });
    expect(trivsel.decidedBy).to.deep.equal(['who5-score', 'humoer-score']);
    expect(trivsel.scores.map((s) => [s.linkId, s.value, s.significance, s.band])).to.deep.equal([
      ['who5-score', 28, 'red', 'højst 35'],
      ['humoer-score', 5, 'red', 'mindst 3'],
    ]);
    expect(trivsel.items).to.deep.equal(['t1', 't2', 't3', 't4', 't5', 'who5-score', 'humoer-1', 'humoer-2', 'humoer-score']);
  });

  it('a score that cannot be calculated has no value and no band', async () => {
    const r = await triageResponse(who5, workedExampleResponse(example('who5-missing-item'), who5));
    const [score] = r.domains[0]!.scores;
    expect(score).to.include({ linkId: 'who5-score', significance: 'grey' });
    expect(score!.value).to.equal(undefined);
    expect(score!.band).to.equal(undefined);
  });

  it('aggregates: coloured wins over grey; grey only without colour; none without rules or matches', () => {
    const i = (significance: ItemTriage['significance'], hasRules = true) => ({ linkId: significance, significance, hasRules }) as ItemTriage;
    expect(aggregate([i('grey'), i('green'), i('none')])).to.deep.equal({ significance: 'green', decidedBy: ['green'] });
    expect(aggregate([i('grey'), i('none')])).to.deep.equal({ significance: 'grey', decidedBy: ['grey'] });
    expect(aggregate([i('none'), i('none')])).to.deep.equal({ significance: 'none', decidedBy: [] });
    expect(aggregate([i('grey', false), i('none', false)])).to.deep.equal({ significance: 'none', decidedBy: [] });
    expect(aggregate([])).to.deep.equal({ significance: 'none', decidedBy: [] });
    expect(aggregate([i('yellow'), i('red'), i('red')]).significance).to.equal('red');
  });

  it('returns the citizen\'s agenda separately: chosen domains in questionnaire order and free text', async () => {
    const r = await triageResponse(rehab, workedExampleResponse({ ...example('rehab-red'), answers: { ...example('rehab-red').answers, d1: ['seksualitet', 'Min hofte', 'trivsel'] } }, rehab));
    expect(r.agenda.domains).to.deep.equal(['trivsel', 'seksualitet']);
    expect(r.agenda.other).to.deep.equal(['Min hofte']);
    expect(r.agenda.items).to.have.length(1);
    expect(r.agenda.items[0]!.answers.map((a) => [a.text, a.domain])).to.deep.equal([
      ['Sex og samliv', 'seksualitet'],
      ['Min hofte', undefined],
      ['Mit humør og min trivsel', 'trivsel'],
    ]);
    expect(r.domains.map((d) => d.linkId)).to.not.include('dagsorden');
    expect(r.domains.filter((d) => d.onAgenda).map((d) => d.linkId)).to.deep.equal(['trivsel', 'seksualitet']);
    expect(item(r, 'x1').agenda).to.equal(true);
    expect(item(r, 'h1').agenda).to.equal(false);
  });

  it('finds the agenda by the citizen-agenda extension anywhere, and treats a question outside groups as part of the whole', async () => {
    const q = questionnaire([
      ruled('top', 'boolean', [rule('yellow', cond('=', { valueBoolean: true }))], { text: 'Top' }),
      {
        linkId: 'forberedelse',
        type: 'group',
        item: [
          {
            linkId: 'emner',
            type: 'open-choice',
            repeats: true,
            extension: [{ url: TRIAGE_URL.citizenAgenda, valueBoolean: true }],
            answerOption: [coding('krop'), coding('other')],
          },
        ],
      },
      { linkId: 'krop', type: 'group', item: [ruled('k1', 'integer', [rule('green', cond('<', { valueInteger: 3 }))])] },
    ]);
    const r = await triageResponse(
      q,
      response([
        { linkId: 'top', answer: [{ valueBoolean: true }] },
        { linkId: 'forberedelse', item: [{ linkId: 'emner', answer: [coding('krop'), coding('other'), { valueCoding: { system: TRIAGE_URL.dataAbsentReason, code: 'asked-declined' } }] }] },
        { linkId: 'krop', item: [{ linkId: 'k1', answer: [{ valueInteger: 1 }] }] },
      ]),
    );
    expect(r.domains.map((d) => d.linkId)).to.deep.equal(['krop']);
    expect(r.agenda.domains).to.deep.equal(['krop']);
    expect(r.agenda.items[0]!.answers.map((a) => a.text)).to.deep.equal(['krop', 'other']);
    expect(item(r, 'top').domain).to.equal(undefined);
    expect(r.overall).to.equal('yellow');
  });

  it('is deterministic', async () => {
    const qr = workedExampleResponse(example('rehab-red'), rehab);
    expect(await triageResponse(rehab, qr)).to.deep.equal(await triageResponse(rehab, qr));
  });

  it('each item carries what it is about: its codes and its definition, as the questionnaire gives them', async () => {
    const codes = [{ system: 'http://loinc.org', code: '12345-6' }, { system: 'https://example.org/cs', code: 'n' }];
    const q = questionnaire([
      ruled('n', 'integer', [rule('red', cond('>', { valueInteger: 5 }))], { code: codes, definition: 'https://example.org/StructureDefinition/x#n' }),
      ruled('m', 'integer', [rule('red', cond('>', { valueInteger: 5 }))]),
    ]);
    const r = await triageResponse(q, response([{ linkId: 'n', answer: [{ valueInteger: 6 }] }]));
    expect(item(r, 'n')).to.deep.include({ codes, definition: 'https://example.org/StructureDefinition/x#n' });
    expect(item(r, 'm')).to.not.have.any.keys('codes', 'definition');
    const shipped = await triageResponse(who5, workedExampleResponse(example('who5-32'), who5));
    expect(item(shipped, 'who5-score').codes).to.deep.equal([{ system: 'https://kpro.example.dk/fhir/CodeSystem/kpro-item', code: 'who5-score' }]);
  });

  it('names the response and the rules used', async () => {
    const r = await triageResponse(rehab, workedExampleResponse(example('rehab-green'), rehab));
    expect(r).to.include({
      source: 'computed',
      questionnaire: 'https://kpro.example.dk/fhir/Questionnaire/kommunal-rehabilitering|1.1.0',
      responseQuestionnaire: 'https://kpro.example.dk/fhir/Questionnaire/kommunal-rehabilitering|1.1.0',
      responseId: 'worked-rehab-green',
      authored: '2025-01-15T10:00:00+01:00',
      versionFallback: false,
    });
  });
});

describe('triageResponse: bad input gives warnings, never an exception', () => {
  it('answers to unknown items are reported; the rest is evaluated', async () => {
    const qr = workedExampleResponse(example('h1-meget'), rehab);
    qr.item!.push({ linkId: 'gammelt-spoergsmaal', answer: [{ valueString: 'x' }] });
    const r = await triageResponse(rehab, qr);
    expect(r.warnings.map((w) => [w.code, w.params.linkId])).to.deep.equal([['unknown-link-id', 'gammelt-spoergsmaal']]);
    expect(r.overall).to.equal('red');
  });

  it('a response to another questionnaire is reported and evaluated as far as it goes', async () => {
    const r = await triageResponse(who5, workedExampleResponse(example('rehab-red'), rehab));
    expect(r.warnings.map((w) => w.code)).to.include('response-mismatch');
    expect(r.warnings.map((w) => w.code)).to.include('unknown-link-id');
    expect(r.overall).to.equal('red');
    expect(r.questionnaire).to.equal('https://kpro.example.dk/fhir/Questionnaire/who-5|1.0.0');
  });

  it('something that is not a response, or no questionnaire to use: an empty result with the reason', async () => {
    const notResponse = await triageResponse(who5, { resourceType: 'Patient' } as unknown as QuestionnaireResponse);
    expect(notResponse).to.deep.include({ overall: 'none', items: [], domains: [], questionnaire: '' });
    expect(notResponse.warnings.map((w) => w.code)).to.deep.equal(['not-a-response']);
    expect((await triageResponse(who5, null as unknown as QuestionnaireResponse)).warnings[0]!.code).to.equal('not-a-response');
    const invalid = await triageResponse({ resourceType: 'Patient' } as unknown as Questionnaire, scored(3));
    expect(invalid.warnings.map((w) => [w.code, w.params.reason])).to.deep.equal([['questionnaire-invalid', 'not-questionnaire']]);
    const missing = await triageResponse([who5], scored(3));
    expect(missing.warnings.map((w) => w.code)).to.deep.equal(['questionnaire-not-found']);
    expect(missing).to.include({ responseQuestionnaire: 'http://example.org/Questionnaire/test', overall: 'none' });
    const withId = await triageResponse([who5], { ...scored(3), id: 'r1', authored: '2025-01-01' });
    expect(withId).to.include({ responseId: 'r1', authored: '2025-01-01' });
  });

  it('malformed rules are reported with their code and the item still gets what can be given', async () => {
    const q = questionnaire([
      ruled('q', 'integer', [rule('red', cond('~', { valueInteger: 1 })), rule('yellow', cond('>=', { valueInteger: 2 }))], { text: 'Q' }),
    ]);
    const r = await triageResponse(q, response([{ linkId: 'q', answer: [{ valueInteger: 3 }] }]));
    expect(r.warnings.map((w) => w.code)).to.deep.equal(['rule-bad-operator']);
    expect(item(r, 'q').significance).to.equal('yellow');
  });
});
