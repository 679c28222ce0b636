import type { Extension, Questionnaire, QuestionnaireResponse, Reference } from '../fhir/types.js';
import type { ItemDef, QuestionnaireDef } from '../questionnaire/definition.js';
import { answersEqual, toAnswerValue, valueKeyOf, type AnswerValue } from '../questionnaire/values.js';
import { DEFAULT_LANGUAGE } from '../i18n/index.js';
import {
  assemble,
  collectFacts,
  describe,
  emptyResult,
  resolveQuestionnaire,
  ruleReason,
  uncoloured,
  uncolouredReason,
  type ItemFact,
} from './evaluate.js';
import type { RenderContext } from './reason.js';
import { bySeverity, numberOf, parseRule, parseTriageRules, worstOf } from './rules.js';
import { RULE_COLOURS, type ItemTriage, type RuleColour, type Significance, type TriageOptions, type TriageResult, type TriageRule, type TriageWarning } from './types.js';
import { TRIAGE_URL, TRIAGING_RESULT_CODE } from './urls.js';

export type ClinicalImpression = fhir4.ClinicalImpression;

export interface ClinicalImpressionOptions {
  /** The citizen (ClinicalImpression.subject). */
  subject: Reference;
  /** When the assessment was made (ClinicalImpression.date). Given, not taken from the clock, so output is deterministic. */
  date: string;
  /** FUT requires the workflow-episodeOfCare extension; added when given. */
  episodeOfCare?: Reference;
  /** The response assessed; by default `QuestionnaireResponse/<responseId>`. */
  response?: Reference;
  id?: string;
}

/** Finding codes of the overall assessment for grey and none, which FUT's red/yellow/green cannot say. */
const OVERALL_CODE: Record<Significance, string> = {
  red: 'red',
  yellow: 'yellow',
  green: 'green',
  grey: 'data-absent',
  none: 'no-effective-answer-significance',
};
const NO_RULES_CODE = 'no-answer-significance-defined';
const BASIS_VALUE_KEYS = ['valueDecimal', 'valueInteger', 'valueString', 'valueCoding', 'valueBoolean'];

const findingCoding = (code: string) => ({ coding: [{ system: TRIAGE_URL.findingCodes, code }] });

/**
 * Writes a triage result as a FUT TriagingResult ClinicalImpression:
 * - `code` TriagingResult, `status` completed, `subject`, `date`;
 * - `investigation.item` → the QuestionnaireResponse;
 * - `finding.itemCodeableConcept`: the overall colour (`red`, `yellow`, `green`; `data-absent` when
 *   grey; `no-effective-answer-significance` or `no-answer-significance-defined` when none);
 * - `protocol`: the Questionnaire's url|version whose rules were used;
 * - one `ehealth-questionnaireresponse-finding-basis` extension per triggering answer, shaped as in
 *   the FUT profile: sub-extensions `linkId` (valueString), `value` (the answer: decimal, integer,
 *   string, Coding or boolean), `finding` (valueCodeableConcept `red-question-answer`,
 *   `yellow-question-answer` or `green-question-answer`) and a copy of the rule that decided it
 *   (the `ehealth-questionnaire-answerSignificance` extension as written on the item).
 */
