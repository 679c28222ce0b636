import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  ValueSet,
} from '../fhir/types.js';
import {
  EXT,
  ITEM_CONTROL_SYSTEM,
  codeableExtensionCode,
  extensionValue,
  findExtension,
  findExtensions,
  numberExtension,
  stringExtension,
} from '../fhir/extensions.js';
import { KproError, type KproWarning } from './errors.js';
import { readText, type RichText } from './text.js';
import { answerKey, toAnswerValue, type AnswerValue } from './values.js';
import { checkQuestionnaireShape } from './input-check.js';
import { scoreOfExtensions } from '../scoring/scores.js';

export const ITEM_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ENABLE_OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='] as const;
export type EnableOperator = (typeof ENABLE_OPERATORS)[number];

export interface EnableWhenDef {
  question: string;
  operator: EnableOperator;
  answer: AnswerValue;
}

export interface AnswerOptionDef {
  value: AnswerValue;
  key: string;
  label: RichText;
  prefix?: string;
  /** ordinalValue / itemWeight, when the option carries one. */
  score?: number;
  initialSelected: boolean;
}

export interface VariableDef {
  name: string;
  expression: string;
  /** `text/fhirpath`; anything else (x-fhir-query, CQL) cannot run here and has an empty value. */
  language: string;
}

export interface ExpressionDefs {
  calculated?: string;
  enableWhen?: string;
  initial?: string;
  answer?: string;
  variables: VariableDef[];
}

export interface ItemDef {
  linkId: string;
  type: ItemType;
  text?: RichText;
  prefix?: string;
  required: boolean;
  repeats: boolean;
  readOnly: boolean;
  hidden: boolean;
  maxLength?: number;
  minLength?: number;
  minValue?: AnswerValue;
  maxValue?: AnswerValue;
  regex?: string;
  entryFormat?: string;
  unit?: Coding;
  unitOptions: Coding[];
  maxDecimalPlaces?: number;
  maxSize?: number;
  mimeTypes: string[];
  minOccurs?: number;
  maxOccurs?: number;
  sliderStep?: number;
  /** itemControl code (radio-button, check-box, drop-down, autocomplete, slider, gtable, page, help, …). */
  control?: string;
  orientation?: 'horizontal' | 'vertical';
  options: AnswerOptionDef[];
  /** Set when answerValueSet points at a value set we could not resolve. */
  unresolvedValueSet?: string;
  initial: AnswerValue[];
  enableWhen: EnableWhenDef[];
  enableBehavior: 'all' | 'any';
  expressions: ExpressionDefs;
  /** Help text from a child display item with itemControl "help". */
  help?: RichText;
  items: ItemDef[];
  parent?: ItemDef;
  /** Position in document order, for stable sorting. */
  order: number;
  raw: QuestionnaireItem;
}

export interface QuestionnaireDef {
  questionnaire: Questionnaire;
  /** canonical url|version (or `Questionnaire/id`) the response must point to. */
  canonical: string;
  title?: RichText;
  description?: RichText;
  language?: string;
  items: ItemDef[];
  byLinkId: Map<string, ItemDef>;
  /** Every def in document order. */
  all: ItemDef[];
  /** linkId -> defs whose enableWhen refers to it. */
  dependants: Map<string, ItemDef[]>;
  variables: VariableDef[];
  /**
   * Names of data a host would fetch that the questionnaire declares: SDC launch contexts (`%patient`,
   * `%user`) and source-query bundles (`%PrePopQuery`).
   */
  contextNames: string[];
  usesExpressions: boolean;
  usesRichText: boolean;
  /** The questionnaire paginates its top-level groups (itemControl page / tab-container). */
  paged: boolean;
  warnings: KproWarning[];
}

const PAGE_CONTROLS = new Set(['page', 'tab-container', 'wizard']);

/**
 * Compiles a FHIR R4 Questionnaire into item definitions. Throws KproError for anything we must refuse
 * (not a questionnaire, other FHIR version, unknown modifier extensions, enableWhen cycles).
 */
const compiled = new WeakMap<object, QuestionnaireDef>();

