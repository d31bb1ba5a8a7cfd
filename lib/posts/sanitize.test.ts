import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { splitAtMore } from './content';
import { sanitizePostHtml } from './sanitize';

describe('sanitizePostHtml', () => {
  it('keeps the formatting a post needs', () => {
    const html =
      '<h2>Title</h2><p><strong>b</strong> <em>i</em> <a href="https://example.org/x">link</a></p>' +
      '<blockquote><p>q</p></blockquote><ul><li>one</li></ul><pre><code class="language-ts">x</code></pre>' +
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
      '<img src="https://example.org/a.jpg" alt="A photo">';
    const clean = sanitizePostHtml(html);
    for (const fragment of ['<h2>Title</h2>', '<strong>b</strong>', '<blockquote>', '<li>one</li>', 'class="language-ts"', '<td>1</td>', 'alt="A photo"']) {
      expect(clean).toContain(fragment);
    }
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const clean = sanitizePostHtml(
      '<p onclick="alert(1)">hi</p><script>alert(2)</script><a href="javascript:alert(3)">x</a><img src=x onerror=alert(4)>',
    );
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(clean).toContain('<p>hi</p>');
  });

  it('sees through Unicode spaces hiding a javascript: scheme', () => {
    for (const space of ['\u2028', '\u2000', '\u3000', '\u200b', '\u0001', ' ']) {
      expect(sanitizePostHtml(`<a href="${space}javascript:alert(1)">x</a>`)).toBe('<a>x</a>');
    }
  });

  it('drops styles, iframes and forms', () => {
    const clean = sanitizePostHtml('<style>body{}</style><iframe src="https://evil"></iframe><form><input></form><p style="color:red">x</p>');
    expect(clean).toBe('<p>x</p>');
  });

  it('turns an h1 in the body into an h2, since the page has its own h1', () => {
    expect(sanitizePostHtml('<h1>Big</h1>')).toBe('<h2>Big</h2>');
  });

  it('allows raster data: images but not SVG or HTML data URLs', () => {
    expect(sanitizePostHtml('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">')).toContain('data:image/png');
    expect(sanitizePostHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">')).toBe('');
    expect(sanitizePostHtml('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).toBe('<a>x</a>');
  });

  it('is stable when a dropped element leaves cells nested (found by the property test)', () => {
    const once = sanitizePostHtml('<td><iframe><td>');
    expect(sanitizePostHtml(once)).toBe(once);
  });

  it('marks external links noopener', () => {
    expect(sanitizePostHtml('<a href="https://example.org">x</a>')).toBe('<a href="https://example.org" rel="noopener">x</a>');
  });
});

describe('sanitizePostHtml on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostileMarkup(), ...hostilePlainText() }))('%s', (_, input) => {
    expect(sanitizePostHtml(input)).not.toMatch(/<script|javascript:/i);
  });

  it('keeps nesting 256 deep, and only the text of anything deeper', () => {
    const nested = (depth: number) => `${'<div>'.repeat(depth)}<b>deep &amp; down</b>${'</div>'.repeat(depth)}<p>after</p>`;
    expect(sanitizePostHtml(nested(255))).toBe(nested(255));
    expect(sanitizePostHtml(nested(300))).toBe('deep &amp; down after');
    expect(sanitizePostHtml(sanitizePostHtml(nested(300)))).toBe('deep &amp; down after');
  });
});

