// Checks on a request body before it is parsed or reaches the store: how deep its JSON nests, and property
// names that are members of Object.prototype. Both work without recursion, so a hostile body cannot
// overflow the stack or make one request hold the (one-at-a-time) server.

/** No real questionnaire response comes near: one group level is two JSON levels. */
export const MAX_JSON_DEPTH = 100;

/**
 * Validating costs up to about 20 µs per JSON value here (objects, arrays, numbers, strings …; most when
 * every one of them is wrong), so this keeps one write's validation near 300 ms at worst. The largest
 * questionnaire in the seed has about 6,000 values; a response to it far fewer.
 */
export const MAX_JSON_VALUES = 15_000;

/**
 * Whether JSON text nests more than `maxDepth` objects/arrays inside each other ('depth') or holds more
 * than `maxValues` values ('values', counted as opening brackets and commas); brackets and commas inside
 * strings do not count.
 * @param {string} text
 * @returns {'depth' | 'values' | undefined}
 */
export function jsonShapeProblem(text, maxDepth = MAX_JSON_DEPTH, maxValues = MAX_JSON_VALUES) {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return 'depth';
      if (++values > maxValues) return 'values';
    } else if (c === 44 /* , */) {
      if (++values > maxValues) return 'values';
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return undefined;
}

/**
 * The first property named like a member of Object.prototype (`__proto__`, `constructor`, `toString` …).
 * No FHIR element has such a name; the engine's validator looks element names up in plain objects, where
 * these names resolve to the prototype's members, so they would pass as known elements.
 * @param {unknown} value a parsed JSON body
 * @returns {string | undefined}
 */
export function prototypePropertyIn(value) {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (key in Object.prototype) return key;
      stack.push(v[key]);
    }
  }
  return undefined;
}