export function compileQuestionnaire(input: unknown): QuestionnaireDef {
  // A definition is read-only once built: the same Questionnaire object compiles once (the answer view
  // and the triage engine open one questionnaire for every response of a course).
  if (input && typeof input === 'object') {
    const known = compiled.get(input);
    if (known) return known;
    const def = compileFresh(input);
    compiled.set(input, def);
    return def;
  }
  return compileFresh(input);
}

function compileFresh(input: unknown): QuestionnaireDef {
  const q = parseQuestionnaire(input);
  checkQuestionnaireShape(q);
  const warnings: KproWarning[] = [];
  const byLinkId = new Map<string, ItemDef>();
  const all: ItemDef[] = [];
  const contained = new Map<string, ValueSet>();
  for (const r of q.contained ?? []) if (r.resourceType === 'ValueSet' && r.id) contained.set(r.id, r);

  let usesExpressions = false;
  let usesRichText = false;

  const compileItem = (raw: QuestionnaireItem, parent: ItemDef | undefined): ItemDef => {
    // Most items of big forms have no extensions: skip every extension look-up for them.
    const x = raw.extension?.length ? readItemExtensions(raw) : NO_EXTENSIONS;
    const expressions = x.expressions;
    if (expressions.calculated || expressions.enableWhen || expressions.initial || expressions.answer || expressions.variables.length) {
      usesExpressions = true;
    }
    const text = raw._text ? readText(raw.text, raw._text) : raw.text !== undefined ? { plain: raw.text } : undefined;
    if (text?.xhtml || text?.markdown) usesRichText = true;
    const def: ItemDef = {
      linkId: raw.linkId,
      type: raw.type as ItemType,
      text,
      prefix: raw.prefix,
      // Some published forms write booleans as strings ("true"); read them as meant.
      required: isTrue(raw.required),
      repeats: isTrue(raw.repeats),
      readOnly: isTrue(raw.readOnly) || !!expressions.calculated,
      hidden: x.hidden,
      maxLength: raw.maxLength,
      minLength: x.minLength,
      minValue: x.minValue,
      maxValue: x.maxValue,
      regex: x.regex,
      entryFormat: x.entryFormat,
      unit: x.unit,
      unitOptions: x.unitOptions,
      maxDecimalPlaces: x.maxDecimalPlaces,
      maxSize: x.maxSize,
      mimeTypes: x.mimeTypes,
      minOccurs: x.minOccurs,
      maxOccurs: x.maxOccurs,
      sliderStep: x.sliderStep,
      control: x.control,
      orientation: x.orientation,
      options: NONE,
      initial: raw.initial ? raw.initial.map((i) => toAnswerValue(i)).filter((a): a is AnswerValue => !!a) : NONE,
      enableWhen: raw.enableWhen
        ? raw.enableWhen.map((ew) => ({
            question: ew.question,
            operator: ew.operator as EnableOperator,
            answer: toAnswerValue(ew, 'answer') ?? {},
          }))
        : NONE,
      enableBehavior: raw.enableBehavior === 'any' ? 'any' : 'all',
      expressions,
      items: NONE,
      parent,
      order: all.length,
      raw,
    };
    all.push(def);
    if (byLinkId.has(def.linkId)) {
      warnings.push({ code: 'invalid-questionnaire', message: `Duplicate linkId ${def.linkId}`, params: { linkId: def.linkId } });
    } else {
      byLinkId.set(def.linkId, def);
    }
    if (raw.answerOption?.length || raw.answerValueSet) {
      const opts = readOptions(raw, contained);
      def.options = opts.options;
      if (opts.unresolved) {
        def.unresolvedValueSet = opts.unresolved;
        warnings.push({ code: 'value-set-unavailable', message: `Value set ${opts.unresolved} could not be resolved`, params: { url: opts.unresolved, linkId: def.linkId } });
      }
      if (def.options.some((o) => o.label.xhtml || o.label.markdown)) usesRichText = true;
    }
    if (raw.item?.length) {
      const items: ItemDef[] = [];
      // Indexed loops in the compile's hot paths: cold (not yet optimised) code allocates a result object per for-of step.
      for (let i = 0; i < raw.item.length; i++) {
        const child = raw.item[i]!;
        if (child.type === 'display' && child.extension?.length && codeableExtensionCode(child, EXT.itemControl) === 'help') {
          def.help = readText(child.text, child._text);
          if (def.help?.xhtml || def.help?.markdown) usesRichText = true;
          continue;
        }
        items.push(compileItem(child, def));
      }
      // Items without children share NONE: one array fewer per question of a big form.
      if (items.length) def.items = items;
    }
    return def;
  };

  const items: ItemDef[] = [];
  const top = q.item ?? [];
  for (let i = 0; i < top.length; i++) items.push(compileItem(top[i]!, undefined));
  const dependants = new Map<string, ItemDef[]>();
  for (let i = 0; i < all.length; i++) {
    const def = all[i]!;
    if (!def.enableWhen.length) continue;
    for (const ew of def.enableWhen) {
      if (!byLinkId.has(ew.question)) {
        warnings.push({
          code: 'unknown-link-id',
          message: `enableWhen on ${def.linkId} refers to unknown question ${ew.question}`,
          params: { linkId: def.linkId, question: ew.question },
        });
      }
      const list = dependants.get(ew.question) ?? [];
      list.push(def);
      dependants.set(ew.question, list);
    }
  }
  detectEnableWhenCycles(all, byLinkId);

  const variables = readVariables(q);
  if (variables.length) usesExpressions = true;
  const contextNames = readContextNames(q);
  const title = readText(q.title, q._title);
  const description = readText(q.description, q._description);
  if (description?.markdown === undefined && description && q.description) description.markdown = q.description;
  if (description) usesRichText = true;
  const topControls = items.filter((i) => i.type === 'group').map((i) => i.control);
  const paged =
    topControls.some((c) => c && PAGE_CONTROLS.has(c)) ||
    (q.item ?? []).some((i) => i.type === 'group' && PAGE_CONTROLS.has(codeableExtensionCode(i, EXT.itemControl) ?? ''));

  return {
    questionnaire: q,
    canonical: q.url ? (q.version ? `${q.url}|${q.version}` : q.url) : `Questionnaire/${q.id ?? 'unknown'}`,
    title,
    description,
    language: q.language,
    items,
    byLinkId,
    all,
    dependants,
    variables,
    contextNames,
    usesExpressions,
    usesRichText,
    paged,
    warnings,
  };
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

type ItemExtensions = Pick<
  ItemDef,
  | 'control' | 'expressions' | 'hidden' | 'minLength' | 'minValue' | 'maxValue' | 'regex' | 'entryFormat' | 'unit' | 'unitOptions'
  | 'maxDecimalPlaces' | 'maxSize' | 'mimeTypes' | 'minOccurs' | 'maxOccurs' | 'sliderStep' | 'orientation'
>;

/**
 * The empty list shared by every item without options, initial values or enableWhen: a big form
 * compiles with thousands fewer allocations (its garbage collections copy every live definition).
 * Definitions are read-only once built, so nothing ever mutates it.
 */
const NONE = Object.freeze([]) as unknown as never[];

// Shared by every item without extensions; nothing ever mutates these arrays.
const NO_EXTENSIONS: ItemExtensions = Object.freeze({
  control: undefined,
  expressions: Object.freeze({ variables: [] as VariableDef[] }) as ExpressionDefs,
  hidden: false,
  minLength: undefined,
  minValue: undefined,
  maxValue: undefined,
  regex: undefined,
  entryFormat: undefined,
  unit: undefined,
  unitOptions: [] as Coding[],
  maxDecimalPlaces: undefined,
  maxSize: undefined,
  mimeTypes: [] as string[],
  minOccurs: undefined,
  maxOccurs: undefined,
  sliderStep: undefined,
  orientation: undefined,
});

/** Every extension `readItemExtensions` reads besides the itemControl. */
const ITEM_EXTENSION_URLS: ReadonlySet<string> = new Set([
  EXT.calculatedExpression, EXT.enableWhenExpression, EXT.initialExpression, EXT.answerExpression, EXT.variable,
  EXT.hidden, EXT.minLength, EXT.minValue, EXT.maxValue, EXT.regex, EXT.entryFormat, EXT.unit, EXT.unitOption,
  EXT.maxDecimalPlaces, EXT.maxSize, EXT.mimeType, EXT.minOccurs, EXT.maxOccurs, EXT.sliderStep, EXT.choiceOrientation,
  EXT.itemPopulationContext,
]);

/** Shared extension sets of items whose only understood extension is an itemControl, by its code. */
const CONTROL_ONLY = new Map<string | undefined, ItemExtensions>();

function readItemExtensions(raw: QuestionnaireItem): ItemExtensions {
  // Most items with extensions carry just an itemControl (radio buttons, sliders …): a big form reads
  // that one and shares the rest, instead of twenty look-ups and a dozen arrays per item.
  if (!raw.extension!.some((e) => ITEM_EXTENSION_URLS.has(e.url))) {
    const control = codeableExtensionCode(raw, EXT.itemControl);
    let x = CONTROL_ONLY.get(control);
    if (!x) CONTROL_ONLY.set(control, (x = Object.freeze({ ...NO_EXTENSIONS, control })));
    return x;
  }
  return {
    control: codeableExtensionCode(raw, EXT.itemControl),
    expressions: readExpressions(raw),
    hidden: findExtension(raw, EXT.hidden)?.valueBoolean === true,
    minLength: numberExtension(raw, EXT.minLength),
    minValue: toAnswerValue(findExtension(raw, EXT.minValue)),
    maxValue: toAnswerValue(findExtension(raw, EXT.maxValue)),
    regex: stringExtension(raw, EXT.regex),
    entryFormat: stringExtension(raw, EXT.entryFormat),
    unit: findExtension(raw, EXT.unit)?.valueCoding,
    unitOptions: findExtensions(raw, EXT.unitOption)
      .map((e) => e.valueCoding)
      .filter((c): c is Coding => !!c),
    maxDecimalPlaces: numberExtension(raw, EXT.maxDecimalPlaces),
    maxSize: numberExtension(raw, EXT.maxSize),
    mimeTypes: findExtensions(raw, EXT.mimeType)
      .map((e) => e.valueCode)
      .filter((c): c is string => !!c),
    minOccurs: numberExtension(raw, EXT.minOccurs),
    maxOccurs: numberExtension(raw, EXT.maxOccurs),
    sliderStep: numberExtension(raw, EXT.sliderStep),
    orientation: findExtension(raw, EXT.choiceOrientation)?.valueCode as ItemDef['orientation'],
  };
}

/** Accepts an object or a JSON string; anything else is refused with a clear code. */
export function parseQuestionnaire(input: unknown): Questionnaire {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new KproError('not-json', 'The questionnaire is not valid JSON.');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new KproError('not-questionnaire', 'The input is not a FHIR Questionnaire.');
  }
  const rt = (value as { resourceType?: unknown }).resourceType;
  if (rt !== 'Questionnaire') {
    throw new KproError('not-questionnaire', `Expected a Questionnaire, got ${String(rt ?? 'no resourceType')}.`, {
      resourceType: String(rt ?? ''),
    });
  }
  return value as Questionnaire;
}

