import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '../fhir/types.js';
import type { QuestionnaireDef } from './definition.js';

/**
 * A fast path for the FHIRPath that score questionnaires use, so that colouring a response does not
 * need the FHIRPath engine (a 220 kB gzip chunk, about 0.5 s to load, parse and run for 20 responses).
 *
 * Why a subset and not a second engine: the sample questionnaires (WHO-5, the rehabilitation
 * questionnaire) and FUT-style score items only use a handful of constructs, e.g.
 *
 *   iif(%resource.repeat(item).where(linkId in ('t1' | 't2')).where(answer.exists()).count() = 2,
 *       %resource.repeat(item).where(linkId in ('t1' | 't2')).answer.value.ordinal().sum() * 4, {})
 *
 * `compileFast` reads exactly these (grammar below) and returns undefined for anything else, so the
 * caller uses the `fhirpath` package instead. Every construct follows fhirpath.js 5.x (the engine
 * used otherwise) to the letter, and `fast-expressions.test.ts` checks the results against fhirpath
 * for every calculated item in `packages/core/content/questionnaires` over many answer sets. Where an
 * answer could make the two differ (a non-integer number, a score from a value set, a collection
 * where one value was expected), evaluation throws `FastPathUnsupported` and the caller re-runs the
 * whole calculation with fhirpath: the fast path never guesses.
 *
 * Grammar (whitespace between tokens is free):
 *   expr     := or
 *   or       := and ('or' and)*
 *   and      := cmp ('and' cmp)*
 *   cmp      := union (('=' | '!=' | '<' | '<=' | '>' | '>=' | 'in') union)?
 *   union    := add ('|' add)*
 *   add      := mul (('+' | '-') mul)*
 *   mul      := term ('*' term)*
 *   term     := (INTEGER | STRING | '{}' | '%resource' | 'iif(' expr ',' expr (',' expr)? ')'
 *               | '(' expr ')' | IDENT) ('.' call)*        — IDENT only inside where(…)
 *   call     := 'repeat(item)' | 'where(' expr ')' | 'exists()' | 'count()' | 'sum()'
 *               | 'ordinal()' | 'weight()' | 'linkId' | 'answer' | 'value' | 'item' | 'code' | 'system'
 */

/** Thrown while evaluating when fhirpath might give another result: the caller must use fhirpath. */
export class FastPathUnsupported extends Error {
  constructor(reason: string) {
    super(`FHIRPath fast path: ${reason}`);
    this.name = 'FastPathUnsupported';
  }
}

/** The variables an expression sees: only `%resource` (the response being calculated) is read. */
export interface FastVars {
  resource: QuestionnaireResponse;
}

/** A compiled expression: the result collection, as fhirpath returns it (numbers, booleans, strings, Codings). */
export type FastEvaluator = (vars: FastVars) => unknown[];

// The extensions fhirpath's R4 model reads for weight()/ordinal(), in its order.
const SCORE_URLS = ['http://hl7.org/fhir/StructureDefinition/ordinalValue', 'http://hl7.org/fhir/StructureDefinition/itemWeight'];

// ------------------------------------------------------------------------------------------ values

/** A value from the response, with where it came from (ordinal() needs the item it answers). */
interface AnswerVal {
  kind: 'value';
  /** `Coding`, `Integer`, `Decimal`, `Boolean`, `String`, … as in `value[x]`. */
  type: string;
  data: unknown;
  item: QuestionnaireResponseItem;
}
interface Node {
  kind: 'node';
  /** `QR`, `item` or `answer`. */
  type: 'QR' | 'item' | 'answer';
  data: Record<string, unknown>;
  /** For an answer: its item. */
  item?: QuestionnaireResponseItem;
}
/** Booleans, numbers and strings are kept as they are; response parts are wrapped. */
type Val = Node | AnswerVal | boolean | number | string;

interface Ctx {
  vars: FastVars;
  /** Questionnaire items by linkId (fhirpath looks the answered item up in %questionnaire). */
  qItems: Map<string, QuestionnaireItem>;
}

type Ev = (ctx: Ctx, focus: Val | undefined) => Val[];

/** Expressions without any input (literals and unions of them), with their value: evaluated once. */
const constants = new WeakMap<Ev, Val[]>();
function constant(value: Val[]): Ev {
  const ev: Ev = () => value;
  constants.set(ev, value);
  return ev;
}

/** Every item of a response (`%resource.repeat(item)`), once per response: each score walks the same tree. */
const allItems = new WeakMap<object, Val[]>();

