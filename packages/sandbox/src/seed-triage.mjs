// A small evaluator of the FUT colour rules (ehealth-questionnaire-answerSignificance), used only to
// check and describe the seed (which citizens come out mostly red, yellow or green). The product's
// triage engine is @kpro/core's; this one exists so the sandbox needs no build step.

const SIGNIFICANCE = 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-questionnaire-answerSignificance';
const RANK = { green: 1, yellow: 2, red: 3 };

/** @param {any} ext */
function readRule(ext) {
  const conditions = ext.extension
    .filter((e) => e.url.endsWith('ehealth-answer-Condition'))
    .map((c) => {
      const value = c.extension.find((e) => e.url === 'value');
      const operator = c.extension.find((e) => e.url === 'operator')?.valueCode;
      const [key, v] = Object.entries(value).find(([k]) => k.startsWith('value'));
      return { operator, kind: key, value: v };
    });
  const significance = ext.extension.find((e) => e.url === 'significance')?.valueCoding?.code;
  return { conditions, significance };
}

function holds(condition, answers) {
  if (condition.operator === 'exists') return (answers.length > 0) === condition.value;
  return answers.some((a) => {
    const [key, v] = Object.entries(a).find(([k]) => k.startsWith('value')) ?? [];
    if (key === undefined) return false;
    if (condition.kind === 'valueCoding') {
      const same = v.code === condition.value.code && (!condition.value.system || v.system === condition.value.system);
      return condition.operator === '=' ? same : condition.operator === '!=' ? !same : false;
    }
    const [x, y] = [Number(v), Number(condition.value)];
    if (typeof v === 'boolean') return condition.operator === '=' ? v === condition.value : v !== condition.value;
    return { '=': x === y, '!=': x !== y, '>': x > y, '<': x < y, '>=': x >= y, '<=': x <= y }[condition.operator] ?? false;
  });
}

/** Answers by linkId in a response (groups flattened). */
function answersByLinkId(items, out = new Map()) {
  for (const item of items ?? []) {
    if (item.answer) out.set(item.linkId, item.answer);
    answersByLinkId(item.item, out);
    for (const a of item.answer ?? []) answersByLinkId(a.item, out);
  }
  return out;
}

const worst = (a, b) => ((RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a);

/**
 * @param {any} questionnaire
 * @param {any} response
 * @returns {{ overall: string | undefined, domains: Record<string, string | undefined>, items: Record<string, string> }}
 */
export function triage(questionnaire, response) {
  const answers = answersByLinkId(response.item);
  const items = {};
  const domains = {};
  const visit = (item, domain) => {
    const rules = (item.extension ?? []).filter((e) => e.url === SIGNIFICANCE).map(readRule);
    const given = answers.get(item.linkId) ?? [];
    for (const rule of rules) {
      if (given.length && rule.conditions.every((c) => holds(c, given))) {
        items[item.linkId] = worst(items[item.linkId], rule.significance);
      }
    }
    if (domain && items[item.linkId]) domains[domain] = worst(domains[domain], items[item.linkId]);
    for (const child of item.item ?? []) visit(child, domain);
  };
  for (const top of questionnaire.item ?? []) visit(top, top.type === 'group' ? top.linkId : undefined);
  const overall = Object.values(items).reduce((acc, c) => worst(acc, c), undefined);
  return { overall, domains, items };
}