function readExpression(raw: QuestionnaireItem, url: string): string | undefined {
  const e = findExtension(raw, url)?.valueExpression;
  return e?.expression && isFhirPath(e) ? e.expression : undefined;
}

/** An expression (or variable) in FHIRPath, the default language. */
export function isFhirPath(e: { language?: string }): boolean {
  return !e.language || e.language === 'text/fhirpath';
}

function readExpressions(raw: QuestionnaireItem): ExpressionDefs {
  return {
    calculated: readExpression(raw, EXT.calculatedExpression),
    enableWhen: readExpression(raw, EXT.enableWhenExpression),
    initial: readExpression(raw, EXT.initialExpression),
    answer: readExpression(raw, EXT.answerExpression),
    variables: readVariables(raw),
  };
}

/**
 * SDC expressions whose `name` makes their value a variable for the item and the items under it, like a
 * `variable` (Expression.name: "for reuse in the context where it is defined"; lforms and smart-forms
 * read them so, and published forms refer to a named calculatedExpression or itemPopulationContext).
 */
const NAMED_EXPRESSIONS: ReadonlySet<string> = new Set([
  EXT.variable, EXT.calculatedExpression, EXT.initialExpression, EXT.answerExpression, EXT.enableWhenExpression, EXT.itemPopulationContext,
]);

