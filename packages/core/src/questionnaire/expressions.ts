import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import { isFhirPath, type ItemDef, type VariableDef } from './definition.js';
import { KproError, type KproWarning } from './errors.js';
import type { Form, ItemNode } from './form.js';
import { buildResponse } from './response.js';
import { answersEqual, type AnswerValue } from './values.js';
import { fastPlanFor, FastPathUnsupported, type FastEvaluator } from './fast-expressions.js';
import { withSdcFunctions } from './sdc-functions.js';

type FhirPath = typeof import('fhirpath');
type Model = import('fhirpath').Model;
type Evaluator = (data: unknown, vars: Record<string, unknown>) => unknown[];

let loading: Promise<{ fhirpath: FhirPath; model: Model }> | undefined;

/** Loads the FHIRPath engine on first use only: forms without expressions never download it. */
export function loadFhirPath(): Promise<{ fhirpath: FhirPath; model: Model }> {
  loading ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4')]).then(([fp, r4]) => ({
    fhirpath: ((fp as unknown as { default?: FhirPath }).default ?? fp) as FhirPath,
    model: ((r4 as unknown as { default?: Model }).default ?? r4) as Model,
  }));
  return loading;
}

const MAX_PASSES = 8;

/** Compiled FHIRPath, shared by every form: the answer view evaluates the same questionnaire many times. */
const compiledExpressions = new Map<string, Evaluator>();

export interface ExpressionOptions {
  /**
   * `true`: a questionnaire whose expressions are all in the subset of `fast-expressions.ts` (score
   * sums, as in the sample content) is calculated without loading the fhirpath package. Triage sets it:
   * it calculates once per response and waits. Off by default, because a form someone is filling in
   * may later get an answer only fhirpath can calculate, and the switch to it then takes a moment.
   */
  fastPath?: boolean;
  /**
   * SDC launch contexts by name (`{ patient: Patient }`), as a host that knows them gives them: FHIRPath
   * reads them as `%patient`. A context the questionnaire declares and the host does not give is empty.
   */
  launchContext?: Record<string, unknown>;
}

/**
 * Attaches SDC expression support (variable, calculatedExpression, enableWhenExpression,
 * initialExpression, answerExpression) to a form. Syntax errors refuse the questionnaire: a score that
 * silently cannot be computed is worse than a clear error. Run-time errors become warnings.
 */
