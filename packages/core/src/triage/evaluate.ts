import type { Questionnaire, QuestionnaireResponse } from '../fhir/types.js';
import { findExtension } from '../fhir/extensions.js';
import { compileQuestionnaire, type ItemDef, type QuestionnaireDef } from '../questionnaire/definition.js';
import type { KproWarning } from '../questionnaire/errors.js';
import { attachExpressions } from '../questionnaire/expressions.js';
import { Form, type ItemNode } from '../questionnaire/form.js';
import { loadResponse } from '../questionnaire/response.js';
import { readText, textFor } from '../questionnaire/text.js';
import { answersEqual, rawValue, valueKeyOf, type AnswerValue } from '../questionnaire/values.js';
import { DEFAULT_LANGUAGE, triageText } from '../i18n/index.js';
import { conditionIsImplied, conditionText, ruleSummary, valueText, type RenderContext } from './reason.js';
import { evaluateRules, numberOf, parseTriageRules, worstOf } from './rules.js';
import type {
  AgendaTriage,
  DomainTriage,
  ItemKind,
  ItemTriage,
  ReasonKind,
  ScoreTriage,
  Significance,
  TriageOptions,
  TriageReason,
  TriageResult,
  TriageRule,
  TriageTrigger,
  TriageWarning,
  ValueSource,
} from './types.js';
import { AGENDA_GROUP, TRIAGE_URL } from './urls.js';
import { canonicalOf, selectQuestionnaireVersion } from './versions.js';

/**
 * Colours a QuestionnaireResponse with the colour rules of its Questionnaire.
 *
 * - `questionnaire` is the Questionnaire (or its compiled definition), or a list of versions: then the
 *   one the response names is picked with `selectQuestionnaireVersion`.
 * - The response is read with the questionnaire engine. Calculated items (scores, cross-domain flags)
 *   keep the value stored in the response; when the response has none, the item's
 *   calculatedExpression is evaluated, so a response without stored scores still gets score colours.
 *   A stored value that differs from the calculated one is kept and reported (`score-mismatch`).
 * - Asynchronous because the FHIRPath engine is loaded lazily, only for questionnaires with
 *   expressions. The result is deterministic: the same inputs always give the same result.
 * - Never throws: problems (bad rules, another questionnaire, unknown linkIds, a missing version, a
 *   broken expression) are `warnings`, and everything that can be evaluated still is.
 */
export async function triageResponse(
  questionnaire: Questionnaire | QuestionnaireDef | Questionnaire[],
  response: QuestionnaireResponse,
  options: TriageOptions = {},
): Promise<TriageResult> {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const warnings: TriageWarning[] = [];
  const resolved = resolveQuestionnaire(questionnaire, response, warnings);
  if (!resolved) return emptyResult('computed', lang, response, warnings);
  const { def, fallback } = resolved;
  const parsed = parseTriageRules(def);
  warnings.push(...parsed.warnings);
  const ctx: RenderContext = { lang, baseLang: def.language };
  const facts = await collectFacts(def, response, warnings, fallback);
  const rows = facts.map((fact) => ({ fact, item: colourByRules(fact, parsed.rules.get(fact.def.linkId) ?? [], ctx, warnings) }));
  return assemble(def, rows, {
    source: 'computed',
    questionnaire: def.canonical,
    responseQuestionnaire: response.questionnaire,
    versionFallback: fallback,
    responseId: response.id,
    authored: response.authored,
    lang,
    warnings,
  });
}

/** @internal Picks and compiles the questionnaire; reports why when it cannot. */
export function resolveQuestionnaire(
  questionnaire: Questionnaire | QuestionnaireDef | Questionnaire[],
  response: QuestionnaireResponse | undefined,
  warnings: TriageWarning[],
  ref?: string,
): { def: QuestionnaireDef; fallback: boolean } | undefined {
  if (response !== undefined && (!response || response.resourceType !== 'QuestionnaireResponse')) {
    warnings.push({ code: 'not-a-response', message: 'The input is not a QuestionnaireResponse.', params: {} });
    return undefined;
  }
  let input = questionnaire as Questionnaire | QuestionnaireDef;
  let fallback = false;
  if (Array.isArray(questionnaire)) {
    const selection = selectQuestionnaireVersion(ref ?? response, questionnaire);
    warnings.push(...selection.warnings);
    if (!selection.questionnaire) return undefined;
    input = selection.questionnaire;
    fallback = selection.fallback;
  }
  try {
    return { def: 'byLinkId' in input ? input : compileQuestionnaire(input), fallback };
  } catch (e) {
    const err = e as KproWarning;
    warnings.push({ code: 'questionnaire-invalid', message: err.message, params: { reason: err.code } });
    return undefined;
  }
}

