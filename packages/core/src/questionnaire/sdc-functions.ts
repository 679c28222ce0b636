/**
 * FHIRPath functions that the SDC IG defines on top of FHIRPath and that the `fhirpath` package does not
 * have. HL7's own SDC PHQ-9 example computes its score with `%resource.answers().value.ordinal().sum()`;
 * without `answers()` the whole questionnaire would be refused as unreadable.
 *
 * They are written out as plain FHIRPath before compiling, so the result keeps its FHIR types (an
 * answer's `value` stays a Coding that `ordinal()` can score), which a JavaScript function could not do.
 */

/** `answers()`: every answer under the response or item it is called on, nested answers included. */
const ANSWERS = 'repeat(item | answer.item).answer';

/** Rewrites SDC functions into FHIRPath; text inside string literals and quoted names is left alone. */
export function withSdcFunctions(expression: string): string {
  if (!expression.includes('answers(')) return expression;
  let out = '';
  for (let i = 0; i < expression.length; ) {
    const c = expression[i]!;
    if (c === "'" || c === '`' || c === '"') {
      const end = literalEnd(expression, i);
      out += expression.slice(i, end);
      i = end;
      continue;
    }
    const m = /^answers\(\s*\)/.exec(expression.slice(i));
    // Only the function itself: not `myanswers()` or `%answers` (a variable that happens to be called so).
    if (m && !/[\w%$]/.test(expression[i - 1] ?? '')) {
      out += ANSWERS;
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Index just past the literal or quoted identifier starting at `start` (backslash escapes skipped). */
function literalEnd(s: string, start: number): number {
  const quote = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i + 1;
  }
  return s.length;
}