export async function attachExpressions(form: Form, onWarning?: (w: KproWarning) => void, options: ExpressionOptions = {}): Promise<void> {
  if (!form.def.usesExpressions) return;
  const q = form.def.questionnaire;
  const cache = compiledExpressions;
  const reported = new Set<string>();
  // The fast path while it can (see fast-expressions.ts); fhirpath once an answer needs it, for good.
  let fast: Map<string, FastEvaluator> | undefined = options.fastPath ? fastPlanFor(form.def) : undefined;
  let engine: { fhirpath: FhirPath; model: Model } | undefined = fast ? undefined : await loadFhirPath();

  const compile = (expression: string, itemContext: boolean): Evaluator => {
    const key = `${itemContext ? 'i' : 'r'}:${expression}`;
    let fn = cache.get(key);
    if (!fn) {
      const { fhirpath, model } = engine!;
      const fhirPath = withSdcFunctions(expression);
      const path = itemContext ? { base: 'QuestionnaireResponse.item', expression: fhirPath } : fhirPath;
      try {
        const compiled = fhirpath.compile(path, model) as unknown as (d: unknown, v: Record<string, unknown>) => unknown[];
        fn = (d, v) => compiled(d, v);
      } catch (e) {
        throw new KproError('expression-error', `FHIRPath expression could not be read: ${expression} (${(e as Error).message})`, { expression });
      }
      cache.set(key, fn);
    }
    return fn;
  };

  // Compile every expression up front so a broken one is refused before anything renders.
  const compileAll = () => {
    for (const v of form.def.variables) if (isFhirPath(v)) compile(v.expression, false);
    for (const def of form.def.all) {
      const x = def.expressions;
      for (const e of [x.calculated, x.enableWhen, x.initial, x.answer, ...x.variables.filter(isFhirPath).map((v) => v.expression)]) {
        if (e) compile(e, true);
      }
    }
  };
  // What cannot be computed here reads as an empty collection, as when a form filler finds no data: a
  // launch context or source query the host did not give (%patient) and variables in other languages
  // (x-fhir-query, CQL).
  const variable = (v: VariableDef, ctx: QuestionnaireResponseItem | undefined, vars: Record<string, unknown>): unknown[] =>
    isFhirPath(v) ? evaluate(v.expression, ctx, vars) : [];
  if (!fast) compileAll();

  // While the form is first set up, an unknown function is refused like a syntax error: FHIRPath only
  // finds it when it runs, and a score that can never be computed must not pass as a warning.
  let setup = true;
  const evaluate = (expression: string, ctx: QuestionnaireResponseItem | undefined, vars: Record<string, unknown>): unknown[] => {
    // The fast path's expressions read only %resource; FastPathUnsupported ends the pass (see below).
    if (fast) return fast.get(expression)!({ resource: vars.resource as QuestionnaireResponse });
    try {
      // %context is the evaluated item (or the response): FHIRPath sets it from the data, with its type.
      // Passing a plain object as `context` would override it with an untyped one that `.item` cannot walk.
      return compile(expression, !!ctx)(ctx ?? vars.resource, vars);
    } catch (e) {
      if (e instanceof KproError) throw e;
      if (setup && /^Not implemented/.test((e as Error).message)) {
        throw new KproError('expression-error', `FHIRPath expression could not be read: ${expression} (${(e as Error).message})`, { expression });
      }
      if (!reported.has(expression)) {
        reported.add(expression);
        const w: KproWarning = { code: 'expression-error', message: `FHIRPath expression failed: ${expression} (${(e as Error).message})`, params: { expression } };
        form.warnings.push(w);
        onWarning?.(w);
      }
      return [];
    }
  };

  // initialExpression runs once per item instance: at set-up, and for repetitions added later.
  const initialised = new WeakSet<ItemNode>();

  const pass = (): boolean => {
    // Enablement from the previous pass (e.g. a changed enableWhenExpression) decides what the response holds.
    form.updateEnablement();
    const nodeMap = new Map<ItemNode, QuestionnaireResponseItem>();
    const qr = buildResponse(form, {}, {}, { includeEmpty: true, nodeMap });
    const rootVars: Record<string, unknown> = { resource: qr, rootResource: qr, questionnaire: q };
    for (const name of form.def.contextNames) if (!(name in rootVars)) rootVars[name] = [];
    for (const [name, value] of Object.entries(options.launchContext ?? {})) {
      if (value !== undefined && !(name in BUILT_IN_VARIABLES)) rootVars[name] = value;
    }
    for (const v of form.def.variables) rootVars[v.name] = variable(v, undefined, rootVars);
    let changed = false;
    const visit = (node: ItemNode, inherited: Record<string, unknown>) => {
      const def = node.def;
      const ctx = nodeMap.get(node) ?? { linkId: def.linkId };
      let vars = inherited;
      if (def.expressions.variables.length) {
        vars = { ...inherited };
        for (const v of def.expressions.variables) vars[v.name] = variable(v, ctx, vars);
      }
      const x = def.expressions;
      if (x.enableWhen) {
        const r = evaluate(x.enableWhen, ctx, vars);
        const on = r.length > 0 && r[0] === true;
        if (node.expressionEnabled !== on) {
          node.expressionEnabled = on;
          changed = true;
        }
      }
      if (x.answer) node.expressionOptions = toAnswers(evaluate(x.answer, ctx, vars), def);
      if (x.initial && !initialised.has(node)) {
        initialised.add(node);
        if (node.withInitial && node.answers.length === 0) {
          const answers = toAnswers(evaluate(x.initial, ctx, vars), def);
          if (answers.length) {
            node.answers = def.repeats ? answers : answers.slice(0, 1);
            changed = true;
          }
        }
      }
      if (x.calculated) {
        const answers = toAnswers(evaluate(x.calculated, ctx, vars), def);
        const next = def.repeats ? answers : answers.slice(0, 1);
        if (next.length !== node.answers.length || next.some((a, i) => !answersEqual(a, node.answers[i]!))) {
          node.answers = next;
          changed = true;
        }
      }
      for (const c of node.children) visit(c, vars);
    };
    for (const c of form.root.children) visit(c, rootVars);
    return changed;
  };

  /** Set when an answer needs fhirpath after the fast path was chosen; resolves once it has taken over. */
  let switching: Promise<void> | undefined;
  const switchToFhirPath = (): Promise<void> => {
    fast = undefined;
    switching ??= loadFhirPath().then((loaded) => {
      engine = loaded;
      compileAll();
    });
    return switching;
  };

  form.expressionRunner = () => {
    // Switching to fhirpath and it has not loaded yet: the form is recalculated once it has.
    if (!fast && !engine) return;
    try {
      // Chained calculations settle within a few passes; the cap guards against oscillation.
      for (let i = 0; i < MAX_PASSES && pass(); i++);
    } catch (e) {
      if (!(e instanceof FastPathUnsupported)) throw e;
      // Values the fast path cannot match fhirpath on exactly (a decimal score, a value set): every
      // expression of this form is calculated by fhirpath from now on. During set-up attachExpressions
      // waits for it; after that (a citizen typing), the form is recalculated as soon as it has loaded.
      const ready = switchToFhirPath();
      if (!setup) {
        ready.then(
          () => {
            form.refresh();
            form.notify({ structural: false });
          },
          (err: unknown) => {
            // The engine did not load (offline?): say so rather than show a score that is out of date.
            const w: KproWarning = { code: 'expression-error', message: `FHIRPath could not be loaded: ${(err as Error)?.message ?? err}`, params: {} };
            form.warnings.push(w);
            onWarning?.(w);
          },
        );
      }
    }
  };
  try {
    form.refresh();
    if (switching) {
      await switching;
      form.refresh();
    }
  } catch (e) {
    form.expressionRunner = undefined;
    throw e;
  }
  setup = false;
  form.notify({ structural: false });
}

