import type { QuestionnaireResponse, QuestionnaireResponseItem, Reference } from '../fhir/types.js';
import type { Form, ItemNode } from './form.js';
import { KproError, type KproWarning } from './errors.js';
import { textFor } from './text.js';

export interface ResponseMeta {
  status?: QuestionnaireResponse['status'];
  subject?: Reference;
  author?: Reference;
  source?: Reference;
  authored?: string;
  /** Language the texts in the response are written in. */
  language?: string;
}

export interface BuildOptions {
  /** Keep enabled question items without answers (used to give expressions a %context). */
  includeEmpty?: boolean;
  /** Filled with node -> response item, for expression evaluation. */
  nodeMap?: Map<ItemNode, QuestionnaireResponseItem>;
}

/**
 * Builds the QuestionnaireResponse for the form's current state. Disabled items and their answers are
 * left out; fields of a response we resumed from (id, basedOn, extensions…) are kept.
 */
export function buildResponse(form: Form, base: Partial<QuestionnaireResponse> = {}, meta: ResponseMeta = {}, opts: BuildOptions = {}): QuestionnaireResponse {
  const lang = meta.language ?? base.language;
  const items = buildItems(form.root.children, lang, form.def.language, opts);
  const qr: QuestionnaireResponse = {
    ...base,
    resourceType: 'QuestionnaireResponse',
    questionnaire: base.questionnaire ?? form.def.canonical,
    status: meta.status ?? base.status ?? 'in-progress',
  };
  if (meta.subject ?? base.subject) qr.subject = meta.subject ?? base.subject;
  if (meta.author ?? base.author) qr.author = meta.author ?? base.author;
  if (meta.source ?? base.source) qr.source = meta.source ?? base.source;
  const authored = meta.authored ?? base.authored;
  if (authored) qr.authored = authored;
  if (items.length) qr.item = items;
  else delete qr.item;
  return qr;
}

function buildItems(nodes: ItemNode[], lang: string | undefined, baseLang: string | undefined, opts: BuildOptions): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const node of nodes) {
    if (!node.enabled) continue;
    const def = node.def;
    if (def.type === 'display') continue;
    const item: QuestionnaireResponseItem = { linkId: def.linkId };
    const text = textFor(def.text, lang, baseLang);
    if (text) item.text = text;
    const children = buildItems(node.children, lang, baseLang, opts);
    if (def.type === 'group') {
      if (!children.length && !opts.includeEmpty) continue;
      if (children.length) item.item = children;
    } else {
      if (node.answers.length) {
        item.answer = node.answers.map((a) => ({ ...a }));
        // Items nested under a question belong to its (first) answer, as R4 requires.
        if (children.length) item.answer[0]!.item = children;
      } else if (children.length) {
        // No answer to hang them on: nested answers stay under the item rather than being lost.
        item.item = children;
      } else if (!opts.includeEmpty) {
        continue;
      }
    }
    opts.nodeMap?.set(node, item);
    out.push(item);
  }
  return out;
}

/**
 * Loads a response into the form (resume a draft or review a submitted one). Answers to linkIds the
 * questionnaire does not have are reported as warnings, never silently dropped without notice.
 */
export function loadResponse(form: Form, qr: QuestionnaireResponse): KproWarning[] {
  if (!qr || qr.resourceType !== 'QuestionnaireResponse') {
    throw new KproError('response-mismatch', 'The response is not a QuestionnaireResponse.');
  }
  const warnings: KproWarning[] = [];
  if (qr.questionnaire && !canonicalMatches(qr.questionnaire, form)) {
    warnings.push({
      code: 'response-mismatch',
      message: `The response is for ${qr.questionnaire}, not ${form.def.canonical}.`,
      params: { questionnaire: qr.questionnaire, expected: form.def.canonical },
    });
  }
  const readLevel = (parent: ItemNode, items: QuestionnaireResponseItem[] | undefined): ItemNode[] => {
    const defs = parent === form.root ? form.def.items : parent.def.items;
    const result: ItemNode[] = [];
    // Sibling items that share a linkId (invalid in R4, but shown with a warning) are written to the
    // response in order: the k-th of them reads the k-th response item with that linkId, not all of them.
    const byLinkId = new Map<string, QuestionnaireResponseItem[]>();
    for (const i of items ?? []) {
      const list = byLinkId.get(i.linkId);
      if (list) list.push(i);
      else byLinkId.set(i.linkId, [i]);
    }
    const defsPerLinkId = new Map<string, number>();
    for (const d of defs) defsPerLinkId.set(d.linkId, (defsPerLinkId.get(d.linkId) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const def of defs) {
      let matching = byLinkId.get(def.linkId) ?? [];
      if (defsPerLinkId.get(def.linkId)! > 1) {
        const k = seen.get(def.linkId) ?? 0;
        seen.set(def.linkId, k + 1);
        matching = matching.slice(k, k + 1);
      }
      if (!matching.length) {
        // Not in the response: an empty instance (no initial values when resuming).
        const [empty] = [form.createNode(def, parent, false)];
        if (def.type === 'group' && def.repeats) {
          for (let k = 1; k < (def.minOccurs ?? 1); k++) result.push(form.createNode(def, parent, false));
        }
        result.push(empty!);
        continue;
      }
      const groupsOrSingle = def.type === 'group' ? (def.repeats ? matching : matching.slice(0, 1)) : [mergeQuestion(matching)];
      for (const ri of groupsOrSingle) {
        const node = form.createNode(def, parent, false);
        if (def.type !== 'group' && def.type !== 'display') {
          node.answers = (ri.answer ?? []).map(({ item: _nested, ...value }) => value);
        }
        const nested = [...(ri.item ?? []), ...(ri.answer ?? []).flatMap((a) => a.item ?? [])];
        node.children = readLevel(node, nested);
        result.push(node);
      }
    }
    for (const i of items ?? []) {
      if (!defsPerLinkId.has(i.linkId)) {
        warnings.push({ code: 'unknown-link-id', message: `The response has an answer to unknown item ${i.linkId}.`, params: { linkId: i.linkId } });
      }
    }
    return result;
  };
  form.replaceChildren(readLevel(form.root, qr.item));
  return warnings;
}

/** A repeating question may come as several items with one answer each; merge them. */
function mergeQuestion(items: QuestionnaireResponseItem[]): QuestionnaireResponseItem {
  if (items.length === 1) return items[0]!;
  return { linkId: items[0]!.linkId, answer: items.flatMap((i) => i.answer ?? []), item: items.flatMap((i) => i.item ?? []) };
}

function canonicalMatches(ref: string, form: Form): boolean {
  // Our own canonical always matches (also `Questionnaire/unknown` for a questionnaire without url or id).
  if (ref === form.def.canonical) return true;
  const q = form.def.questionnaire;
  const [url, version] = ref.split('|');
  if (q.url && url === q.url) return !version || !q.version || version === q.version;
  return !!q.id && (ref === `Questionnaire/${q.id}` || ref.endsWith(`/Questionnaire/${q.id}`) || ref === q.id);
}
