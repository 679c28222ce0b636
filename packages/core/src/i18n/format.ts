// Formats with Intl for the language (numbers with Danish decimal comma, dates as the reader expects).
// Building an Intl formatter costs far more than using one: keep one per language and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, lang: string, opts?: Intl.NumberFormatOptions): string {
  const key = `${lang}|${opts ? JSON.stringify(opts) : ''}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang, opts)));
  return f.format(n);
}

export function formatDate(iso: string, lang: string, withTime = false): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const key = `${lang}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })));
  return f.format(d);
}
