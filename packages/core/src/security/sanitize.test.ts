import { expect } from '@open-wc/testing';
import { isSafeUrl, renderMarkdown, sanitizeHtml } from './sanitize.js';

/** Parses sanitised HTML in an inert template, so assertions look at the DOM rather than at strings. */
function parse(html: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
}

function allAttributes(frag: DocumentFragment): string[] {
  return [...frag.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
}

describe('sanitizeHtml', () => {
  it('keeps formatting', async () => {
    const out = await sanitizeHtml('<p>Hello <b>bold</b> <em>em</em></p><ul><li>one</li></ul>');
    expect(out).to.equal('<p>Hello <b>bold</b> <em>em</em></p><ul><li>one</li></ul>');
  });

  const removed: Array<[string, string, string]> = [
    ['script', '<p>a</p><script>window.__pwned = 1</script>', 'script'],
    ['style', '<style>body { display: none }</style><p>a</p>', 'style'],
    ['iframe', '<iframe src="https://evil.example"></iframe><p>a</p>', 'iframe'],
    ['form', '<form action="https://evil.example"><input name="cpr"><button>Send</button></form>', 'form, input, button'],
    ['object', '<object data="x.swf"></object><embed src="x.swf">', 'object, embed'],
    ['img', '<img src="https://tracker.example/pixel.gif">', 'img'],
    ['svg', '<svg><script>alert(1)</script></svg>', 'svg, script'],
    ['link/meta', '<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0">', 'link, meta'],
  ];
  for (const [name, html, selector] of removed) {
    it(`removes ${name}`, async () => {
      const out = await sanitizeHtml(html);
      expect(parse(out).querySelector(selector), out).to.equal(null);
    });
  }

  it('drops the text inside script and style, keeps the text of other removed tags', async () => {
    const out = await sanitizeHtml('<script>secret()</script><style>.x{}</style><form>Form text</form>');
    expect(out).to.not.contain('secret');
    expect(out).to.not.contain('.x{}');
    expect(out).to.contain('Form text');
  });

  it('removes event handler and style attributes', async () => {
    const out = await sanitizeHtml('<p onclick="alert(1)" style="color:red" onmouseover="x()">a</p><b onload="y()">b</b>');
    const attrs = allAttributes(parse(out));
    expect(attrs.filter((a) => a.startsWith('on') || a === 'style')).to.deep.equal([]);
    expect(parse(out).textContent).to.equal('ab');
  });

  it('removes javascript:, data: and relative links but keeps the link text', async () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative', 'mailto:a@b.dk']) {
      const out = await sanitizeHtml(`<a href="${href}">click</a>`);
      const a = parse(out).querySelector('a');
      expect(a?.hasAttribute('href'), href).to.not.equal(true);
      expect(parse(out).textContent).to.equal('click');
    }
  });

  it('opens http(s) links in a new window without opener or referrer', async () => {
    for (const href of ['https://sundhed.dk/', 'http://example.org/x']) {
      const a = parse(await sanitizeHtml(`<a href="${href}" target="_self" rel="opener">x</a>`)).querySelector('a')!;
      expect(a.getAttribute('href')).to.equal(href);
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  });
});

describe('renderMarkdown', () => {
  it('renders markdown to HTML', async () => {
    const frag = parse(await renderMarkdown('Some **bold** and _em_\n\n- one\n- two'));
    expect(frag.querySelector('strong')!.textContent).to.equal('bold');
    expect(frag.querySelector('em')!.textContent).to.equal('em');
    expect(frag.querySelectorAll('li')).to.have.length(2);
  });

  it('sanitises HTML written inside markdown and unsafe links', async () => {
    const out = await renderMarkdown('Hi <script>window.__pwned=1</script><img src=x onerror="alert(1)"> [bad](javascript:alert(1)) [good](https://example.org)');
    const frag = parse(out);
    expect(frag.querySelector('script, img')).to.equal(null);
    const links = [...frag.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://example.org']);
    expect(links[1]!.getAttribute('target')).to.equal('_blank');
    expect(links[1]!.getAttribute('rel')).to.equal('noopener noreferrer');
  });
});

describe('isSafeUrl', () => {
  it('allows http(s) only', () => {
    expect(isSafeUrl('https://a.dk')).to.equal(true);
    expect(isSafeUrl(' http://a.dk')).to.equal(true);
    expect(isSafeUrl('javascript:alert(1)')).to.equal(false);
    expect(isSafeUrl('ftp://a.dk')).to.equal(false);
    expect(isSafeUrl(undefined)).to.equal(false);
  });
});