const isWrapped = (v: Val): v is Node | AnswerVal => typeof v === 'object';

/** A singleton's value for arithmetic and comparison: integers only, where fhirpath's decimals cannot differ. */
function integerOf(c: Val[], op: string): number | undefined {
  if (c.length === 0) return undefined;
  if (c.length > 1) throw new FastPathUnsupported(`${op} on more than one value`);
  const v = c[0]!;
  const n = typeof v === 'number' ? v : isWrapped(v) && v.kind === 'value' && typeof v.data === 'number' && (v.type === 'Integer' || v.type === 'Decimal') ? v.data : undefined;
  if (n === undefined || !Number.isSafeInteger(n)) throw new FastPathUnsupported(`${op} on a value that is not an integer`);
  return n;
}

/** A singleton's boolean for and/or/iif/where; empty is undefined (FHIRPath's three-valued logic). */
function booleanOf(c: Val[], op: string): boolean | undefined {
  if (c.length === 0) return undefined;
  if (c.length === 1 && typeof c[0] === 'boolean') return c[0];
  throw new FastPathUnsupported(`${op} on something that is not one boolean`);
}

/** Strings, integers and booleans compare by value; anything else is left to fhirpath. */
function scalarOf(v: Val, op: string): string | number | boolean {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new FastPathUnsupported(`${op} on a non-integer`);
    return v;
  }
  if (v.kind === 'value' && (v.type === 'String' || v.type === 'Code' || v.type === 'Boolean' || v.type === 'Integer')) return scalarOf(v.data as string | number | boolean, op);
  throw new FastPathUnsupported(`${op} on a ${v.kind === 'value' ? v.type : v.type}`);
}

/** The children of a wrapped value by name, as fhirpath's navigation with the R4 model gives them. */
function navigate(v: Val, name: string): Val[] {
  if (!isWrapped(v)) return [];
  if (v.kind === 'node') {
    const d = v.data;
    if (name === 'item' && (v.type === 'QR' || v.type === 'item' || v.type === 'answer')) {
      return ((d.item as QuestionnaireResponseItem[] | undefined) ?? []).map((i) => ({ kind: 'node', type: 'item', data: i as unknown as Record<string, unknown> }));
    }
    if (name === 'linkId' && v.type === 'item') return typeof d.linkId === 'string' ? [d.linkId] : [];
    if (name === 'answer' && v.type === 'item') {
      const item = d as unknown as QuestionnaireResponseItem;
      return (item.answer ?? []).map((a) => ({ kind: 'node', type: 'answer', data: a as unknown as Record<string, unknown>, item }));
    }
    if (name === 'value' && v.type === 'answer') {
      const key = Object.keys(d).find((k) => k.length > 5 && k.startsWith('value'));
      if (!key) return [];
      const type = key.slice(5);
      // Dates, times and quantities are FHIRPath types of their own: left to fhirpath.
      if (!['Coding', 'Integer', 'Decimal', 'Boolean', 'String'].includes(type)) throw new FastPathUnsupported(`answer of type ${type}`);
      return [{ kind: 'value', type, data: d[key], item: v.item! }];
    }
    throw new FastPathUnsupported(`.${name} on ${v.type}`);
  }
  if (v.type === 'Coding' && (name === 'code' || name === 'system')) {
    const x = (v.data as Record<string, unknown>)[name];
    return typeof x === 'string' ? [x] : [];
  }
  if (name === 'code' || name === 'system') return []; // a primitive has no such element
  throw new FastPathUnsupported(`.${name} on a ${v.type}`);
}

/** The score of one answer value, exactly as fhirpath's weight()/ordinal() finds it (answerOption first, never a terminology server). */
function scoreOf(v: Val, ctx: Ctx): number | undefined {
  if (!isWrapped(v) || v.kind !== 'value') throw new FastPathUnsupported('ordinal() on something that is not an answer value');
  if (v.type !== 'Coding') throw new FastPathUnsupported(`ordinal() on a ${v.type}`);
  const coding = v.data as { code?: string; system?: string; extension?: { url: string; valueDecimal?: number }[] };
  const embedded = coding.extension?.find((e) => SCORE_URLS.includes(e.url))?.valueDecimal;
  if (embedded !== undefined) return embedded;
  const qItem = ctx.qItems.get(v.item.linkId);
  // fhirpath throws here; the calculation then fails with a warning, which fhirpath should report.
  if (!qItem) throw new FastPathUnsupported(`no questionnaire item ${v.item.linkId}`);
  const option = qItem.answerOption?.find((o) => o.valueCoding?.code === coding.code && o.valueCoding?.system === coding.system);
  const score = (option?.extension as { url: string; valueDecimal?: number }[] | undefined)?.find((e) => SCORE_URLS.includes(e.url))?.valueDecimal;
  if (score !== undefined) return score;
  // fhirpath would look in the value set or code system next (possibly asynchronously).
  if ((option && coding.system) || qItem.answerValueSet) throw new FastPathUnsupported('score from a value set');
  return undefined;
}

