#!/usr/bin/env node
// Checks the shipped content (no dependencies): the sample FHIR R4 Questionnaires in ./questionnaires
// and the action guides in ./guides/{national,regional,municipal}.
//
//   node packages/core/content/check-content.mjs [file.json ...]
//
// Prints every problem found and exits with status 1 if there is any. Guides are only checked for
// formatting and placeholder text here; their format is checked by guides/make-fhir.mjs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIG = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaire-answerSignificance';
const COND = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-answer-Condition';
const SIG_CS = 'http://ehealth.sundhed.dk/cs/questionnaire-item-significance-indicator';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const CALC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const DAR = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const OPERATORS = new Set(['exists', '=', '!=', '>', '<', '>=', '<=']);
const SIGNIFICANCES = new Set(['red', 'yellow', 'green']);
const ITEM_TYPES = new Set([
  'group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text',
  'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity',
]);
const CONDITION_VALUE_TYPES = new Set(['valueDecimal', 'valueInteger', 'valueString', 'valueCoding', 'valueBoolean']);

const valueKey = (obj) => Object.keys(obj).find((k) => k.startsWith('value') && k.length > 5);

// A note to whoever fills in the content ("[… indsættes af licenstager]", "[TODO …]") must never reach a
// citizen or a clinician. Two rules: a bracket holding a placeholder word, or a whole text that is one
// bracketed phrase. Source tags ("[S25]") and markdown links ("[Livslinien](https://…)") stay allowed.
const PLACEHOLDER_WORD = /\[[^\]]*?(?<![\p{L}\p{N}])(indsæt|pladsholder|placeholder|todo|tbd|fixme|xxx|licenstager|insert|lorem)[^\]]*\]/iu;
const WHOLE_BRACKETED = /^\s*\[[^\][]*\s[^\][]*\]\s*$/u;

/** The placeholder in a text, if it has one. */
export function placeholderIn(text) {
  return text.match(PLACEHOLDER_WORD)?.[0] ?? text.match(WHOLE_BRACKETED)?.[0];
}

