import type { QuestionnaireDef } from './definition.js';
import type { RichText } from './text.js';
import { renderMarkdown, sanitizeHtml } from '../security/sanitize.js';

/** Turns every rendering-xhtml / rendering-markdown text of a questionnaire into sanitised HTML. */
export async function prepareRichText(def: QuestionnaireDef): Promise<void> {
  if (!def.usesRichText) return;
  const texts: RichText[] = [];
  const add = (t: RichText | undefined) => {
    if (t && (t.xhtml !== undefined || t.markdown !== undefined) && t.html === undefined) texts.push(t);
  };
  add(def.title);
  add(def.description);
  for (const d of def.all) {
    add(d.text);
    add(d.help);
    for (const o of d.options) add(o.label);
  }
  await Promise.all(
    texts.map(async (t) => {
      t.html = t.xhtml !== undefined ? await sanitizeHtml(t.xhtml) : await renderMarkdown(t.markdown!);
    }),
  );
}
