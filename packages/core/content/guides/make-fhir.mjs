#!/usr/bin/env node
// Writes the action guides as FUT ehealth-actionguidance Basic resources for the sandbox to seed, and
// the JSON Schema file from the schema in @kpro/core (so the two cannot drift).
//
//   node packages/core/content/guides/make-fhir.mjs [--check]
//
// Reads national/*.json, regional/*.json and municipal/*.json next to this script, validates every one
// with the same code the components use (invalid files stop the script), and writes one Basic per file
// to packages/sandbox/seed/guides/<id>.json. --check writes nothing and fails when a file is out of date.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const out = join(root, 'packages/sandbox/seed/guides');
const check = process.argv.includes('--check');

// Bundle the guidance module (TypeScript) once, then import it.
const tmp = join(tmpdir(), `kpro-guidance-${process.pid}.mjs`);
await build({ entryPoints: [join(root, 'packages/core/src/guidance/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: tmp, logLevel: 'silent' });
const { ACTION_GUIDE_SCHEMA, loadGuides, toFhirBasic } = await import(pathToFileURL(tmp).href);
rmSync(tmp);

const stale = [];
const write = (file, text) => {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (old === text) return;
  if (check) stale.push(relative(root, file));
  else writeFileSync(file, text);
};

write(join(here, 'action-guide.schema.json'), `${JSON.stringify(ACTION_GUIDE_SCHEMA, null, 2)}\n`);

const files = ['national', 'regional', 'municipal'].flatMap((dir) =>
  existsSync(join(here, dir)) ? readdirSync(join(here, dir)).filter((f) => f.endsWith('.json')).sort().map((f) => join(here, dir, f)) : [],
);
const docs = files.map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));
const lib = loadGuides(...docs.map((d) => d.text));
if (lib.warnings.length) {
  for (const w of lib.warnings) console.error(`✗ ${w.code}: ${w.message}`);
  process.exit(1);
}
const questionnaires = [...new Set(lib.guides.map((g) => g.questionnaire))];
mkdirSync(out, { recursive: true });
const written = new Set();
for (const doc of [...lib.guides, ...lib.overlays]) {
  const patched = doc.kind === 'overlay' ? [...new Set(doc.patches.map((p) => lib.guides.find((g) => g.id === p.guide)?.questionnaire).filter(Boolean))] : questionnaires;
  const basic = toFhirBasic(doc, { questionnaires: patched });
  const file = join(out, `${doc.id}.json`);
  written.add(file);
  write(file, `${JSON.stringify(basic, null, 2)}\n`);
}
for (const f of readdirSync(out)) {
  const file = join(out, f);
  if (f.endsWith('.json') && !written.has(file)) {
    if (check) stale.push(`${relative(root, file)} (not from a guide)`);
    else rmSync(file);
  }
}
if (check && stale.length) {
  console.error(`Out of date (run node ${relative(root, fileURLToPath(import.meta.url))}):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
process.stdout.write(`${check ? 'Checked' : 'Wrote'} ${lib.guides.length} guides and ${lib.overlays.length} overlays as Basic resources in ${relative(root, out)}.\n`);
