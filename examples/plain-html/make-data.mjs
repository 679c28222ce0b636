// Writes the static FHIR JSON of the plain-HTML example (data/*.json) from the sandbox's seed, so the
// page shows the same fictitious citizen as `npm start`: node examples/plain-html/make-data.mjs
// The questionnaires are not copied: the page reads them from packages/core/content/questionnaires.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeed } from '../../packages/sandbox/src/seed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CITIZEN = 'inge-test-jensen';

/** A FHIR R4 Bundle of type collection (what a host has after a search, minus the paging). */
const collection = (id, resources) => ({
  resourceType: 'Bundle',
  id,
  type: 'collection',
  entry: resources.map((resource) => ({ fullUrl: `https://kpro.example.dk/fhir/${resource.resourceType}/${resource.id}`, resource })),
});

/** Every example data file, by name (used by the test that checks the committed files are current). */
export async function exampleData() {
  const { resources } = await buildSeed();
  const of = (type) => resources.filter((r) => r.resourceType === type);
  const about = (r) => r.subject?.reference === `Patient/${CITIZEN}`;
  const patient = resources.find((r) => r.resourceType === 'Patient' && r.id === CITIZEN);
  // Newest first, as <kpro-answer-view> wants them.
  const responses = of('QuestionnaireResponse')
    .filter(about)
    .sort((a, b) => b.authored.localeCompare(a.authored));
  return {
    'citizen.json': collection('eksempel-borger', [patient, ...of('CarePlan').filter(about), ...of('ServiceRequest').filter(about), ...responses]),
    'plan-templates.json': collection('eksempel-planskabeloner', [...of('PlanDefinition'), ...of('ActivityDefinition'), ...of('CareTeam')]),
    'guides.json': collection('eksempel-handlevejledninger', of('Basic')),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(here, 'data'), { recursive: true });
  for (const [name, bundle] of Object.entries(await exampleData())) {
    writeFileSync(join(here, 'data', name), `${JSON.stringify(bundle, null, 2)}\n`);
    process.stdout.write(`examples/plain-html/data/${name}: ${bundle.entry.length} resources\n`);
  }
}
