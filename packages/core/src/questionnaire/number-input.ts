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
    const i = s.indexOf(',');
    if (i >= 0) {
      const int = s.slice(0, i);
      if (!validGrouping(int, '.')) return NaN;
      s = `${int.replace(/\./g, '')}.${s.slice(i + 1)}`;
    }
  } else if (group) {
    // Grouping separators only in the integer part, in groups of three: "3,5" in English is not 35.
    const i = s.indexOf(decimal);
    const int = i < 0 ? s : s.slice(0, i);
    if (!validGrouping(int, group)) return NaN;
    s = int.split(group).join('') + (i < 0 ? '' : s.slice(i));
  }
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/** True when the integer part has no grouping, or groups of three after a first group of one to three digits. */
function validGrouping(int: string, sep: string): boolean {
  const parts = int.replace(/^[-+]/, '').split(sep);
  return parts.length === 1 || (/^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p)));
}

/** Shows a stored number the way the locale writes it, without grouping (so it can be typed back). */
export function formatTypedNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 20 }).format(n);
}
