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

  it('the README shows the same table', async () => {
    const readme = await (await fetch('/packages/core/src/triage/README.md')).text();
    const start = readme.indexOf('<!-- worked-examples:start -->');
    const end = readme.indexOf('<!-- worked-examples:end -->');
    expect(start, 'README markers').to.be.greaterThan(-1);
    const table = readme.slice(start, end).split('\n').slice(1).join('\n').trim();
    expect(table, `README table is out of date; paste:\n${workedExamplesMarkdown()}\n`).to.equal(workedExamplesMarkdown());
  });
});