function readVariables(el: { extension?: fhir4.Extension[] }): VariableDef[] {
  const out: VariableDef[] = [];
  for (const ext of el.extension ?? []) {
    const e = ext.valueExpression;
    if (!e?.name || !NAMED_EXPRESSIONS.has(ext.url)) continue;
    // A FHIRPath variable without an expression has nothing to compute. One in another language (an
    // x-fhir-query, CQL) is kept, so FHIRPath that reads it sees an empty collection rather than failing.
    if (isFhirPath(e) && !e.expression) continue;
    out.push({ name: e.name, expression: e.expression ?? '', language: e.language ?? 'text/fhirpath' });
  }
  return out;
}

/**
 * The launch context names (valueCoding.code in SDC 3, valueId or valueString in older forms) and the
 * ids of source-query bundles, which SDC makes available under their id.
 */
function readContextNames(q: Questionnaire): string[] {
  const names: string[] = [];
  for (const ext of findExtensions(q, EXT.launchContext)) {
    const name = ext.extension?.find((x) => x.url === 'name');
    const value = name?.valueCoding?.code ?? name?.valueId ?? name?.valueString ?? name?.valueCode;
    if (value) names.push(value);
  }
  for (const ext of findExtensions(q, EXT.sourceQueries)) {
    const ref = ext.valueReference?.reference;
    if (ref?.startsWith('#') && ref.length > 1) names.push(ref.slice(1));
  }
  return names;
}