/** @internal What the engine knows about one item instance before colouring it. */
export interface ItemFact {
  def: ItemDef;
  /** The top-level group the item is in. */
  top?: ItemDef;
  enabled: boolean;
  answers: AnswerValue[];
  source: ValueSource;
}

/**
 * @internal Reads the response into item instances, with calculated values where the response has none.
 * `otherVersion`: the questionnaire is a fallback for the version the response names.
 */
export async function collectFacts(def: QuestionnaireDef, qr: QuestionnaireResponse, warnings: TriageWarning[], otherVersion = false): Promise<ItemFact[]> {
  let form = new Form(def);
  for (const w of loadResponse(form, qr)) {
    // A deliberate fallback to another version is already reported as questionnaire-version-missing.
    if (!(otherVersion && w.code === 'response-mismatch')) warnings.push(fromEngine(w));
  }
  // One form, not one for the stored and one for the calculated values: what the response stores is
  // kept aside first (a calculation gives a node a new answer array and never changes the old one),
  // then the expressions run on the loaded response (loaded items take no initial values, so the
  // calculations run once, on the response).
  const storedNodes = form.nodes();
  const storedAnswers = storedNodes.map((n) => n.answers);
  let calculatedHere = false;
  if (def.usesExpressions) {
    try {
      // The fast path: score sums are calculated without loading fhirpath (it is used when they are not).
      await attachExpressions(form, (w) => warnings.push(fromEngine(w)), { fastPath: true });
      calculatedHere = true;
    } catch (e) {
      warnings.push(fromEngine(e as KproWarning));
      // A questionnaire refused half-way may have changed the form: read the response again, as stored.
      form = new Form(def);
      loadResponse(form, qr);
    }
  }
  // Calculations change answers and enablement, never the tree of a loaded response (expressions.test.ts
  // holds the engine to that), so the answers kept aside line up with the nodes one by one.
  const nodes = calculatedHere ? storedNodes : form.nodes();
  const facts: ItemFact[] = [];
  nodes.forEach((node, i) => {
    const d = node.def;
    if (d.type === 'group' || d.type === 'display') return;
    const stored = calculatedHere ? storedAnswers[i]! : node.answers;
    const computed = d.expressions.calculated && calculatedHere ? node.answers : [];
    if (stored.length && computed.length && !sameAnswers(stored, computed)) {
      warnings.push({
        code: 'score-mismatch',
        message: `The stored value of ${d.linkId} differs from the calculated value; the stored value is used.`,
        params: { linkId: d.linkId, stored: plain(stored), computed: plain(computed) },
      });
    }
    facts.push({
      def: d,
      top: topGroupOf(node, form),
      enabled: node.enabled,
      answers: stored.length ? stored : computed,
      source: stored.length ? 'response' : computed.length ? 'calculated' : 'none',
    });
  });
  return facts;
}

function topGroupOf(node: ItemNode, form: Form): ItemDef | undefined {
  let top = node;
  while (top.parent && top.parent !== form.root) top = top.parent;
  return top !== node && top.def.type === 'group' ? top.def : undefined;
}

function sameAnswers(a: AnswerValue[], b: AnswerValue[]): boolean {
  return a.length === b.length && a.every((x, i) => answersEqual(x, b[i]!));
}

function plain(answers: AnswerValue[]): string {
  return answers.map((a) => JSON.stringify(rawValue(a))).join(', ');
}

function fromEngine(w: KproWarning): TriageWarning {
  const code = w.code === 'response-mismatch' || w.code === 'unknown-link-id' ? w.code : 'expression-error';
  return { code, message: w.message, params: { ...w.params } };
}

/** "Ønsker ikke at svare" and other data-absent-reason codings: an answer that is not a value. */
export function isDeclined(a: AnswerValue): boolean {
  return valueKeyOf(a) === 'valueCoding' && a.valueCoding!.system === TRIAGE_URL.dataAbsentReason;
}

function kindOf(d: ItemDef): ItemKind {
  const calculated = !!d.expressions.calculated;
  const numeric = d.type === 'decimal' || d.type === 'integer' || d.type === 'quantity';
  if (calculated && d.type === 'boolean') return 'flag';
  if (numeric && (calculated || !!findExtension(d.raw, TRIAGE_URL.higherIsBetter) || !!findExtension(d.raw, TRIAGE_URL.minimalImportantDifference))) {
    return 'score';
  }
  return calculated ? 'calculated' : 'question';
}