export function toClinicalImpression(result: TriageResult, options: ClinicalImpressionOptions): ClinicalImpression {
  const extension: Extension[] = [];
  if (options.episodeOfCare) extension.push({ url: TRIAGE_URL.episodeOfCare, valueReference: options.episodeOfCare });
  for (const item of result.items) {
    for (const trigger of item.triggers) {
      const parts: Extension[] = [{ url: 'linkId', valueString: item.linkId }];
      const value = basisValue(trigger.value);
      if (value) parts.push({ url: 'value', ...value });
      parts.push({ url: 'finding', valueCodeableConcept: findingCoding(`${trigger.rule.significance}-question-answer`) });
      parts.push(JSON.parse(JSON.stringify(trigger.rule.extension)) as Extension);
      extension.push({ url: TRIAGE_URL.findingBasis, extension: parts });
    }
  }
  const responseRef = options.response ?? (result.responseId ? { reference: `QuestionnaireResponse/${result.responseId}` } : undefined);
  const overall = result.overall === 'none' && !result.items.some((i) => i.hasRules) ? NO_RULES_CODE : OVERALL_CODE[result.overall];
  return {
    resourceType: 'ClinicalImpression',
    ...(options.id ? { id: options.id } : {}),
    meta: { profile: [TRIAGE_URL.clinicalImpressionProfile] },
    ...(extension.length ? { extension } : {}),
    status: 'completed',
    code: { coding: [{ system: TRIAGE_URL.clinicalImpressionCodes, code: TRIAGING_RESULT_CODE }] },
    subject: options.subject,
    date: options.date,
    ...(responseRef ? { investigation: [{ code: { text: 'QR' }, item: [responseRef] }] } : {}),
    ...(result.questionnaire ? { protocol: [result.questionnaire] } : {}),
    finding: [{ itemCodeableConcept: findingCoding(overall) }],
  };
}

/** A finding-basis `value` takes decimal, integer, string, Coding or boolean; a Quantity gives its number. */
function basisValue(a: AnswerValue | undefined): Partial<Extension> | undefined {
  const key = valueKeyOf(a);
  if (key === 'valueQuantity') {
    const n = numberOf(a);
    return n === undefined ? undefined : { valueDecimal: n };
  }
  return key && BASIS_VALUE_KEYS.includes(key) ? { [key]: a![key] } : undefined;
}

interface Basis {
  linkId: string;
  value?: AnswerValue;
  significance: RuleColour;
  ruleExtension?: Extension;
}

function overallOf(ci: ClinicalImpression): Significance | undefined {
  const codes = (ci.finding ?? []).flatMap((f) => f.itemCodeableConcept?.coding ?? []).filter((c) => c.system === TRIAGE_URL.findingCodes);
  for (const { code } of codes) {
    if (RULE_COLOURS.includes(code as RuleColour)) return code as RuleColour;
    if (code === 'data-absent') return 'grey';
    if (code === 'no-effective-answer-significance' || code === NO_RULES_CODE) return 'none';
  }
  return undefined;
}

function readBases(ci: ClinicalImpression, warnings: TriageWarning[]): Basis[] {
  const out: Basis[] = [];
  (ci.extension ?? [])
    .filter((e) => e.url === TRIAGE_URL.findingBasis)
    .forEach((e, i) => {
      const sub = (url: string) => (e.extension ?? []).find((x) => x.url === url);
      const linkId = sub('linkId')?.valueString;
      const value = toAnswerValue(sub('value'));
      const code = sub('finding')?.valueCodeableConcept?.coding?.find((c) => c.system === TRIAGE_URL.findingCodes)?.code;
      const ruleExtension = sub(TRIAGE_URL.answerSignificance);
      const fromCode = /^(red|yellow|green)-question-answer$/.exec(code ?? '')?.[1] as RuleColour | undefined;
      const fromRule = ruleExtension?.extension?.find((x) => x.url === 'significance')?.valueCoding?.code as RuleColour | undefined;
      const significance = fromCode ?? (RULE_COLOURS.includes(fromRule!) ? fromRule : undefined);
      if (!linkId || !significance) {
        warnings.push({ code: 'server-basis-malformed', message: `Finding basis ${i + 1} has no linkId or no colour; skipped.`, params: { index: i + 1 } });
        return;
      }
      out.push({ linkId, significance, ...(value ? { value } : {}), ...(ruleExtension ? { ruleExtension } : {}) });
    });
  return out;
}