function readOptions(
  raw: QuestionnaireItem,
  contained: Map<string, ValueSet>,
): { options: AnswerOptionDef[]; unresolved?: string } {
  if (raw.answerOption?.length) return { options: raw.answerOption.map(optionFromAnswerOption).filter((o) => !!o) };
  if (!raw.answerValueSet) return { options: [] };
  const ref = raw.answerValueSet;
  const vs = containedValueSet(contained, ref);
  if (!vs) return { options: [], unresolved: ref };
  const options = optionsFromValueSet(vs, contained, new Set([vs]));
  return options?.length ? { options } : { options: [], unresolved: ref };
}

function containedValueSet(contained: Map<string, ValueSet>, ref: string): ValueSet | undefined {
  return ref.startsWith('#') ? contained.get(ref.slice(1)) : containedByCanonical(contained, ref);
}

/** A contained value set by its canonical, which may name a version (`url|version`, as canonicals can). */
function containedByCanonical(contained: Map<string, ValueSet>, ref: string): ValueSet | undefined {
  const [url, version] = ref.split('|');
  for (const vs of contained.values()) if (vs.url === url && (!version || !vs.version || vs.version === version)) return vs;
  return undefined;
}

function optionFromAnswerOption(o: QuestionnaireItemAnswerOption): AnswerOptionDef {
  const value = toAnswerValue(o) ?? {};
  let label: RichText;
  if (o.valueCoding) {
    const c = o.valueCoding;
    label = readText(c.display ?? c.code ?? '', (c as { _display?: fhir4.Element })._display) ?? { plain: c.code ?? '' };
  } else {
    const key = Object.keys(o).find((k) => k.startsWith('value'));
    const primitiveExt = key ? (o as Record<string, unknown>)[`_${key}`] : undefined;
    label = readText(displayOfRaw(extensionValue(o)), primitiveExt as fhir4.Element | undefined) ?? { plain: '' };
  }
  return {
    value,
    key: answerKey(value),
    label,
    prefix: o.extension ? stringExtension(o, EXT.optionPrefix) : undefined,
    score: (o.extension ? scoreOfExtensions(o) : undefined) ?? (o.valueCoding?.extension ? scoreOfExtensions(o.valueCoding) : undefined),
    initialSelected: o.initialSelected === true,
  };
}

function displayOfRaw(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return String(o.display ?? o.reference ?? o.value ?? JSON.stringify(v));
  }
  return String(v);
}

/**
 * The options a contained value set lists: its expansion, else its compose (concepts, and other contained
 * value sets it includes or excludes). Undefined when the list cannot be worked out here (a whole code
 * system, a filter, a value set that is not contained): a partial list must not pass for the whole one.
 * `seen`: the value sets on the way here, so one that includes itself cannot loop.
 */
