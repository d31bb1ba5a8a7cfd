import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToText, makeExcerpt, normaliseNewlines, parseLabels, splitAtMore, toPostHtml } from './content';
import { readBackup } from '../import/read';
import { sanitizePostHtml } from './sanitize';

describe('toPostHtml', () => {
  it('turns plain text into paragraphs and line breaks, escaping markup characters', () => {
    expect(toPostHtml('First line\r\nsecond line\r\n\r\nA & B')).toBe('<p>First line<br />second line</p>\n<p>A &amp; B</p>');
  });

  it('keeps HTML as HTML, sanitised', () => {
    expect(toPostHtml('<p>Hi <b>there</b></p><script>x</script>')).toBe('<p>Hi <b>there</b></p>');
  });

  it('treats a lone less-than sign as text, not HTML', () => {
    expect(toPostHtml('3 < 4')).toBe('<p>3 &lt; 4</p>');
  });

  it('returns an empty string for whitespace', () => {
    expect(toPostHtml(' \r\n ')).toBe('');
  });
});

describe('excerpts', () => {
  it('strips tags and decodes entities', () => {
    expect(htmlToText('<p>Fish &amp; chips</p><p>two</p>')).toBe('Fish & chips two');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    const excerpt = makeExcerpt(`<p>${'word '.repeat(100)}</p>`, 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt).toMatch(/word…$/);
  });
});

describe('parseLabels', () => {
  it('splits on commas, trims, keeps case and drops exact duplicates', () => {
    expect(parseLabels(' Garden, Seed  Saving,garden,Garden ,, ')).toEqual(['Garden', 'Seed Saving', 'garden']);
  });
});

describe('normaliseNewlines', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseNewlines('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('the jump break', () => {
  it("accepts Blogger's marker and WordPress's <!--more-->, and splits the body there", () => {
    for (const marker of ["<a name='more'></a>", '<!--more-->', '<!-- more -->']) {
      const html = toPostHtml(`<p>Intro</p>${marker}<p>Rest</p>`);
      expect(splitAtMore(html)).toEqual({ intro: '<p>Intro</p>', hasMore: true });
    }
  });

  it('leaves a body without a break whole', () => {
    expect(splitAtMore('<p>All</p>')).toEqual({ intro: '<p>All</p>', hasMore: false });
  });
});

describe('same results as the regexes they replace, on everything the blog stores', () => {
  // The regex versions, kept here as the reference: quadratic on hostile input, right on clean HTML.
  const regexHtmlToText = (html: string) =>
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<(br|hr|\/(p|div|li|h\d|blockquote|td|th|tr|dt|dd|pre|figcaption|caption|section))[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  const regexPlainTextPost = (input: string) => {
    const text = normaliseNewlines(input).trim();
    if (!text || /<[a-z!/][^>]*>/i.test(text)) return null;
    return sanitizePostHtml(
      text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
        .join('\n'),
    );
  };

  const tag = fc.constantFrom('p', 'a', 'b', 'i', 'div', 'span', 'h1', 'h3', 'li', 'ul', 'ol', 'pre', 'code', 'blockquote', 'table', 'thead', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'picture', 'section', 'details', 'summary', 'br', 'hr', 'img', 'script', 'style', 'iframe', 'textarea', 'svg');
  const text = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('&amp;', '&lt;b&gt;', '&nbsp;', '&eacute;', '&#8217;', 'a & b', '3 < 4', '"q"', "it's", '<!--more-->', '\n\n', '  '));
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      text,
      fc
        .tuple(tag, fc.constantFrom('', ' id="x"', ' href="#y"', ' class="language-js"', ' name="more"'), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
        .map(([t, attr, kids, closed]) => `<${t}${attr}>${kids.join('')}${closed ? `</${t}>` : ''}`),
    ),
  }));
  const html = fc.array(node, { maxLength: 6 }).map((parts) => parts.join(''));

  it('htmlToText on cleaned random HTML', () => {
    fc.assert(
      fc.property(html, (input) => {
        const clean = sanitizePostHtml(input);
        expect(htmlToText(clean)).toBe(regexHtmlToText(clean));
      }),
      { numRuns: 3000 },
    );
  });

  it('toPostHtml on random plain text', () => {
    const plain = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\n\n', ' ', '&', '<', '>', '"', "'", '&amp;', 'é', '\u00a0')), { maxLength: 12 });
    fc.assert(
      fc.property(plain, (parts) => {
        const input = parts.join('');
        const reference = regexPlainTextPost(input);
        if (reference !== null) expect(toPostHtml(input)).toBe(reference);
      }),
      { numRuns: 3000 },
    );
  });

  const fixtures = path.resolve(process.cwd(), '../shared/fixtures');
  it.skipIf(!existsSync(path.join(fixtures, 'pelican-bloggerexport.xml')))(
    'htmlToText on every post of the real exports and the XSS corpus, cleaned (skipped: ../shared/fixtures not present)',
    async () => {
      const bodies: string[] = [];
      for (const name of ['pelican-bloggerexport.xml', 'pelican-wordpressexport.wxr.xml', 'blot-export.atom']) {
        const backup = await readBackup((async function* () { yield readFileSync(path.join(fixtures, name), 'utf8'); })());
        for await (const item of backup.items) if (item.kind === 'post') bodies.push(item.html);
      }
      const corpus = path.join(fixtures, 'xss-payloads.txt');
      for (const line of readFileSync(corpus, 'utf8').split('\n')) if (/^\d+\t/.test(line)) bodies.push(JSON.parse(line.split('\t')[3]!) as string);
      expect(bodies.length).toBeGreaterThan(60);
      for (const body of bodies) {
        const clean = sanitizePostHtml(body);
        expect(htmlToText(clean), clean).toBe(regexHtmlToText(clean));
      }
    },
  );
});