/** JSON with sorted keys, to recognise a copied rule whatever order a server wrote it in. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The rule a basis names: the questionnaire's own rule when the copy matches one, else the copy itself. */
function ruleOfBasis(b: Basis, rules: TriageRule[]): TriageRule {
  const copy = b.ruleExtension ? stable(b.ruleExtension) : undefined;
  const own = copy ? rules.find((r) => stable(r.extension) === copy) : undefined;
  const parsed = own ?? (b.ruleExtension ? parseRule(b.ruleExtension, -1, b.linkId) : undefined);
  const rule: TriageRule =
    parsed && !('code' in parsed)
      ? parsed
      : { linkId: b.linkId, index: -1, conditions: [], significance: b.significance, extension: b.ruleExtension ?? { url: TRIAGE_URL.answerSignificance } };
  // The server's finding is what counts, also if it disagrees with the rule it copied.
  return rule.significance === b.significance ? rule : { ...rule, significance: b.significance };
}

function topOf(item: ItemDef): ItemDef | undefined {
  let top = item;
  while (top.parent) top = top.parent;
  return top !== item && top.type === 'group' ? top : undefined;
}

export interface ReadClinicalImpressionOptions extends TriageOptions {
  /** The response the ClinicalImpression assesses: with it, unanswered items show grey and the rest of the answers are listed. */
  response?: QuestionnaireResponse;
}

/**
 * Reads a server's TriagingResult ClinicalImpression into the same shape as a computed result, with
 * `source: 'server'`. Colours come only from the server: the overall finding and one finding-basis per
 * triggering answer (shape as written by `toClinicalImpression`). With the response, items the server
 * did not mention are grey when unanswered and uncoloured (`none`) when answered.
 *
 * `questionnaire` is the Questionnaire (or a list of versions: the one named in `protocol`, else the
 * one the response names, is used). Never throws; problems are warnings.
 */