/** Names FHIRPath and SDC give themselves; a launch context cannot replace them. */
const BUILT_IN_VARIABLES = { resource: 1, rootResource: 1, questionnaire: 1, context: 1, ucum: 1, sct: 1, loinc: 1 };

/** Converts FHIRPath results to answers of the item's type. */
export function toAnswers(results: unknown[], def: ItemDef): AnswerValue[] {
  const out: AnswerValue[] = [];
  for (const r of results) {
    const a = toAnswer(r, def);
    if (a) out.push(a);
  }
  return out;
}

function toAnswer(r: unknown, def: ItemDef): AnswerValue | undefined {
  if (r === null || r === undefined) return undefined;
  switch (def.type) {
    case 'decimal':
      return typeof r === 'number' && Number.isFinite(r) ? { valueDecimal: round(r, def.maxDecimalPlaces) } : undefined;
    case 'integer':
      return typeof r === 'number' && Number.isFinite(r) ? { valueInteger: Math.round(r) } : undefined;
    case 'boolean':
      return typeof r === 'boolean' ? { valueBoolean: r } : undefined;
    case 'date':
      return typeof r === 'string' ? { valueDate: r.slice(0, 10) } : undefined;
    case 'dateTime':
      return typeof r === 'string' ? { valueDateTime: r } : undefined;
    case 'time':
      return typeof r === 'string' ? { valueTime: r } : undefined;
    case 'quantity': {
      if (typeof r === 'number') return { valueQuantity: { value: r, ...(def.unit ? unitOf(def.unit) : {}) } };
      if (typeof r === 'object') return { valueQuantity: r as fhir4.Quantity };
      // Quantity arithmetic comes back as FHIRPath text: "140 'kg'" (UCUM) or "3 days" (calendar unit).
      const m = typeof r === 'string' ? /^([-+]?\d+(?:\.\d+)?)\s*(?:'([^']+)'|([a-z]+))?$/.exec(r.trim()) : null;
      if (!m) return undefined;
      const value = Number(m[1]);
      if (m[2]) return { valueQuantity: { value, unit: m[2], system: 'http://unitsofmeasure.org', code: m[2] } };
      if (m[3]) return { valueQuantity: { value, unit: m[3] } };
      return { valueQuantity: { value, ...(def.unit ? unitOf(def.unit) : {}) } };
    }
    case 'choice':
    case 'open-choice':
      if (typeof r === 'object') return { valueCoding: r as fhir4.Coding };
      return typeof r === 'string' ? (def.type === 'open-choice' ? { valueString: r } : { valueCoding: { code: r } }) : undefined;
    case 'url':
      return typeof r === 'string' ? { valueUri: r } : undefined;
    case 'reference':
      return typeof r === 'object' ? { valueReference: r as fhir4.Reference } : undefined;
    case 'string':
    case 'text':
      return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? { valueString: String(r) } : undefined;
    default:
      // An attachment (or a group or display) has no answer a string could be: a valueString there
      // would make the response invalid.
      return undefined;
  }
}

function round(n: number, places: number | undefined): number {
  const p = places ?? 10;
  const f = 10 ** p;
  return Math.round(n * f) / f;
}

function unitOf(c: fhir4.Coding): Pick<fhir4.Quantity, 'unit' | 'system' | 'code'> {
  return { unit: c.display ?? c.code, system: c.system, code: c.code };
}

export type { Questionnaire };
