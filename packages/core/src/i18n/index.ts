import da from './locales/da.js';
import en from './locales/en.js';
import type { Translation } from './translation.js';

export type { Translation, AppTranslation, LaunchFailure } from './translation.js';

const registry = new Map<string, Translation>([
  ['da', da],
  ['en', en],
]);

/** Danish is the default language; English the second. */
export const DEFAULT_LANGUAGE = 'da';

/** Adds or replaces a language at run time (see the localisation guide). */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) registry.set(t.$code.toLowerCase(), t);
  for (const fn of listeners) fn();
}

const listeners = new Set<() => void>();
export function onTranslationsChanged(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The translation for a language tag: exact, then its primary language, then Danish. */
export function translationFor(lang: string | undefined): Translation {
  const l = (lang || DEFAULT_LANGUAGE).toLowerCase();
  return registry.get(l) ?? registry.get(l.split('-')[0]!) ?? registry.get(DEFAULT_LANGUAGE)!;
}

export function availableLanguages(): string[] {
  return [...registry.keys()];
}

/** Formats with Intl for the language (numbers with Danish decimal comma, dates as the reader expects). */
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