/** Every id and name in cleaned HTML, as a browser would read them. */
function anchorsIn(html: string): { tag: string; attr: 'id' | 'name'; value: string }[] {
  const found: { tag: string; attr: 'id' | 'name'; value: string }[] = [];
  const parser = new Parser({
    onopentag(tag, attribs) {
      if (attribs.id !== undefined) found.push({ tag, attr: 'id', value: attribs.id });
      if (attribs.name !== undefined) found.push({ tag, attr: 'name', value: attribs.name });
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

describe('DOM clobbering: ids and names from a post live in their own namespace (as on GitHub)', () => {
  it("cannot take over the page's anchors or globals", () => {
    const clean = sanitizePostHtml(
      '<div id="comments"><p id="c123">fake comment</p><a id="comment-form" name="more" href="/x">more</a></div>' +
        '<img id="getElementById" name="getElementById" src="https://example.org/a.png" alt="">' +
        '<form id="f" name="location"><input name="submit"></form><span id="more">x</span><h2 id="__next_data__">t</h2>',
    );
    expect(anchorsIn(clean)).toEqual([
      { tag: 'div', attr: 'id', value: 'user-content-comments' },
      { tag: 'p', attr: 'id', value: 'user-content-c123' },
      { tag: 'a', attr: 'id', value: 'user-content-comment-form' },
      { tag: 'a', attr: 'name', value: 'user-content-more' },
      { tag: 'img', attr: 'id', value: 'user-content-getElementById' },
      { tag: 'span', attr: 'id', value: 'user-content-more' },
      { tag: 'h2', attr: 'id', value: 'user-content-__next_data__' },
    ]);
  });

  it("rewrites the post's own in-page links to match, so footnotes and contents lists still work", () => {
    const clean = sanitizePostHtml(
      '<ol><li><a href="#intro">Intro</a></li></ol><h2 id="intro">Intro</h2><p>Text<sup><a href="#fn1" id="ref1">1</a></sup></p>' +
        '<p id="fn1"><a href="#ref1">↩</a> <a name="note">n</a><a href="#note">see</a></p>',
    );
    expect(clean).toBe(
      '<ol><li><a href="#user-content-intro">Intro</a></li></ol><h2 id="user-content-intro">Intro</h2>' +
        '<p>Text<sup><a href="#user-content-fn1" id="user-content-ref1">1</a></sup></p>' +
        '<p id="user-content-fn1"><a href="#user-content-ref1">↩</a> <a name="user-content-note">n</a><a href="#user-content-note">see</a></p>',
    );
  });

  it('leaves other links alone, and #top (the top of the page) and #more (the jump break) unprefixed', () => {
    const clean = sanitizePostHtml('<a href="/2020/01/x.html#part">a</a><a href="https://example.org/#x">b</a><a href="#">c</a><a href="#top">d</a><a href="#more">e</a>');
    expect(clean).toBe(
      '<a href="/2020/01/x.html#part">a</a><a href="https://example.org/#x" rel="noopener">b</a><a href="#">c</a><a href="#top">d</a><a href="#more">e</a>',
    );
  });

  it("keeps Blogger's jump break as it is, so splitAtMore finds it and post.html#more lands on it", () => {
    for (const marker of ['<a name="more"></a>', "<a name='more'></a>", '<a name="more"> </a>', '<A NAME="more"></A>']) {
      const clean = sanitizePostHtml(`<p>Intro</p>${marker}<p>Rest</p>`);
      expect(anchorsIn(clean), marker).toEqual([{ tag: 'a', attr: 'name', value: 'more' }]);
      expect(splitAtMore(clean)).toEqual({ intro: '<p>Intro</p>', hasMore: true });
    }
    expect(sanitizePostHtml('<p>Intro<a name="more"></a>Rest</p>')).toBe('<p>Intro<a name="more"></a>Rest</p>');
  });

  it('prefixes anything else called "more", so only the jump break answers #more', () => {
    const clean = sanitizePostHtml(
      '<a name="more">Read on</a><a name="more" href="/x"></a><a name="more" id="more"></a><a name="more" title="t"></a><p id="more"></p><a name="more"></a>',
    );
    expect(anchorsIn(clean).filter((a) => a.value === 'more')).toEqual([{ tag: 'a', attr: 'name', value: 'more' }]);
    expect(clean.endsWith('<a name="more"></a>')).toBe(true);
  });

  it('is idempotent: cleaning again never prefixes twice', () => {
    const once = sanitizePostHtml('<p id="x"><a name="y" href="#y">1</a><a name="more">2</a><a name="more"></a><a href="#more">3</a></p>');
    expect(once).not.toContain('user-content-user-content-');
    expect(sanitizePostHtml(once)).toBe(once);
    expect(sanitizePostHtml('<p id="user-content-x"><a href="#user-content-x">x</a></p>')).toBe('<p id="user-content-x"><a href="#user-content-x">x</a></p>');
  });
});

// Real-world payloads (DOMPurify, OWASP, PayloadsAllTheThings, WordPress kses), read from the shared fixtures.
const corpus = path.resolve(process.cwd(), '../shared/fixtures/xss-payloads.txt');
const forbidden = [
  /<script[\s>/]/i,
  /<\/script/i,
  /<[^>]*\son[a-z]+\s*=/i,
  /=\s*["']?\s*javascript:/i,
  /=\s*["']?\s*vbscript:/i,
  /=\s*["']?\s*data:text\/html/i,
  /<(iframe|object|embed|style|svg|math|form|input|base|meta|link)[\s>/]/i,
];

describe.skipIf(!existsSync(corpus))('sanitizePostHtml against the XSS corpus (skipped: ../shared/fixtures not present)', () => {
  const payloads = existsSync(corpus)
    ? readFileSync(corpus, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => {
          const [id, category, , payload] = line.split('\t');
          return { id: id!, category: category!, payload: JSON.parse(payload!) as string };
        })
    : [];

  it('has the payloads it expects to test', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
  });

  it.each(payloads)('neutralises payload $id ($category)', ({ payload }) => {
    const clean = sanitizePostHtml(payload);
    for (const pattern of forbidden) expect(clean).not.toMatch(pattern);
    expect(sanitizePostHtml(clean)).toBe(clean);
  });
});