/** Every text in a content file (anything but FHIRPath) that holds placeholder text. */
export function placeholderProblems(json) {
  const found = [];
  const visit = (node, path, key) => {
    if (typeof node === 'string') {
      const hit = key === 'expression' ? undefined : placeholderIn(node);
      if (hit) found.push({ path, text: hit });
    } else if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${path}[${i}]`, key));
    else if (node && typeof node === 'object') {
      const at = typeof node.linkId === 'string' ? `${path} (${node.linkId})` : path;
      for (const [k, v] of Object.entries(node)) visit(v, `${at}.${k}`, k);
    }
  };
  visit(json, '$', '');
  return found;
}

function checkQuestionnaire(q, problem) {
  if (q.resourceType !== 'Questionnaire') problem('$', `resourceType is ${JSON.stringify(q.resourceType)}, expected "Questionnaire"`);
  for (const key of ['id', 'url', 'version', 'status', 'name', 'title']) {
    if (typeof q[key] !== 'string' || !q[key]) problem('$', `missing ${key}`);
  }
  for (const key of ['title', 'description']) {
    if (q[key] && !hasEnglish(q[`_${key}`])) problem('$', `${key} has no English translation`);
  }
  if (!Array.isArray(q.item) || q.item.length === 0) {
    problem('$', 'no items');
    return;
  }

  // Pass 1: collect every item by linkId (linkIds must be unique across the whole questionnaire).
  const byLinkId = new Map();
  const walk = (items, path) => {
    items.forEach((item, i) => {
      const where = `${path}[${i}]${item.linkId ? ` (${item.linkId})` : ''}`;
      if (typeof item.linkId !== 'string' || !item.linkId) problem(where, 'item without linkId');
      else if (byLinkId.has(item.linkId)) problem(where, `duplicate linkId "${item.linkId}"`);
      else byLinkId.set(item.linkId, item);
      if (Array.isArray(item.item)) walk(item.item, `${where}.item`);
    });
  };
  walk(q.item, 'item');

  // Pass 2: check each item.
  const byCode = new Map();
  for (const [linkId, item] of byLinkId) {
    const at = `item ${linkId}`;
    // A code says what an item is about (action guides follow it), so it names one item per questionnaire.
    for (const c of item.code ?? []) {
      if (!c.system || !c.code) problem(at, 'code needs system and code');
      const key = `${c.system}|${c.code}`;
      if (byCode.has(key)) problem(at, `code ${key} is also on "${byCode.get(key)}"`);
      byCode.set(key, linkId);
    }
    if (!ITEM_TYPES.has(item.type)) problem(at, `unknown type ${JSON.stringify(item.type)}`);
    if (item.type === 'group' && !(item.item?.length > 0)) problem(at, 'group without items');
    if (item.text && !hasEnglish(item._text)) problem(at, 'text has no English translation');
    if (item.type !== 'display' && item.type !== 'group' && !item.text) problem(at, 'question without text');

    if (item.type === 'choice' || item.type === 'open-choice') {
      if (!item.answerOption?.length && !item.answerValueSet) problem(at, 'choice item without answerOption');
    }
    for (const [i, option] of (item.answerOption ?? []).entries()) {
      const oAt = `${at} answerOption[${i}]`;
      const coding = option.valueCoding;
      const ordinal = (option.extension ?? []).filter((e) => e.url === ORDINAL);
      if (coding) {
        if (!coding.system || !coding.code) problem(oAt, 'valueCoding needs system and code');
        if (coding.display && !hasEnglish(coding._display)) problem(oAt, `display "${coding.display}" has no English translation`);
        if (coding.code === 'asked-declined') {
          if (coding.system !== DAR) problem(oAt, `asked-declined must use system ${DAR}`);
          if (ordinal.length) problem(oAt, 'asked-declined must not carry an ordinalValue');
        }
      }
      if (ordinal.length > 1) problem(oAt, 'more than one ordinalValue');
      for (const o of ordinal) if (typeof o.valueDecimal !== 'number') problem(oAt, 'ordinalValue needs a numeric valueDecimal');
    }
    const codes = new Set((item.answerOption ?? []).map((o) => o.valueCoding && `${o.valueCoding.system}|${o.valueCoding.code}`));
    const seen = new Set();
    for (const key of codes) {
      if (seen.has(key)) problem(at, `duplicate answer option ${key}`);
      seen.add(key);
    }

    for (const [i, ew] of (item.enableWhen ?? []).entries()) {
      const eAt = `${at} enableWhen[${i}]`;
      const target = byLinkId.get(ew.question);
      if (!target) {
        problem(eAt, `question "${ew.question}" is not a linkId in this questionnaire`);
        continue;
      }
      if (!OPERATORS.has(ew.operator)) problem(eAt, `unknown operator ${JSON.stringify(ew.operator)}`);
      const aKey = valueKey(Object.fromEntries(Object.entries(ew).map(([k, v]) => [k.replace(/^answer/, 'value'), v])));
      if (!aKey) problem(eAt, 'no answer[x]');
      if (ew.answerCoding && target.answerOption && !hasOption(target, ew.answerCoding)) {
        problem(eAt, `answerCoding ${ew.answerCoding.system}|${ew.answerCoding.code} is not an option of "${ew.question}"`);
      }
    }
    if ((item.enableWhen?.length ?? 0) > 1 && !item.enableBehavior) problem(at, 'several enableWhen need enableBehavior');

    for (const [i, ext] of (item.extension ?? []).entries()) {
      if (ext.url === SIG) checkSignificance(ext, item, `${at} extension[${i}]`, problem);
      if (ext.url === CALC) checkCalculated(ext, byLinkId, `${at} extension[${i}]`, problem);
    }
  }

  // Pass 3: every translation extension anywhere in the resource.
  forEachObject(q, '$', (obj, path) => {
    for (const ext of obj.extension ?? []) {
      if (ext?.url !== TRANSLATION) continue;
      const lang = ext.extension?.filter((e) => e.url === 'lang') ?? [];
      const content = ext.extension?.filter((e) => e.url === 'content') ?? [];
      if (lang.length !== 1 || typeof lang[0].valueCode !== 'string' || !lang[0].valueCode) problem(path, 'translation without lang (valueCode)');
      if (content.length !== 1 || typeof content[0].valueString !== 'string' || !content[0].valueString.trim()) problem(path, 'translation without content (valueString)');
    }
  });
}

function checkSignificance(ext, item, at, problem) {
  const parts = ext.extension ?? [];
  const conditions = parts.filter((e) => e.url === COND);
  const significance = parts.filter((e) => e.url === 'significance');
  const other = parts.filter((e) => e.url !== COND && e.url !== 'significance');
  if (conditions.length < 1 || conditions.length > 2) problem(at, `answerSignificance needs 1-2 conditions, has ${conditions.length}`);
  if (other.length) problem(at, `answerSignificance has unexpected parts: ${other.map((e) => e.url).join(', ')}`);
  if (significance.length !== 1) problem(at, 'answerSignificance needs exactly one significance');
  for (const s of significance) {
    const coding = s.valueCoding;
    if (coding?.system !== SIG_CS) problem(at, `significance system must be ${SIG_CS}`);
    if (!SIGNIFICANCES.has(coding?.code)) problem(at, `significance must be red|yellow|green, is ${JSON.stringify(coding?.code)}`);
  }
  for (const cond of conditions) {
    const values = (cond.extension ?? []).filter((e) => e.url === 'value');
    const operators = (cond.extension ?? []).filter((e) => e.url === 'operator');
    if (values.length !== 1 || operators.length !== 1) {
      problem(at, 'condition needs exactly one value and one operator');
      continue;
    }
    const op = operators[0].valueCode;
    const vKey = valueKey(values[0]);
    if (!OPERATORS.has(op)) problem(at, `unknown operator ${JSON.stringify(op)}`);
    if (!CONDITION_VALUE_TYPES.has(vKey)) problem(at, `condition value type ${vKey} not allowed`);
    if (op === 'exists' && values[0].valueBoolean !== true) problem(at, 'operator exists needs valueBoolean true');
    if (op === 'exists') continue;
    const v = values[0][vKey];
    if (vKey === 'valueCoding') {
      if (!v?.system || !v?.code) problem(at, 'condition valueCoding needs system and code');
      if (op !== '=' && op !== '!=') problem(at, `operator ${op} cannot compare a Coding`);
      if (item.answerOption && !hasOption(item, v)) problem(at, `condition ${v?.system}|${v?.code} is not an answer option`);
    } else if (vKey === 'valueDecimal' || vKey === 'valueInteger') {
      if (typeof v !== 'number') problem(at, 'numeric condition value is not a number');
      if (!['decimal', 'integer', 'quantity'].includes(item.type)) problem(at, `numeric condition on a ${item.type} item`);
    } else if (vKey === 'valueBoolean' && item.type !== 'boolean') {
      problem(at, `boolean condition on a ${item.type} item`);
    }
  }
}

function checkCalculated(ext, byLinkId, at, problem) {
  const expr = ext.valueExpression;
  if (expr?.language !== 'text/fhirpath' || typeof expr.expression !== 'string') {
    problem(at, 'calculatedExpression needs language text/fhirpath and an expression');
    return;
  }
  const referenced = new Set();
  for (const m of expr.expression.matchAll(/linkId\s*=\s*'([^']+)'/g)) referenced.add(m[1]);
  for (const m of expr.expression.matchAll(/linkId\s+in\s+\(([^)]*)\)/g)) {
    for (const id of m[1].matchAll(/'([^']+)'/g)) referenced.add(id[1]);
  }
  for (const id of referenced) if (!byLinkId.has(id)) problem(at, `expression refers to unknown linkId "${id}"`);
  const opens = (expr.expression.match(/\(/g) ?? []).length;
  const closes = (expr.expression.match(/\)/g) ?? []).length;
  if (opens !== closes) problem(at, 'unbalanced parentheses in expression');
}

function hasOption(item, coding) {
  return (item.answerOption ?? []).some(
    (o) => o.valueCoding?.system === coding?.system && o.valueCoding?.code === coding?.code,
  );
}

function hasEnglish(primitiveElement) {
  return (primitiveElement?.extension ?? []).some(
    (e) => e.url === TRANSLATION && e.extension?.some((p) => p.url === 'lang' && p.valueCode === 'en'),
  );
}

function forEachObject(node, path, fn) {
  if (Array.isArray(node)) node.forEach((n, i) => forEachObject(n, `${path}[${i}]`, fn));
  else if (node && typeof node === 'object') {
    fn(node, path);
    for (const [k, v] of Object.entries(node)) forEachObject(v, `${path}.${k}`, fn);
  }
}

// ---- main ----
function main() {
  const args = process.argv.slice(2);
  const dir = join(HERE, 'questionnaires');
  const jsonIn = (d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json')).sort().map((f) => join(d, f)) : []);
  const files = args.length ? args : [...jsonIn(dir), ...['national', 'regional', 'municipal'].flatMap((d) => jsonIn(join(HERE, 'guides', d)))];
  let problems = 0;
  const canonicals = new Map();
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    const problem = (where, message) => {
      problems++;
      console.error(`${name}: ${where}: ${message}`);
    };
    let q;
    try {
      const text = readFileSync(file, 'utf8');
      q = JSON.parse(text);
      if (text !== `${JSON.stringify(q, null, 2)}\n`) problem('$', 'not formatted with 2-space indentation and a final newline');
    } catch (err) {
      problem('$', `cannot read or parse: ${err.message}`);
      continue;
    }
    const before = problems;
    for (const p of placeholderProblems(q)) problem(p.path, `placeholder text ${JSON.stringify(p.text)}: write the real text (or our own wording) before shipping`);
    if (q.kind === 'guide' || q.kind === 'overlay') {
      if (problems === before) process.stdout.write(`ok   ${name} (${q.kind} ${q.id})\n`);
      continue;
    }
    checkQuestionnaire(q, problem);
    const canonical = `${q.url}|${q.version}`;
    if (canonicals.has(canonical)) problem('$', `same url|version as ${canonicals.get(canonical)}`);
    canonicals.set(canonical, name);
    if (problems === before) process.stdout.write(`ok   ${name} (${q.id} ${q.version})\n`);
  }
  if (problems) {
    console.error(`\n${problems} problem(s) found`);
    process.exit(1);
  }
  process.stdout.write(`${files.length} file(s) checked, no problems\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
