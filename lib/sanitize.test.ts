import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
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