function optionsFromValueSet(vs: ValueSet, contained: Map<string, ValueSet>, seen: Set<ValueSet>): AnswerOptionDef[] | undefined {
  const out: AnswerOptionDef[] = [];
  const conceptOption = (system: string | undefined, c: { code?: string; display?: string; extension?: fhir4.Extension[] }, ext?: fhir4.Element): AnswerOptionDef => {
    const coding: Coding = { system, code: c.code, display: c.display };
    const value = { valueCoding: coding };
    return {
      value,
      key: answerKey(value),
      label: readText(c.display ?? c.code ?? '', ext) ?? { plain: c.code ?? '' },
      score: scoreOfExtensions(c),
      initialSelected: false,
    };
  };
  const walk = (contains: fhir4.ValueSetExpansionContains[] | undefined) => {
    for (const c of contains ?? []) {
      if (c.code && !c.abstract) out.push(conceptOption(c.system, c, (c as { _display?: fhir4.Element })._display));
      walk(c.contains);
    }
  };
  if (vs.expansion?.contains?.length) {
    walk(vs.expansion.contains);
    return out;
  }
  // One include or exclude: its concepts, narrowed to the value sets it names (all of them: an intersection).
  const part = (inc: fhir4.ValueSetComposeInclude): AnswerOptionDef[] | undefined => {
    if (inc.filter?.length) return undefined;
    // Concept designations can carry translations; the translation extension works on _display too.
    let opts = inc.concept?.map((c) => conceptOption(inc.system, c, (c as { _display?: fhir4.Element })._display));
    if (!opts && !inc.valueSet?.length) return undefined; // every code of a code system
    for (const ref of inc.valueSet ?? []) {
      const other = containedValueSet(contained, ref);
      if (!other || seen.has(other)) return undefined;
      const theirs = optionsFromValueSet(other, contained, new Set([...seen, other]));
      if (!theirs) return undefined;
      const keys = new Set(theirs.map((o) => o.key));
      opts = opts ? opts.filter((o) => keys.has(o.key)) : theirs.filter((o) => !inc.system || o.value.valueCoding?.system === inc.system);
    }
    return opts;
  };
  const keys = new Set<string>();
  for (const inc of vs.compose?.include ?? []) {
    const opts = part(inc);
    if (!opts) return undefined;
    for (const o of opts) {
      if (keys.has(o.key)) continue;
      keys.add(o.key);
      out.push(o);
    }
  }
  for (const exc of vs.compose?.exclude ?? []) {
    const opts = part(exc);
    if (!opts) return undefined;
    const gone = new Set(opts.map((o) => o.key));
    for (let k = out.length - 1; k >= 0; k--) if (gone.has(out[k]!.key)) out.splice(k, 1);
  }
  return out;
}

function detectEnableWhenCycles(all: ItemDef[], byLinkId: Map<string, ItemDef>): void {
  // An item depends on the questions in its enableWhen and, implicitly, on its ancestors. Only items
  // with an enableWhen can close a cycle, so plain forms skip the walk.
  if (!all.some((d) => d.enableWhen.length)) return;
  // A cycle runs through an enableWhen edge to a question and on from there. When no question an
  // enableWhen points at has an enableWhen itself or on an enclosing item, every walk from there only
  // climbs to the root: no cycle, and a big form with many conditions on a few questions skips the walk.
  const mayCycle = all.some((d) =>
    d.enableWhen.some((ew) => {
      for (let t = byLinkId.get(ew.question); t; t = t.parent) if (t.enableWhen.length) return true;
      return false;
    }),
  );
  if (!mayCycle) return;
  const state = new Map<ItemDef, 1 | 2>();
  const path: string[] = [];
  const visit = (def: ItemDef): void => {
    const s = state.get(def);
    if (s === 2) return;
    if (s === 1) {
      const cycle = [...path, def.linkId].join(' → ');
      throw new KproError('enablewhen-cycle', `enableWhen forms a cycle: ${cycle}`, { cycle });
    }
    state.set(def, 1);
    path.push(def.linkId);
    for (const ew of def.enableWhen) {
      const target = byLinkId.get(ew.question);
      if (target) visit(target);
    }
    if (def.parent) visit(def.parent);
    path.pop();
    state.set(def, 2);
  };
  // Parent links alone form a tree, so every cycle has an enableWhen edge: starting from the items with
  // an enableWhen finds them all, without a walk from each of a big form's other items.
  for (const def of all) if (def.enableWhen.length) visit(def);
}

export { ITEM_CONTROL_SYSTEM };