interface StaticParts {
  text: string;
  label: string;
  kind: ItemKind;
  hib?: boolean;
  mid?: number;
}

/** What an item's triage says about the item itself, by definition and language: the same for every response. */
const staticParts = new WeakMap<ItemDef, Map<string, StaticParts>>();

function staticPartsOf(d: ItemDef, ctx: RenderContext): StaticParts {
  let byLang = staticParts.get(d);
  if (!byLang) staticParts.set(d, (byLang = new Map()));
  const key = `${ctx.lang}|${ctx.baseLang ?? ''}`;
  let parts = byLang.get(key);
  if (!parts) {
    const text = textFor(d.text, ctx.lang, ctx.baseLang);
    const short = findExtension(d.raw, TRIAGE_URL.shortText);
    const label = short?.valueString ? textFor(readText(short.valueString, short._valueString), ctx.lang, ctx.baseLang) : text || d.linkId;
    const hib = findExtension(d.raw, TRIAGE_URL.higherIsBetter)?.valueBoolean;
    const mid = numberOf(findExtension(d.raw, TRIAGE_URL.minimalImportantDifference) as AnswerValue | undefined);
    byLang.set(key, (parts = { text, label, kind: kindOf(d), ...(hib !== undefined ? { hib } : {}), ...(mid !== undefined ? { mid } : {}) }));
  }
  return parts;
}

/** @internal The parts of an item's triage that do not depend on where the colour comes from. */
export function describe(fact: ItemFact, ctx: RenderContext): Omit<ItemTriage, 'significance' | 'reason' | 'matchedRules' | 'triggers' | 'conflict' | 'hasRules'> {
  const d = fact.def;
  const { text, label, kind, hib, mid } = staticPartsOf(d, ctx);
  return {
    linkId: d.linkId,
    ...(d.raw.code?.length ? { codes: d.raw.code } : {}),
    ...(d.raw.definition ? { definition: d.raw.definition } : {}),
    domain: fact.top?.linkId,
    kind,
    type: d.type,
    text,
    label,
    hidden: d.hidden,
    enabled: fact.enabled,
    answerText: fact.answers.map((a) => valueText(a, d, ctx)).join(', '),
    value: fact.answers[0],
    values: fact.answers,
    valueSource: fact.source,
    agenda: false,
    ...(hib !== undefined ? { higherIsBetter: hib } : {}),
    ...(mid !== undefined ? { minimalImportantDifference: mid } : {}),
  };
}

/** @internal Grey, none or not asked: an item that no rule (and no server finding) coloured. */
export function uncoloured(fact: ItemFact, hasRules: boolean, answered: ReasonKind): { significance: Significance; kind: ReasonKind } {
  const real = fact.answers.filter((a) => !isDeclined(a));
  if (!fact.enabled && !fact.answers.length) return { significance: 'none', kind: 'not-asked' };
  if (!real.length) {
    const kind = fact.answers.length ? 'declined' : fact.def.expressions.calculated ? 'not-calculated' : 'unanswered';
    return { significance: 'grey', kind };
  }
  return { significance: 'none', kind: hasRules ? answered : 'no-rules' };
}

/** @internal The reason for an item without a colour from a rule: unanswered, declined, no rule … */
export function uncolouredReason(u: { kind: ReasonKind; significance: Significance }, base: { label: string; answerText: string }, lang: string): TriageReason {
  const r = triageText.for(lang).reason;
  const a = base.answerText;
  let detail: string;
  switch (u.kind) {
    case 'not-asked':
      detail = r.notAsked;
      break;
    case 'declined':
      detail = r.declined(a);
      break;
    case 'not-calculated':
      detail = r.notCalculated;
      break;
    case 'unanswered':
      detail = r.unanswered;
      break;
    case 'no-rules':
      detail = r.noRules(a);
      break;
    case 'server-no-finding':
      detail = r.serverNoFinding(a);
      break;
    default:
      detail = r.noMatch(a);
  }
  return { kind: u.kind, significance: u.significance, label: base.label, answerText: a, rules: [], text: r.labelled(base.label, detail), detail };
}

/** A rule's condition in words, by rule and language: rules are read once per questionnaire, so this is the same for every response. */
const conditionTexts = new WeakMap<TriageRule['conditions'], WeakMap<ItemDef, Map<string, string>>>();

