// custom-elements.json is what EHR vendors' tooling and Storybook read: generate it from the elements' JSDoc
// (as `npm run manifest` does) and check it documents everything the sources actually have, so a new part,
// event, slot, attribute or CSS custom property without JSDoc fails here instead of going unseen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const elements = join(root, 'packages/elements');
const COMPONENTS = {
  'kpro-questionnaire': 'questionnaire',
  'kpro-answer-view': 'answer-view',
  'kpro-action-guide': 'action-guide',
  'kpro-plan-assigner': 'plan-assigner',
  'kpro-app': 'app',
};

function generate() {
  // The analyzer resolves --outdir against the package folder, so a relative scratch folder inside it.
  const out = relative(elements, mkdtempSync(join(elements, '.cem-test-')));
  try {
    const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    const r = spawnSync(process.execPath, [cem, 'analyze', '--outdir', out], { cwd: elements, encoding: 'utf8' });
    assert.equal(r.status, 0, `cem analyze failed:\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(readFileSync(join(elements, out, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(join(elements, out), { recursive: true, force: true });
  }
}

/** Every non-test source file of a component folder, concatenated. */
function sources(folder) {
  const dir = join(elements, 'src', folder);
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-helpers'));
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

const manifest = generate();
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const shared = sources('shared');

test('package.json points hosts and tools at the manifest', () => {
  const pkg = JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'), 'the manifest is published with the package');
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
});

for (const [tag, folder] of Object.entries(COMPONENTS)) {
  test(`${tag}: documented in custom-elements.json`, () => {
    const el = declarations.find((d) => d.customElement && d.tagName === tag);
    assert.ok(el, `${tag} has a declaration with its tag name (JSDoc @tagname)`);
    assert.ok(el.summary || el.description, `${tag} has a summary`);
    const src = sources(folder);

    // Public properties: each with a type and a description; attributes mirror the reflected ones.
    const fields = el.members.filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#'));
    assert.ok(fields.length > 0, `${tag} has public properties`);
    for (const f of fields) {
      assert.ok(f.description, `${tag}.${f.name} has a JSDoc description`);
      assert.ok(f.type?.text, `${tag}.${f.name} has a type`);
    }
    for (const m of src.matchAll(/attribute:\s*'([a-z-]+)'/g)) {
      assert.ok(el.attributes?.some((a) => a.name === m[1]), `${tag}: attribute ${m[1]} is in the manifest`);
    }

    // Events: every kpro-* event name in the sources is listed with a description, and nothing nameless.
    const events = new Map((el.events ?? []).map((e) => [e.name, e]));
    for (const e of el.events ?? []) assert.ok(e.name && e.description, `${tag}: event ${e.name ?? '(nameless)'} has a name and description`);
    for (const m of src.matchAll(/(?:super|Event)\(\s*'(kpro-[a-z-]+)'/g)) assert.ok(events.has(m[1]), `${tag}: event ${m[1]} is documented (@fires/@event)`);
    assert.ok(events.has('kpro-error'), `${tag} documents kpro-error`);

    // Parts and slots used in the templates are documented.
    const parts = new Set((el.cssParts ?? []).map((p) => p.name));
    for (const m of src.matchAll(/part="([a-z -]+)"/g)) {
      for (const part of m[1].split(/\s+/)) assert.ok(parts.has(part), `${tag}: part "${part}" is documented (@csspart)`);
    }
    const slots = new Set((el.slots ?? []).map((s) => s.name));
    for (const m of src.matchAll(/<slot(?:\s+name="([a-z-]+)")?/g)) assert.ok(slots.has(m[1] ?? ''), `${tag}: slot "${m[1] ?? '(default)'}" is documented (@slot)`);

    // CSS custom properties: the component's own knobs and every host theme token.
    const props = new Set((el.cssProperties ?? []).map((p) => p.name));
    for (const m of src.matchAll(new RegExp(`(--${tag}-[a-z-]+)`, 'g'))) assert.ok(props.has(m[1]), `${tag}: ${m[1]} is documented (@cssproperty)`);
    for (const m of shared.matchAll(/var\((--kpro-theme-[a-z-]+)/g)) assert.ok(props.has(m[1]), `${tag}: theme token ${m[1]} is listed`);
  });
}
