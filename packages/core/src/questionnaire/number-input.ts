/**
 * Parses a number typed by a person: accepts the locale's decimal separator (Danish "3,5") and a dot,
 * ignores grouping spaces. Returns NaN for anything else, so the UI can say what is wrong.
 */
export function parseTypedNumber(text: string, lang: string): number {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return NaN;
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const group = new Intl.NumberFormat(lang).formatToParts(12345).find((p) => p.type === 'group')?.value;
  let s = t;
  if (decimal === ',') {
    // "1.234,5" (grouped) or "3,5"; a lone dot is taken as a decimal point too ("3.5").
    if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  } else if (group) {
    s = s.split(group).join('');
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/** Shows a stored number the way the locale writes it, without grouping (so it can be typed back). */
export function formatTypedNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 20 }).format(n);
}
