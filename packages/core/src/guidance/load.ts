/**
 * Reading guides: our JSON (a string or an object), a FUT `ehealth-actionguidance` Basic with the JSON
 * in a contained Binary, a Bundle of those, or an array of any of them. Everything that is not valid
 * and safe is skipped with a warning; nothing is thrown.
 */
import { fromFhirBasic, isActionGuidance } from './fhir.js';
import type { ActionGuide, GuidanceWarning, GuidanceWarningCode, GuideDocument, GuideLibrary, GuideOverlay } from './types.js';
import { formatSchemaError, validateSchema, type SchemaError } from './validate.js';

const warn = (code: GuidanceWarningCode, message: string, params: Record<string, string | number> = {}): GuidanceWarning => ({ code, message, params });

/** Which warning a schema error is: unsafe links and HTML get their own codes. */
function codeFor(errors: SchemaError[]): GuidanceWarningCode {
  if (errors.some((e) => e.def === 'url' && e.keyword === 'pattern')) return 'guide-unsafe-link';
  if (errors.some((e) => e.def === 'text' && e.keyword === 'pattern')) return 'guide-html';
  return 'guide-schema';
}

/** Checks the rules JSON Schema cannot say: unique ids, and that municipal/regional things name their place. */
function semanticErrors(doc: GuideDocument): SchemaError[] {
  const errors: SchemaError[] = [];
  const err = (path: string, message: string) => errors.push({ path, keyword: 'semantic', message });
  const offers = (list: ActionGuide['offers'] | undefined, at: string) =>
    list?.forEach((o, i) => {
      if (o.level === 'municipal' && !o.municipality) err(`${at}/${i}/municipality`, 'a municipal offer must name its municipality');
      if (o.level === 'regional' && !o.region) err(`${at}/${i}/region`, 'a regional offer must name its region');
    });
  const unique = (ids: string[], at: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) err(`${at}/${i}/id`, `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
  };
  if (doc.kind === 'guide') {
    unique(doc.phrases.map((p) => p.id), '/phrases', 'phrase');
    unique(doc.offers.map((o) => o.id), '/offers', 'offer');
    offers(doc.offers, '/offers');
  } else {
    if (doc.level === 'municipal' && !doc.municipality) err('/municipality', 'a municipal overlay must name its municipality');
    if (doc.level === 'regional' && (!doc.region || !doc.municipalities?.length)) err('/region', 'a regional overlay must name its region and the municipalities it covers');
    doc.patches.forEach((p, i) => offers(p.addOffers, `/patches/${i}/addOffers`));
  }
  return errors;
}

/**
 * Validates one document of ours (already parsed JSON). Returns it when valid and safe, else a warning.
 * `source` names it in warnings (a file name, a Basic id).
 */
export function parseGuideDocument(data: unknown, source = 'guide'): { document?: GuideDocument; warnings: GuidanceWarning[] } {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (e) {
      return { warnings: [warn('guide-invalid-json', `${source}: not valid JSON (${(e as Error).message})`, { source })] };
    }
  }
  let errors = validateSchema(data);
  if (!errors.length) errors = semanticErrors(data as GuideDocument);
  if (errors.length) {
    const code = codeFor(errors);
    const first = errors.find((e) => code === 'guide-schema' || e.keyword === 'pattern') ?? errors[0]!;
    const id = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : source;
    return {
      warnings: [
        warn(code, `${source}: ${errors.map(formatSchemaError).join('; ')}`, { source, id, path: first.path || '/', detail: first.message, count: errors.length }),
      ],
    };
  }
  return { document: data as GuideDocument, warnings: [] };
}

/** Anything guides can come in: our JSON (string or object), a Basic, a Bundle, or an array of these. */
export type GuideInput = unknown;

/** Reads guides and overlays from any mix of inputs. Later duplicates of an id are skipped with a warning. */
export function loadGuides(...inputs: GuideInput[]): GuideLibrary {
  const lib: GuideLibrary = { guides: [], overlays: [], warnings: [] };
  const seen = new Set<string>();
  const add = (doc: GuideDocument, source: string, resource?: string) => {
    const key = `${doc.kind}:${doc.id}`;
    if (seen.has(key)) {
      lib.warnings.push(warn('guide-duplicate', `${source}: ${doc.kind} "${doc.id}" is already loaded; skipped`, { source, id: doc.id }));
      return;
    }
    seen.add(key);
    if (doc.kind === 'guide') lib.guides.push(resource ? { ...doc, resource } : doc);
    else lib.overlays.push(doc as GuideOverlay);
  };
  const visit = (input: unknown, source: string): void => {
    if (Array.isArray(input)) return input.forEach((x, i) => visit(x, `${source}[${i}]`));
    if (input && typeof input === 'object' && (input as { resourceType?: unknown }).resourceType === 'Bundle') {
      const entries = ((input as { entry?: { resource?: unknown }[] }).entry ?? []).map((e) => e.resource).filter(Boolean);
      return entries.forEach((r, i) => visit(r, `${source}.entry[${i}]`));
    }
    if (input && typeof input === 'object' && 'resourceType' in input) {
      const name = `${String((input as { resourceType: unknown }).resourceType)}/${String((input as { id?: unknown }).id ?? '?')}`;
      if (!isActionGuidance(input)) {
        lib.warnings.push(warn('guide-not-action-guidance', `${name}: not an ehealth-actionguidance Basic`, { source: name }));
        return;
      }
      const read = fromFhirBasic(input, name);
      lib.warnings.push(...read.warnings);
      if (!read.content) return;
      const parsed = parseGuideDocument(read.content, name);
      lib.warnings.push(...parsed.warnings);
      const doc = parsed.document;
      if (!doc) return;
      if (doc.kind === 'guide' && read.questionnaires.length && !read.questionnaires.some((q) => sameCanonical(q, doc.questionnaire))) {
        lib.warnings.push(
          warn('guide-questionnaire-mismatch', `${name}: the Basic is for ${read.questionnaires.join(', ')}, the guide for ${doc.questionnaire}; skipped`, {
            source: name,
            id: doc.id,
            questionnaire: doc.questionnaire,
          }),
        );
        return;
      }
      add(doc, name, name);
      return;
    }
    const parsed = parseGuideDocument(input, source);
    lib.warnings.push(...parsed.warnings);
    if (parsed.document) add(parsed.document, source);
  };
  inputs.forEach((x, i) => visit(x, inputs.length > 1 ? `input[${i}]` : 'input'));
  return lib;
}

/** Canonical URLs compare without their |version. */
export const canonicalUrl = (c: string): string => c.split('|')[0]!;
export const sameCanonical = (a: string, b: string): boolean => canonicalUrl(a) === canonicalUrl(b);
