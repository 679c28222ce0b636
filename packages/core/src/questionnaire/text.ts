import type { Element } from '../fhir/types.js';
import { EXT, findExtension, findExtensions } from '../fhir/extensions.js';

/** A piece of questionnaire text with its rich renderings and translations, resolved per language later. */
export interface RichText {
  plain: string;
  /** rendering-xhtml source (unsafe until sanitised). */
  xhtml?: string;
  /** rendering-markdown source. */
  markdown?: string;
  /** Sanitised HTML made from xhtml or markdown by `prepareRichText`; the only HTML we ever render. */
  html?: string;
  /** Translations keyed by language code (translation extension). */
  translations?: Record<string, string>;
}

export function readText(value: string | undefined, ext: Element | undefined): RichText | undefined {
  if (!ext) return value === undefined ? undefined : { plain: value };
  const t: RichText = { plain: value ?? '' };
  const xhtml = findExtension(ext, EXT.renderingXhtml)?.valueString;
  if (xhtml) t.xhtml = xhtml;
  const md = findExtension(ext, EXT.renderingMarkdown)?.valueMarkdown ?? findExtension(ext, EXT.renderingMarkdown)?.valueString;
  if (md) t.markdown = md;
  for (const tr of findExtensions(ext, EXT.translation)) {
    const lang = findExtension(tr, 'lang')?.valueCode;
    const content = findExtension(tr, 'content')?.valueString ?? findExtension(tr, 'content')?.valueMarkdown;
    if (lang && content !== undefined) (t.translations ??= {})[lang.toLowerCase()] = content;
  }
  return t;
}

/**
 * The plain text to show for a language: a translation when the questionnaire has one for it,
 * otherwise the questionnaire's own text.
 */
export function textFor(t: RichText | undefined, lang: string | undefined, baseLang?: string): string {
  if (!t) return '';
  const tr = textTranslation(t, lang, baseLang);
  return tr ?? t.plain;
}

/** A translation for `lang` if one exists and the questionnaire's own language is not already `lang`. */
export function textTranslation(t: RichText, lang: string | undefined, baseLang?: string): string | undefined {
  if (!lang || !t.translations) return undefined;
  const l = lang.toLowerCase();
  const primary = l.split('-')[0];
  if (baseLang && baseLang.toLowerCase().split('-')[0] === primary) return undefined;
  if (t.translations[l] !== undefined) return t.translations[l];
  if (t.translations[primary] !== undefined) return t.translations[primary];
  const key = Object.keys(t.translations).find((k) => k.split('-')[0] === primary);
  return key ? t.translations[key] : undefined;
}

/** Rich HTML for a language, only when no translation replaces the base text. */
export function htmlFor(t: RichText | undefined, lang: string | undefined, baseLang?: string): string | undefined {
  if (!t?.html) return undefined;
  return textTranslation(t, lang, baseLang) === undefined ? t.html : undefined;
}

export function needsRichText(t: RichText | undefined): boolean {
  return !!t && (t.xhtml !== undefined || t.markdown !== undefined);
}

/** A Questionnaire's title in a language (its translation where it has one), else its name or id. */
export function questionnaireTitle(q: Pick<fhir4.Questionnaire, 'title' | '_title' | 'name' | 'id' | 'language'>, lang: string | undefined): string {
  return textFor(readText(q.title, q._title), lang, q.language) || q.name || q.id || '';
}