// ----------------------------------------------------------------------------------------- tokens

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'var'; v: string } | { t: 'op'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|(%?[A-Za-z_][A-Za-z0-9_]*)|(<=|>=|!=|\{\}|[().,|=<>*+-]))/y;

function tokenize(src: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      // Decimal literals are FHIRPath decimals: left to fhirpath.
      if (m[1].includes('.')) return undefined;
      out.push({ t: 'num', v: Number(m[1]) });
    } else if (m[2] !== undefined) {
      // Escapes (\' \\ \u…) follow FHIRPath's own rules: left to fhirpath.
      if (m[2].includes('\\')) return undefined;
      out.push({ t: 'str', v: m[2] });
    } else if (m[3] !== undefined) out.push(m[3].startsWith('%') ? { t: 'var', v: m[3].slice(1) } : { t: 'id', v: m[3] });
    else out.push({ t: 'op', v: m[4]! });
  }
  return out;
}

// ----------------------------------------------------------------------------------------- parser

class Unsupported extends Error {}

const KEYWORD = new Set(['and', 'or', 'in', 'xor', 'implies', 'div', 'mod', 'is', 'as', 'true', 'false']);
const MEMBERS = new Set(['linkId', 'answer', 'value', 'item', 'code', 'system']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Ev {
    const e = this.expr(false);
    if (this.i !== this.tokens.length) throw new Unsupported();
    return e;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && (t.t === 'op' || t.t === 'id') && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported();
    this.i++;
  }

  /** `inWhere`: identifiers navigate from the element being tested (inside where(…) only). */
  private expr(inWhere: boolean): Ev {
    let left = this.and(inWhere);
    while (this.isOp('or')) {
      this.i++;
      const l = left;
      const r = this.and(inWhere);
      // Both sides are always evaluated, as fhirpath does: an error on either side must not be skipped.
      left = (ctx, f) => {
        const a = booleanOf(l(ctx, f), 'or');
        const b = booleanOf(r(ctx, f), 'or');
        if (a === true || b === true) return [true];
        return a === false && b === false ? [false] : [];
      };
    }
    return left;
  }

  private and(inWhere: boolean): Ev {
    let left = this.cmp(inWhere);
    while (this.isOp('and')) {
      this.i++;
      const l = left;
      const r = this.cmp(inWhere);
      left = (ctx, f) => {
        const a = booleanOf(l(ctx, f), 'and');
        const b = booleanOf(r(ctx, f), 'and');
        if (a === false || b === false) return [false];
        return a === true && b === true ? [true] : [];
      };
    }
    return left;
  }

  private cmp(inWhere: boolean): Ev {
    const l = this.union(inWhere);
    const t = this.peek();
    const op = t && (t.t === 'op' || t.t === 'id') && ['=', '!=', '<', '<=', '>', '>=', 'in'].includes(t.v) ? t.v : undefined;
    if (!op) return l;
    this.i++;
    const r = this.union(inWhere);
    if (op === 'in') {
      // linkId in ('a' | 'b' | …): the list is read once.
      const rc = constants.get(r);
      const set = rc ? new Set(rc.map((y) => scalarOf(y, 'in'))) : undefined;
      return (ctx, f) => {
        const a = l(ctx, f);
        if (a.length === 0) return [];
        if (a.length > 1) throw new FastPathUnsupported('in on more than one value');
        const x = scalarOf(a[0]!, 'in');
        return [set ? set.has(x) : r(ctx, f).some((y) => scalarOf(y, 'in') === x)];
      };
    }
    if (op === '=' || op === '!=') {
      return (ctx, f) => {
        const a = l(ctx, f);
        const b = r(ctx, f);
        if (a.length === 0 || b.length === 0) return [];
        if (a.length > 1 || b.length > 1) throw new FastPathUnsupported('= on collections');
        const x = scalarOf(a[0]!, op);
        const y = scalarOf(b[0]!, op);
        // fhirpath compares a number with a string as not equal; so does ===.
        return [op === '=' ? x === y : x !== y];
      };
    }
    return (ctx, f) => {
      const x = integerOf(l(ctx, f), op);
      const y = integerOf(r(ctx, f), op);
      if (x === undefined || y === undefined) return [];
      return [op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y];
    };
  }

  private union(inWhere: boolean): Ev {
    let left = this.add(inWhere);
    while (this.isOp('|')) {
      this.i++;
      const l = left;
      const r = this.add(inWhere);
      const union: Ev = (ctx, f) => {
        // Union removes duplicates; only plain values are compared here (response parts go to fhirpath).
        const out: Val[] = [];
        for (const v of [...l(ctx, f), ...r(ctx, f)]) {
          const s = scalarOf(v, '|');
          if (!out.some((o) => o === s)) out.push(s);
        }
        return out;
      };
      const lc = constants.get(l);
      const rc = constants.get(r);
      left = lc && rc ? constant(union({} as Ctx, undefined)) : union;
    }
    return left;
  }

  private add(inWhere: boolean): Ev {
    let left = this.mul(inWhere);
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.isOp('+') ? '+' : '-';
      this.i++;
      const l = left;
      const r = this.mul(inWhere);
      left = (ctx, f) => {
        const x = integerOf(l(ctx, f), op);
        const y = integerOf(r(ctx, f), op);
        if (x === undefined || y === undefined) return [];
        return [checked(op === '+' ? x + y : x - y)];
      };
    }
    return left;
  }

  private mul(inWhere: boolean): Ev {
    let left = this.term(inWhere);
    while (this.isOp('*')) {
      this.i++;
      const l = left;
      const r = this.term(inWhere);
      left = (ctx, f) => {
        const x = integerOf(l(ctx, f), '*');
        const y = integerOf(r(ctx, f), '*');
        if (x === undefined || y === undefined) return [];
        return [checked(x * y)];
      };
    }
    return left;
  }

  private term(inWhere: boolean): Ev {
    const t = this.peek();
    if (!t) throw new Unsupported();
    let e: Ev;
    if (t.t === 'num') {
      this.i++;
      const v = t.v;
      if (!Number.isSafeInteger(v)) throw new Unsupported();
      e = constant([v]);
    } else if (t.t === 'str') {
      this.i++;
      e = constant([t.v]);
    } else if (t.t === 'var') {
      if (t.v !== 'resource') throw new Unsupported();
      this.i++;
      e = (ctx) => [{ kind: 'node', type: 'QR', data: ctx.vars.resource as unknown as Record<string, unknown> }];
    } else if (t.t === 'op' && t.v === '{}') {
      this.i++;
      e = constant([]);
    } else if (t.t === 'op' && t.v === '(') {
      this.i++;
      e = this.expr(inWhere);
      this.expect(')');
    } else if (t.t === 'id' && t.v === 'iif' && this.tokens[this.i + 1]?.v === '(') {
      this.i += 2;
      const c = this.expr(inWhere);
      this.expect(',');
      const yes = this.expr(inWhere);
      let no: Ev = () => [];
      if (this.isOp(',')) {
        this.i++;
        no = this.expr(inWhere);
      }
      this.expect(')');
      e = (ctx, f) => (booleanOf(c(ctx, f), 'iif') === true ? yes(ctx, f) : no(ctx, f));
    } else if (t.t === 'id' && inWhere && MEMBERS.has(t.v) && !KEYWORD.has(t.v)) {
      this.i++;
      const name = t.v;
      e = (_ctx, f) => (f === undefined ? [] : navigate(f, name));
    } else {
      throw new Unsupported();
    }
    while (this.isOp('.')) {
      this.i++;
      e = this.call(e);
    }
    return e;
  }

  private call(source: Ev): Ev {
    const t = this.peek();
    if (!t || t.t !== 'id') throw new Unsupported();
    this.i++;
    const name = t.v;
    if (!this.isOp('(')) {
      if (!MEMBERS.has(name)) throw new Unsupported();
      return (ctx, f) => source(ctx, f).flatMap((v) => navigate(v, name));
    }
    this.i++;
    if (name === 'where') {
      const criterion = this.expr(true);
      this.expect(')');
      return (ctx, f) => source(ctx, f).filter((v) => booleanOf(criterion(ctx, v), 'where') === true);
    }
    if (name === 'repeat') {
      // Only repeat(item): every item below, level by level, as fhirpath collects them.
      const arg = this.peek();
      if (!arg || arg.t !== 'id' || arg.v !== 'item') throw new Unsupported();
      this.i++;
      this.expect(')');
      return (ctx, f) => {
        const from = source(ctx, f);
        // The response is built afresh for every calculation pass and not changed during it.
        const root = from.length === 1 && isWrapped(from[0]!) && from[0].kind === 'node' && from[0].type === 'QR' ? from[0].data : undefined;
        const known = root && allItems.get(root);
        if (known) return known;
        const out: Val[] = [];
        let level = from.flatMap((v) => navigate(v, 'item'));
        while (level.length) {
          out.push(...level);
          level = level.flatMap((v) => navigate(v, 'item'));
        }
        if (root) allItems.set(root, out);
        return out;
      };
    }
    this.expect(')');
    switch (name) {
      case 'exists':
        return (ctx, f) => [source(ctx, f).length > 0];
      case 'count':
        return (ctx, f) => [source(ctx, f).length];
      case 'sum':
        return (ctx, f) => {
          const values = source(ctx, f);
          if (!values.length) return [];
          let total = 0;
          for (const v of values) total = checked(total + integerOf([v], 'sum()')!);
          return [total];
        };
      case 'ordinal':
      case 'weight':
        return (ctx, f) => {
          const out: Val[] = [];
          for (const v of source(ctx, f)) {
            const s = scoreOf(v, ctx);
            if (s !== undefined) out.push(s);
          }
          return out;
        };
      default:
        throw new Unsupported();
    }
  }
}

