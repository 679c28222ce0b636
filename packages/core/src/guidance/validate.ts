/**
 * A small, strict validator for the subset of JSON Schema that ACTION_GUIDE_SCHEMA uses: type, enum,
 * const, properties, required, additionalProperties (false), items, minItems, maxItems, uniqueItems,
 * minLength, maxLength, pattern, $ref (to #/$defs/…) and oneOf (of kinds, or of required properties). Any
 * other keyword in a schema is a programming error and throws, so the schema cannot silently say more than
 * is enforced.
 */
import { ACTION_GUIDE_SCHEMA } from './schema.js';

export interface SchemaError {
  /** JSON Pointer to the failing value, e.g. "/offers/2/url" ("" for the document). */
  path: string;
  keyword: string;
  /** The $defs entry being checked when it failed ("url", "text", …), if any. */
  def?: string;
  message: string;
}

type Schema = { readonly [k: string]: unknown };

const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', '$defs', 'type', 'enum', 'const', 'properties', 'required',
  'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', '$ref', 'oneOf',
]);

const patterns = new Map<string, RegExp>();
const regex = (p: string): RegExp => {
  let r = patterns.get(p);
  if (!r) patterns.set(p, (r = new RegExp(p, 'u')));
  return r;
};

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const pointer = (path: string, key: string | number): string => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** Validates `data` against `schema` (default: the action-guide schema); returns every error found. */
export function validateSchema(data: unknown, schema: Schema = ACTION_GUIDE_SCHEMA, root: Schema = schema): SchemaError[] {
  const errors: SchemaError[] = [];
  check(data, schema, root, '', undefined, errors);
  return errors;
}

function resolve(root: Schema, ref: string): [Schema, string] {
  const m = /^#\/\$defs\/([A-Za-z0-9_-]+)$/.exec(ref);
  const defs = root.$defs as Record<string, Schema> | undefined;
  const target = m ? defs?.[m[1]!] : undefined;
  if (!m || !target) throw new Error(`schema: unsupported $ref ${ref}`);
  return [target, m[1]!];
}

function check(data: unknown, schema: Schema, root: Schema, path: string, def: string | undefined, errors: SchemaError[]): void {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`schema: unsupported keyword ${k}`);
  const fail = (keyword: string, message: string, at = path) => errors.push({ path: at, keyword, def, message });

  if (typeof schema.$ref === 'string') {
    const [target, name] = resolve(root, schema.$ref);
    check(data, target, root, path, name, errors);
  }
  if (Array.isArray(schema.oneOf)) {
    const branches = (schema.oneOf as Schema[]).map((s) => validateSchema(data, s, root).map((e) => ({ ...e, path: path + e.path })));
    const ok = branches.filter((b) => b.length === 0).length;
    const alternatives = (schema.oneOf as Schema[]).map((s) => (typeof s.$ref === 'string' ? resolve(root, s.$ref)[0] : s));
    // "Exactly one of these properties" (a trigger's code, definition or linkId) says so in words.
    const onlyRequired = alternatives.every((s) => Object.keys(s).length === 1 && (s.required as string[] | undefined)?.length === 1);
    if (ok !== 1 && onlyRequired) {
      // Not an object: the type error says enough.
      const names = alternatives.map((s) => `"${(s.required as string[])[0]}"`).join(', ');
      if (typeOf(data) === 'object') fail('oneOf', ok > 1 ? `give only one of ${names}` : `give one of ${names}`);
    } else if (ok !== 1) {
      // Report the branch the document means (its "kind" const), else the one with the fewest errors.
      const kind = typeOf(data) === 'object' ? (data as Record<string, unknown>).kind : undefined;
      const meant = alternatives.findIndex((t) => ((t.properties as Record<string, Schema> | undefined)?.kind?.const ?? Symbol()) === kind);
      if (ok > 1) fail('oneOf', 'matches more than one alternative');
      else if (meant >= 0) errors.push(...branches[meant]!);
      else if (typeOf(data) === 'object' && kind === undefined) fail('required', 'missing property "kind"', pointer(path, 'kind'));
      else if (typeOf(data) === 'object') fail('oneOf', `unknown kind ${JSON.stringify(kind)}`, pointer(path, 'kind'));
      else errors.push(...branches.reduce((a, b) => (b.length < a.length ? b : a)));
    }
  }
  if ('const' in schema && data !== schema.const) fail('const', `must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(data as never)) fail('enum', `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);

  const t = typeOf(data);
  if (typeof schema.type === 'string') {
    const want = schema.type;
    if (!(t === want || (want === 'number' && t === 'integer'))) {
      fail('type', `must be ${want === 'array' ? 'an' : 'a'} ${want}`);
      return;
    }
  }
  if (t === 'string') {
    const s = data as string;
    const len = [...s].length;
    if (typeof schema.minLength === 'number' && len < schema.minLength) fail('minLength', s.length ? `must be at least ${schema.minLength} characters` : 'must not be empty');
    if (typeof schema.maxLength === 'number' && len > schema.maxLength) fail('maxLength', `must be at most ${schema.maxLength} characters`);
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(s)) fail('pattern', `does not match ${def ? `"${def}"` : `pattern ${schema.pattern}`}`);
  }
  if (t === 'array') {
    const a = data as unknown[];
    if (typeof schema.minItems === 'number' && a.length < schema.minItems) fail('minItems', `must have at least ${schema.minItems} item(s)`);
    if (typeof schema.maxItems === 'number' && a.length > schema.maxItems) fail('maxItems', `must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true) {
      const seen = new Set<string>();
      a.forEach((v, i) => {
        const key = JSON.stringify(v);
        if (seen.has(key)) fail('uniqueItems', 'duplicate item', pointer(path, i));
        seen.add(key);
      });
    }
    if (schema.items && typeof schema.items === 'object') a.forEach((v, i) => check(v, schema.items as Schema, root, pointer(path, i), undefined, errors));
  }
  if (t === 'object') {
    const o = data as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in o)) fail('required', `missing property "${r}"`, pointer(path, r));
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) check(v, props[k], root, pointer(path, k), undefined, errors);
      else if (schema.additionalProperties === false) fail('additionalProperties', `unknown property "${k}"`, pointer(path, k));
    }
  }
}

/** "/offers/2/url: does not match "url"". */
export const formatSchemaError = (e: SchemaError): string => `${e.path || '/'}: ${e.message}`;
