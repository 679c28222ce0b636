/**
 * HTML from questionnaires and guides may only format text: no script, style, form, frame, object,
 * image or event attribute; links only http(s), opened in a new window without access to us.
 * DOMPurify and marked are loaded on first use, so forms without rich text never download them.
 */
type Purify = typeof import('dompurify').default;

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'start', 'reversed'];
const SAFE_URL = /^https?:\/\//i;

let purifier: Promise<Purify> | undefined;

function loadPurify(): Promise<Purify> {
  purifier ??= import('dompurify').then((m) => {
    const purify = ((m as { default?: Purify }).default ?? m) as Purify;
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
        else {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
    });
    return purify;
  });
  return purifier;
}

/** Sanitises HTML to formatting only. */
export async function sanitizeHtml(html: string): Promise<string> {
  const purify = await loadPurify();
  return sanitizeWith(purify, html);
}

function sanitizeWith(purify: Purify, html: string): string {
  return String(
    purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOWED_URI_REGEXP: SAFE_URL,
      ADD_ATTR: ['target', 'rel'],
      KEEP_CONTENT: true,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_TRUSTED_TYPE: false,
    }),
  );
}

let markdown: Promise<(md: string) => string> | undefined;

/** Renders markdown and sanitises the result (raw HTML inside markdown is sanitised too). */
export async function renderMarkdown(md: string): Promise<string> {
  markdown ??= import('marked').then((m) => (src: string) => m.marked.parse(src, { async: false, gfm: true, breaks: true }) as string);
  const [render, purify] = await Promise.all([markdown, loadPurify()]);
  return sanitizeWith(purify, render(md));
}

/** True if a URL may be offered as a link: http(s) only. */
export function isSafeUrl(url: string | undefined): boolean {
  return !!url && SAFE_URL.test(url.trim());
}
