import { expect } from '@open-wc/testing';
import type { Questionnaire } from '../fhir/types.js';
import { triageResponse } from './evaluate.js';
import { numberOf } from './rules.js';
import { WORKED_EXAMPLES, WORKED_QUESTIONNAIRES, workedExampleResponse, workedExamplesMarkdown, type WorkedQuestionnaire } from './worked-examples.js';

const load = async (name: string): Promise<Questionnaire> => (await fetch(`/packages/core/content/questionnaires/${name}.json`)).json();
const files = Object.fromEntries(await Promise.all(WORKED_QUESTIONNAIRES.map(async (n) => [n, await load(n)] as const))) as Record<WorkedQuestionnaire, Questionnaire>;
/** Every version we have: each response must find its own. */
const library = Object.values(files);

describe('worked examples (table in worked-examples.ts)', () => {
  for (const example of WORKED_EXAMPLES) {
    it(`${example.id}: ${example.shows}`, async () => {
      const q = files[example.questionnaire];
      const response = workedExampleResponse(example, q);
      const result = await triageResponse(library, response);
      const e = example.expect;

      expect(result.questionnaire, 'rules used').to.equal(e.questionnaire ?? `${q.url}|${q.version}`);
      expect(result.warnings.map((w) => w.code), 'warnings').to.deep.equal(e.warnings ?? []);
      expect(result.overall, 'overall').to.equal(e.overall);

      for (const d of result.domains) {
        expect(d.significance, `domain ${d.linkId}`).to.equal(e.domains[d.linkId] ?? 'grey');
      }
      expect(Object.keys(e.domains).filter((id) => !result.domains.some((d) => d.linkId === id)), 'unknown domains in the table').to.deep.equal([]);

      for (const [linkId, colour] of Object.entries(e.items ?? {})) {
        const item = result.items.find((i) => i.linkId === linkId);
        expect(item, `item ${linkId}`).to.not.equal(undefined);
        expect(item!.significance, `item ${linkId}: ${item!.reason.text}`).to.equal(colour);
      }
      for (const [linkId, value] of Object.entries(e.scores ?? {})) {
        const item = result.items.find((i) => i.linkId === linkId)!;
        expect(numberOf(item.value) ?? null, `score ${linkId}`).to.equal(value);
      }
      if (e.agenda) expect(result.agenda.domains, 'agenda').to.deep.equal(e.agenda);

      // Grey never hides as green, and nothing without a rule is coloured.
      for (const i of result.items) {
        if (!i.values.length) expect(i.significance, `${i.linkId} without an answer`).to.be.oneOf(['grey', 'none', 'red', 'yellow']);
        if (!i.hasRules) expect(i.significance, `${i.linkId} has no rules`).to.be.oneOf(['grey', 'none']);
      }
    });
  }

  it('builds responses as the renderer writes them, and refuses answers the questionnaire does not have', () => {
    const base = { questionnaire: 'kommunal-rehabilitering' as const, shows: '', expect: { overall: 'none' as const, domains: {} } };
    const qr = workedExampleResponse({ ...base, id: 'b', answers: { d1: ['trivsel', 'Andet emne'], f1: 3, 'who5-score': 40, 'soevn-risiko': true } }, files['kommunal-rehabilitering']);
    const flat = qr.item!.flatMap((g) => g.item ?? []);
    expect(flat.find((i) => i.linkId === 'd1')!.answer).to.deep.equal([
      { valueCoding: { system: 'https://kpro.example.dk/fhir/CodeSystem/samtaleemne', code: 'trivsel', display: 'Mit humør og min trivsel' } },
      { valueString: 'Andet emne' },
    ]);
    expect(flat.find((i) => i.linkId === 'f1')!.answer).to.deep.equal([{ valueInteger: 3 }]);
    expect(flat.find((i) => i.linkId === 'who5-score')!.answer).to.deep.equal([{ valueDecimal: 40 }]);
    expect(flat.find((i) => i.linkId === 'soevn-risiko')!.answer).to.deep.equal([{ valueBoolean: true }]);
    expect(() => workedExampleResponse({ ...base, id: 'typo', answers: { h1: 'megt' } }, files['kommunal-rehabilitering'])).to.throw('h1 has no answer option megt');
    expect(() => workedExampleResponse({ ...base, id: 'typo', answers: { f1: 'x' } }, files['kommunal-rehabilitering'])).to.throw('f1 has no answer option x');
    expect(() => workedExampleResponse({ ...base, id: 'gone', answers: { zz: 1 } }, files['kommunal-rehabilitering'])).to.throw('no items zz');
    expect(workedExampleResponse({ ...base, id: 'empty' }, { resourceType: 'Questionnaire', status: 'active' })).to.not.have.property('item');
  });

  it('the README shows the same table', async () => {
    const readme = await (await fetch('/packages/core/src/triage/README.md')).text();
    const start = readme.indexOf('<!-- worked-examples:start -->');
    const end = readme.indexOf('<!-- worked-examples:end -->');
    expect(start, 'README markers').to.be.greaterThan(-1);
    const table = readme.slice(start, end).split('\n').slice(1).join('\n').trim();
    expect(table, `README table is out of date; paste:\n${workedExamplesMarkdown()}\n`).to.equal(workedExamplesMarkdown());
  });
});
