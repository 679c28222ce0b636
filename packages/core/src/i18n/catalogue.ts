/**
 * The machinery of the UI string catalogue, without any strings.
 *
 * The strings are split into sections, one module per component (`questionnaire.ts`, `answer-view.ts` …),
 * each with its Danish and English strings. A component imports only the sections it shows, so a host that
 * embeds only `<kpro-questionnaire>` does not download the answer view's or the plan assigner's strings.
 * Section objects are created with a pure call, so a bundler drops the sections nobody imports.
 */

/** Danish is the default language; English the second. */
export const DEFAULT_LANGUAGE = 'da';

/** Strings of one kind for any language. */
export interface Catalogue<T> {
  /** The strings for a language tag: exact, then its primary language, then Danish. */
  for(lang: string | undefined): T;
}

/** One section of the catalogue (one component's strings) that a host can add languages to. */
export interface Section<T> extends Catalogue<T> {
  readonly name: string;
  /** Adds or replaces this section's strings for a language (e.g. `questionnaireText.register('de', de)`). */
  register(lang: string, strings: T): void;
  /** The language tags this section has strings for, lower case. */
  languages(): string[];
}

const listeners = new Set<() => void>();
// Bumped on every registration so that composed catalogues know their cache is stale.
let version = 0;

/** Calls `fn` whenever a language is added or replaced in any section; returns the unsubscribe function. */
export function onTranslationsChanged(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A section with its built-in languages (Danish first). Pure: unused sections are tree-shaken. */
export function section<T>(name: string, builtIn: { da: T } & Record<string, T>): Section<T> {
  const byLang = new Map<string, T>(Object.entries(builtIn));
  return {
    name,
    for(lang) {
      const l = (lang || DEFAULT_LANGUAGE).toLowerCase();
      return byLang.get(l) ?? byLang.get(l.split('-')[0]!) ?? byLang.get(DEFAULT_LANGUAGE)!;
    },
    register(lang, strings) {
      byLang.set(lang.toLowerCase(), strings);
      version++;
      for (const fn of listeners) fn();
    },
    languages: () => [...byLang.keys()],
  };
}

/**
 * A catalogue that puts several sections under their names, e.g. `combine({ answerView: answerViewText,
 * triage: triageText })` gives `t.answerView.title` and `t.triage.colour.red`: the shape components used
 * when there was one catalogue, so their templates did not change with the split.
 */
export function combine<S extends Record<string, Catalogue<unknown>>>(
  sections: S,
): Catalogue<{ [K in keyof S]: S[K] extends Catalogue<infer T> ? T : never }> {
  type Out = { [K in keyof S]: S[K] extends Catalogue<infer T> ? T : never };
  return cached((lang) => {
    const out: Record<string, unknown> = {};
    for (const [key, s] of Object.entries(sections)) out[key] = s.for(lang);
    return out as Out;
  });
}

/**
 * A catalogue computed from others, built once per language (templates read `t` many times per render)
 * and rebuilt after a registration.
 */
export function cached<T>(build: (lang: string | undefined) => T): Catalogue<T> {
  const cache = new Map<string | undefined, T>();
  let seen = version;
  return {
    for(lang) {
      if (seen !== version) {
        cache.clear();
        seen = version;
      }
      let t = cache.get(lang);
      if (t === undefined) cache.set(lang, (t = build(lang)));
      return t;
    },
  };
}
