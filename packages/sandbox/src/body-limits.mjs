// Checks on a request body before it is parsed or reaches the store: how deep its JSON nests, and property
// names that are members of Object.prototype. Both work without recursion, so a hostile body cannot
// overflow the stack or make one request hold the (one-at-a-time) server.

/** No real questionnaire response comes near: one group level is two JSON levels. */
export const MAX_JSON_DEPTH = 100;

/**
 * Validating a resource costs about 30 µs per JSON object here, so this keeps one write under about 300 ms
 * (the largest questionnaire in the seed has 1,830 objects; a response to it about 500).
 */
export const MAX_JSON_OBJECTS = 10_000;

/**
 * Whether JSON text nests more than `maxDepth` objects/arrays inside each other ('depth') or holds more
 * than `maxObjects` objects ('objects'); brackets inside strings do not count.
 * @param {string} text
 * @returns {'depth' | 'objects' | undefined}
 */
export function jsonShapeProblem(text, maxDepth = MAX_JSON_DEPTH, maxObjects = MAX_JSON_OBJECTS) {
  let depth = 0;
  let objects = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return 'depth';
      if (c === 123 && ++objects > maxObjects) return 'objects';
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