/** Integers beyond 2^53 lose precision in JavaScript: fhirpath would then work with its own numbers. */
function checked(n: number): number {
  if (!Number.isSafeInteger(n)) throw new FastPathUnsupported('number out of range');
  return n;
}

/**
 * Compiles an expression of the subset above, evaluated on `%resource`; undefined when the expression
 * uses anything else (then use fhirpath).
 */
export function compileFast(expression: string, questionnaire: Questionnaire): FastEvaluator | undefined {
  const tokens = tokenize(expression);
  if (!tokens?.length) return undefined;
  let ev: Ev;
  try {
    ev = new Parser(tokens).parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const qItems = questionnaireItems(questionnaire);
  return (vars) =>
    ev({ vars, qItems }, undefined).map((v) => {
      if (!isWrapped(v)) return v;
      if (v.kind === 'value' && (v.type === 'Coding' || v.type === 'Integer' || v.type === 'Decimal' || v.type === 'Boolean' || v.type === 'String')) return v.data;
      throw new FastPathUnsupported('a response part as the result');
    });
}

const itemsByQuestionnaire = new WeakMap<Questionnaire, Map<string, QuestionnaireItem>>();

function questionnaireItems(q: Questionnaire): Map<string, QuestionnaireItem> {
  let map = itemsByQuestionnaire.get(q);
  if (!map) {
    map = new Map();
    const walk = (items: QuestionnaireItem[] | undefined) => {
      for (const i of items ?? []) {
        if (!map!.has(i.linkId)) map!.set(i.linkId, i);
        walk(i.item);
      }
    };
    walk(q.item);
    itemsByQuestionnaire.set(q, map);
  }
  return map;
}

/**
 * The fast evaluators for every expression of a questionnaire, or undefined when one of them needs
 * fhirpath (then all go to fhirpath, so the engine is loaded once and used alike). Only questionnaires
 * whose expressions are all on the response (`calculatedExpression`, `enableWhenExpression`) and that
 * have no repeating groups qualify: fhirpath's repeat() drops items that are equal in every element,
 * which only repeated instances can be.
 */
export function fastPlanFor(def: QuestionnaireDef): Map<string, FastEvaluator> | undefined {
  if (plans.has(def)) return plans.get(def);
  const plan = buildPlan(def);
  plans.set(def, plan);
  return plan;
}

function buildPlan(def: QuestionnaireDef): Map<string, FastEvaluator> | undefined {
  if (def.variables.length) return undefined;
  const plan = new Map<string, FastEvaluator>();
  for (const d of def.all) {
    const x = d.expressions;
    if (x.variables.length || x.initial || x.answer || (d.repeats && (d.type === 'group' || d.items.length > 0))) return undefined;
    for (const e of [x.calculated, x.enableWhen]) {
      if (!e || plan.has(e)) continue;
      const fn = compileFast(e, def.questionnaire);
      if (!fn) return undefined;
      plan.set(e, fn);
    }
  }
  return plan;
}

const plans = new WeakMap<QuestionnaireDef, Map<string, FastEvaluator> | undefined>();