export async function readClinicalImpression(
  ci: ClinicalImpression,
  questionnaire: Questionnaire | QuestionnaireDef | Questionnaire[],
  options: ReadClinicalImpressionOptions = {},
): Promise<TriageResult> {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const warnings: TriageWarning[] = [];
  const response = options.response;
  if (!isTriagingResult(ci)) warnings.push({ code: 'not-triage-result', message: 'The resource is not a TriagingResult ClinicalImpression.', params: {} });
  const reference = (ci?.investigation ?? []).flatMap((i) => i.item ?? []).map((r) => r.reference ?? '').find((r) => r.includes('QuestionnaireResponse/'));
  const responseId = reference ? reference.slice(reference.lastIndexOf('/') + 1) : response?.id;
  if (reference && response?.id && responseId !== response.id) {
    warnings.push({ code: 'server-other-response', message: `The assessment is of ${reference}, not QuestionnaireResponse/${response.id}.`, params: { reference } });
  }
  const serverOverall = ci ? overallOf(ci) : undefined;
  if (!serverOverall) warnings.push({ code: 'server-finding-missing', message: 'The assessment has no overall finding; derived from the answers.', params: {} });
  const bases = ci ? readBases(ci, warnings) : [];
  const protocol = ci?.protocol?.[0];
  const resolved = resolveQuestionnaire(questionnaire, response, warnings, protocol ?? response?.questionnaire);
  if (!resolved) {
    const empty = emptyResult('server', lang, response, warnings);
    return { ...empty, overall: serverOverall ?? worstOf(bases.map((b) => b.significance)), ...(responseId ? { responseId } : {}), ...(protocol ? { questionnaire: protocol } : {}) };
  }
  const { def, fallback } = resolved;
  const rules = parseTriageRules(def).rules;
  const ctx: RenderContext = { lang, baseLang: def.language };

  let facts: ItemFact[];
  if (response) {
    facts = await collectFacts(def, response, warnings, fallback);
  } else {
    // Without the response, only the answers the server names are known.
    facts = [];
    for (const b of bases) {
      const item = def.byLinkId.get(b.linkId);
      if (!item || facts.some((f) => f.def === item)) continue;
      facts.push({ def: item, top: topOf(item), enabled: true, answers: bases.filter((x) => x.linkId === b.linkId && x.value).map((x) => x.value!), source: 'response' });
    }
  }
  const byFact = new Map<ItemFact, Basis[]>();
  for (const b of bases) {
    const candidates = facts.filter((f) => f.def.linkId === b.linkId);
    if (!candidates.length) {
      warnings.push({ code: 'server-unknown-link-id', message: `The assessment names ${b.linkId}, which the questionnaire does not have.`, params: { linkId: b.linkId } });
      continue;
    }
    const fact = candidates.find((f) => b.value && f.answers.some((a) => answersEqual(a, b.value!))) ?? candidates[0]!;
    byFact.set(fact, [...(byFact.get(fact) ?? []), b]);
  }

  const rows = facts.map((fact) => {
    const own = rules.get(fact.def.linkId) ?? [];
    const mine = byFact.get(fact) ?? [];
    const base = describe(fact, ctx);
    let item: ItemTriage;
    if (mine.length) {
      const triggers = mine.map((b) => ({ ...(b.value ? { value: b.value } : {}), rule: ruleOfBasis(b, own) }));
      const matched = [...new Set(triggers.map((t) => t.rule))].sort(bySeverity);
      item = {
        ...base,
        hasRules: true,
        significance: worstOf(mine.map((b) => b.significance)),
        reason: ruleReason('server', fact, base, matched, triggers, ctx),
        matchedRules: matched,
        triggers,
        conflict: false,
      };
    } else {
      const u = uncoloured(fact, own.length > 0, 'server-no-finding');
      item = {
        ...base,
        hasRules: own.length > 0,
        significance: u.significance,
        reason: uncolouredReason(u, base, lang),
        matchedRules: [],
        triggers: [],
        conflict: false,
      };
    }
    return { fact, item };
  });
  return assemble(def, rows, {
    source: 'server',
    questionnaire: protocol ?? def.canonical,
    ...(response?.questionnaire ? { responseQuestionnaire: response.questionnaire } : {}),
    versionFallback: fallback,
    ...(responseId ? { responseId } : {}),
    ...(response?.authored ? { authored: response.authored } : {}),
    ...(ci?.id ? { clinicalImpressionId: ci.id } : {}),
    ...(ci?.date ? { date: ci.date } : {}),
    lang,
    warnings,
    // Without an overall finding, the worst of the server's own findings (also for items we do not know).
    ...(serverOverall || bases.length ? { overall: serverOverall ?? worstOf(bases.map((b) => b.significance)) } : {}),
  });
}

/** Whether a resource is a FUT TriagingResult ClinicalImpression (for picking the server's verdict of a response). */
export function isTriagingResult(resource: { resourceType?: string; code?: fhir4.CodeableConcept } | undefined): boolean {
  return (
    resource?.resourceType === 'ClinicalImpression' &&
    !!resource.code?.coding?.some((c) => c.system === TRIAGE_URL.clinicalImpressionCodes && c.code === TRIAGING_RESULT_CODE)
  );
}

/**
 * The server's verdict on a response: the newest TriagingResult ClinicalImpression whose
 * `investigation.item` points to it (by id, whatever the server's base URL). Undefined when there is none.
 */
export function findTriagingResult(resources: ClinicalImpression[], response: { id?: string } | string): ClinicalImpression | undefined {
  const id = typeof response === 'string' ? response : response.id;
  if (!id) return undefined;
  const about = (ci: ClinicalImpression) =>
    (ci.investigation ?? []).some((i) => (i.item ?? []).some((r) => r.reference === `QuestionnaireResponse/${id}` || !!r.reference?.endsWith(`/QuestionnaireResponse/${id}`)));
  return resources
    .filter((ci) => isTriagingResult(ci) && about(ci))
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0))[0];
}
