import { cached, DEFAULT_LANGUAGE, type Catalogue } from './catalogue.js';
import { questionnaireText } from './questionnaire.js';
import { appText } from './app.js';
import { triageText } from './triage.js';
import { answerViewText } from './answer-view.js';
import { actionGuideText } from './action-guide.js';
import { planAssignerText } from './plan-assigner.js';
import type { Translation } from './translation.js';

export type * from './translation.js';
export { DEFAULT_LANGUAGE, onTranslationsChanged, section, combine, cached, type Catalogue, type Section } from './catalogue.js';
export { questionnaireText, appText, triageText, answerViewText, actionGuideText, planAssignerText };
export { formatNumber, formatDate } from './format.js';

// Language names and directions of the built-in languages and of those added whole (registerTranslation).
const languageInfo = new Map<string, Pick<Translation, '$code' | '$name' | '$dir'>>([
  ['da', { $code: 'da', $name: 'Dansk', $dir: 'ltr' }],
  ['en', { $code: 'en', $name: 'English', $dir: 'ltr' }],
]);

/**
 * Every section in one language, in the shape of `Translation`. Importing this pulls in every
 * component's strings: components take only their own sections (`questionnaireText`, `combine(…)`).
 */
export const translation: Catalogue<Translation> = /* @__PURE__ */ cached((lang) => {
  const q = questionnaireText.for(lang);
  const l = (lang || DEFAULT_LANGUAGE).toLowerCase();
  const info = languageInfo.get(l) ?? languageInfo.get(l.split('-')[0]!) ?? languageInfo.get(DEFAULT_LANGUAGE)!;
  return {
    ...q,
    ...info,
    app: appText.for(lang),
    triage: triageText.for(lang),
    answerView: answerViewText.for(lang),
    actionGuide: actionGuideText.for(lang),
    planAssigner: planAssignerText.for(lang),
  };
});

/** Every section's strings for a language tag: exact, then its primary language, then Danish. */
export function translationFor(lang: string | undefined): Translation {
  return translation.for(lang);
}

/**
 * Adds or replaces whole languages at run time, every section at once. To add a language to one
 * component only, register its section: `questionnaireText.register('de', de)`.
 */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) {
    const { $code, $name, $dir, app, triage, answerView, actionGuide, planAssigner, ...questionnaire } = t;
    languageInfo.set($code.toLowerCase(), { $code, $name, $dir });
    questionnaireText.register($code, questionnaire);
    appText.register($code, app);
    triageText.register($code, triage);
    answerViewText.register($code, answerView);
    actionGuideText.register($code, actionGuide);
    planAssignerText.register($code, planAssigner);
  }
}

/** Languages every section has strings for (those `translationFor` gives completely). */
export function availableLanguages(): string[] {
  const others = [appText, triageText, answerViewText, actionGuideText, planAssignerText];
  return questionnaireText.languages().filter((l) => others.every((s) => s.languages().includes(l)));
}
