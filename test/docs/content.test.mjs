// The shipped content (sample questionnaires and action guides) passes packages/core/content/check-content.mjs,
// and that check refuses placeholder text: a bracketed note such as the old
// "[PHQ-2 spørgsmål 1: officiel dansk tekst indsættes af licenstager]" must never reach a citizen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeholderIn, placeholderProblems } from '../../packages/core/content/check-content.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'packages/core/content/check-content.mjs');
const run = (...files) => spawnSync(process.execPath, [script, ...files], { cwd: root, encoding: 'utf8' });
const content = (path) => JSON.parse(readFileSync(join(root, 'packages/core/content', path), 'utf8'));

test('every shipped questionnaire and guide passes the content check', () => {
  const r = run();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /ok {3}packages\/core\/content\/guides\/national\/hv-01-mental-trivsel\.json/);
  assert.match(r.stdout, /ok {3}packages\/core\/content\/questionnaires\/kommunal-rehabilitering\.json/);
});

test('placeholder text is found: a bracket with a placeholder word, or a whole text in brackets', () => {
  for (const text of [
    '[PHQ-2 spørgsmål 1: officiel dansk tekst indsættes af licenstager]',
    '[PHQ-svar 0: officiel dansk tekst indsættes af licenstager]',
    'Ring til [TODO: telefonnummer] i dag',
    'Question [placeholder]',
    '[Insert the official wording here]',
    '[Spørgsmål om humør]',
  ]) {
    assert.ok(placeholderIn(text), text);
  }
});

test('legitimate brackets are not placeholders', () => {
  for (const text of [
    'Kommunen skal have en lokal eskaleringsprocedure [S25][S26].',
    '[S25]',
    '[Livslinien](https://www.livslinien.dk) har åbent hele døgnet',
    'Scoren [0–6] er summen af to svar',
    'PHQ-9 < 5 er let',
  ]) {
    assert.equal(placeholderIn(text), undefined, text);
  }
});

test('the check fails on a questionnaire and a guide with placeholder text, naming where', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpro-content-'));
  try {
    // The old rehab content's PHQ-2 placeholder, put back into a copy of WHO-5.
    const q = content('questionnaires/who-5.json');
    const t1 = q.item[0].item.find((i) => i.linkId === 't1');
    t1.text = '[PHQ-2 spørgsmål 1: officiel dansk tekst indsættes af licenstager]';
    t1.answerOption[0].valueCoding.display = '[PHQ-svar 0: officiel dansk tekst indsættes af licenstager]';
    const guide = content('guides/national/hv-02-nedtrykthed.json');
    guide.phrases[0].text = '[TODO: indsæt åbningsreplik]';
    const qFile = join(dir, 'q.json');
    const gFile = join(dir, 'g.json');
    writeFileSync(qFile, `${JSON.stringify(q, null, 2)}\n`);
    writeFileSync(gFile, `${JSON.stringify(guide, null, 2)}\n`);
    const r = run(qFile, gFile);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\(t1\)\.text: placeholder text "\[PHQ-2 spørgsmål 1/);
    assert.match(r.stderr, /\(t1\)\.answerOption\[0\]\.valueCoding\.display: placeholder text/);
    assert.match(r.stderr, /g\.json: \$\.phrases\[0\]\.text: placeholder text "\[TODO/);
    assert.match(r.stderr, /3 problem\(s\) found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the check fails when two items of one questionnaire carry the same code (a guide would follow both)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpro-content-'));
  try {
    const q = content('questionnaires/who-5.json');
    const items = q.item[0].item;
    items.find((i) => i.linkId === 't2').code = structuredClone(items.find((i) => i.linkId === 't1').code);
    const file = join(dir, 'q.json');
    writeFileSync(file, `${JSON.stringify(q, null, 2)}\n`);
    const r = run(file);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /item t2: code https:\/\/kpro\.example\.dk\/fhir\/CodeSystem\/kpro-item\|who5-1 is also on "t1"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('FHIRPath is not read as text', () => {
  assert.deepEqual(placeholderProblems({ extension: [{ valueExpression: { expression: "%resource.item[0].where(linkId = 'x todo')" } }] }), []);
});