function cachedConditionText(conditions: TriageRule['conditions'], def: ItemDef, ctx: RenderContext): string {
  // The item is part of the key (its options name the coded values), and so is the language.
  let byDef = conditionTexts.get(conditions);
  if (!byDef) conditionTexts.set(conditions, (byDef = new WeakMap()));
  let byLang = byDef.get(def);
  if (!byLang) byDef.set(def, (byLang = new Map()));
  const key = `${ctx.lang}|${ctx.baseLang ?? ''}`;
  let text = byLang.get(key);
  if (text === undefined) byLang.set(key, (text = conditionText(conditions, def, ctx)));
  return text;
}

/** @internal The reason for a colour given by rules (computed) or by the server. */
export function ruleReason(
  kind: 'rule' | 'server',
  fact: ItemFact,
  base: { label: string; answerText: string },
  matched: TriageRule[],
  triggers: TriageTrigger[],
  ctx: RenderContext,
): TriageReason {
  const t = triageText.for(ctx.lang);
  const decider = matched[0]!;
  const trigger = triggers.find((x) => x.rule === decider);
  const answer = trigger?.value ? valueText(trigger.value, fact.def, ctx) : base.answerText || t.operator.notAnswered;
  // A server's finding may come without a copy of the rule: then only its colour is known.
  const condition = decider.conditions.length ? cachedConditionText(decider.conditions, fact.def, ctx) : undefined;
  const shown = conditionIsImplied(decider) ? undefined : condition;
  const colour = t.colour[decider.significance];
  let detail = kind === 'rule' ? t.reason.rule(answer, shown, colour) : t.reason.server(answer, shown, colour);
  const others = matched.slice(1);
  if (others.length) detail += ` (${t.reason.alsoMatched(others.map((r) => ruleSummary(r, fact.def, ctx)).join('; '))})`;
  return {
    kind,
    significance: decider.significance,
    label: base.label,
    answerText: base.answerText,
    rules: matched,
    ...(condition !== undefined ? { conditionText: condition } : {}),
    text: t.reason.labelled(base.label, detail),
    detail,
  };
}

function colourByRules(fact: ItemFact, rules: TriageRule[], ctx: RenderContext, warnings: TriageWarning[]): ItemTriage {
  const base = describe(fact, ctx);
  const real = fact.answers.filter((a) => !isDeclined(a));
  const asked = fact.enabled || fact.answers.length > 0;
  const ev = asked ? evaluateRules(rules, real) : { significance: undefined, matched: [], triggers: [], conflict: [] };
  if (ev.conflict.length) {
    warnings.push({
      code: 'rule-conflict',
      message: `The answer to ${fact.def.linkId} matches rules of different colours (${ev.conflict.join(', ')}); the most severe is used.`,
      params: { linkId: fact.def.linkId, colours: ev.conflict.join(',') },
    });
  }
  const common = { ...base, hasRules: rules.length > 0, matchedRules: ev.matched, triggers: ev.triggers, conflict: ev.conflict.length > 0 };
  if (ev.significance) {
    return { ...common, significance: ev.significance, reason: ruleReason('rule', fact, base, ev.matched, ev.triggers, ctx) };
  }
  const u = uncoloured(fact, rules.length > 0, 'no-match');
  return { ...common, significance: u.significance, reason: uncolouredReason(u, base, ctx.lang) };
}

/** @internal Everything of a result except the items' colours (a server result may bring its overall finding). */
export type ResultMeta = Omit<TriageResult, 'overall' | 'items' | 'domains' | 'agenda'> & { overall?: Significance };

/** @internal An empty result for input that cannot be evaluated at all (the warnings say why). */
export function emptyResult(source: 'computed' | 'server', lang: string, response: QuestionnaireResponse | undefined, warnings: TriageWarning[]): TriageResult {
  const qr = response && typeof response === 'object' ? response : undefined;
  return {
    source,
    questionnaire: '',
    ...(qr?.questionnaire ? { responseQuestionnaire: qr.questionnaire } : {}),
    versionFallback: false,
    ...(qr?.id ? { responseId: qr.id } : {}),
    ...(qr?.authored ? { authored: qr.authored } : {}),
    lang,
    overall: 'none',
    items: [],
    domains: [],
    agenda: { items: [], domains: [], other: [] },
    warnings,
  };
}

/**
 * How colours add up, for a domain and for the whole response: only items with rules count. The
 * worst of red, yellow and green wins; with no coloured answer it is grey if an item with rules is
 * grey (unanswered); otherwise none (no rules, or answered but no rule matched).
 */
export function aggregate(items: ItemTriage[]): { significance: Significance; decidedBy: string[] } {
  const ruled = items.filter((i) => i.hasRules);
  const coloured = worstOf(ruled.map((i) => i.significance).filter((s) => s !== 'grey'));
  const significance: Significance = coloured !== 'none' ? coloured : ruled.some((i) => i.significance === 'grey') ? 'grey' : 'none';
  const decidedBy = significance === 'none' ? [] : ruled.filter((i) => i.significance === significance).map((i) => i.linkId);
  return { significance, decidedBy: [...new Set(decidedBy)] };
}

function isAgendaItem(fact: ItemFact): boolean {
  return fact.top?.linkId === AGENDA_GROUP || findExtension(fact.def.raw, TRIAGE_URL.citizenAgenda)?.valueBoolean === true;
}

/** @internal Builds domains, agenda and the overall colour from coloured items. */
export function assemble(def: QuestionnaireDef, rows: { fact: ItemFact; item: ItemTriage }[], meta: ResultMeta): TriageResult {
  const ctx: RenderContext = { lang: meta.lang, baseLang: def.language };
  const groups = def.items.filter((i) => i.type === 'group');
  const agendaRows = rows.filter((r) => isAgendaItem(r.fact));
  const isAgendaGroup = (g: ItemDef) => {
    const inside = rows.filter((r) => r.fact.top === g);
    return g.linkId === AGENDA_GROUP || (inside.length > 0 && inside.every((r) => agendaRows.includes(r)));
  };
  const domainGroups = groups.filter((g) => !isAgendaGroup(g));
  const domainIds = new Set(domainGroups.map((g) => g.linkId));

  const agenda: AgendaTriage = { items: [], domains: [], other: [] };
  const chosen = new Set<string>();
  for (const { fact, item } of agendaRows) {
    const answers = fact.answers
      .filter((a) => !isDeclined(a))
      .map((value) => {
        const code = value.valueCoding?.code;
        const domain = code !== undefined && domainIds.has(code) ? code : undefined;
        if (domain) chosen.add(domain);
        if (valueKeyOf(value) === 'valueString') agenda.other.push(value.valueString!);
        return { value, text: valueText(value, fact.def, ctx), ...(domain ? { domain } : {}) };
      });
    agenda.items.push({ linkId: item.linkId, text: item.text, answers });
  }
  agenda.domains = domainGroups.map((g) => g.linkId).filter((id) => chosen.has(id));
  for (const { item } of rows) if (item.domain && chosen.has(item.domain)) item.agenda = true;

  const domains: DomainTriage[] = domainGroups.map((g) => {
    const items = rows.filter((r) => r.fact.top === g).map((r) => r.item);
    const { significance, decidedBy } = aggregate(items);
    const counts: Record<Significance, number> = { red: 0, yellow: 0, green: 0, grey: 0, none: 0 };
    for (const i of items) counts[i.significance]++;
    const scores: ScoreTriage[] = items
      .filter((i) => i.kind === 'score')
      .map((i) => {
        const value = i.values.find((a) => !isDeclined(a));
        const n = numberOf(value);
        return {
          linkId: i.linkId,
          label: i.label,
          ...(n !== undefined ? { value: n } : {}),
          significance: i.significance,
          ...(i.reason.conditionText !== undefined ? { band: i.reason.conditionText } : {}),
          reason: i.reason,
        };
      });
    return {
      linkId: g.linkId,
      text: textFor(g.text, ctx.lang, ctx.baseLang) || g.linkId,
      significance,
      counts,
      items: items.map((i) => i.linkId),
      decidedBy,
      scores,
      hasRules: items.some((i) => i.hasRules),
      onAgenda: chosen.has(g.linkId),
    };
  });

  const items = rows.map((r) => r.item);
  const overall = meta.overall ?? aggregate(items).significance;
  return {
    source: meta.source,
    questionnaire: meta.questionnaire,
    ...(meta.responseQuestionnaire !== undefined ? { responseQuestionnaire: meta.responseQuestionnaire } : {}),
    versionFallback: meta.versionFallback,
    ...(meta.responseId !== undefined ? { responseId: meta.responseId } : {}),
    ...(meta.authored !== undefined ? { authored: meta.authored } : {}),
    ...(meta.clinicalImpressionId !== undefined ? { clinicalImpressionId: meta.clinicalImpressionId } : {}),
    ...(meta.date !== undefined ? { date: meta.date } : {}),
    lang: meta.lang,
    overall,
    items,
    domains,
    agenda,
    warnings: meta.warnings,
  };
}

export { canonicalOf };
