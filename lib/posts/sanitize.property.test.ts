import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitizePostHtml } from './sanitize';

// Random HTML from the pieces attacks are made of: allowed and forbidden tags, event handlers,
// URL attributes with hostile schemes hidden behind spaces, entities and case, broken nesting.
const tagName = fc.constantFrom(
  'p', 'a', 'img', 'div', 'span', 'h1', 'h2', 'pre', 'code', 'blockquote', 'q', 'table', 'td', 'source', 'picture',
  'script', 'style', 'iframe', 'svg', 'math', 'form', 'input', 'object', 'textarea', 'noscript', 'template', 'xmp', 'title',
  'SCRIPT', 'ScRiPt', 'option', 'select',
);
const scheme = fc.constantFrom(
  'javascript:', 'JaVaScRiPt:', 'vbscript:', 'data:text/html;base64,PHNjcmlwdD4=', 'data:image/png;base64,iVBORw0KGgo=',
  'data:image/svg+xml;base64,PHN2Zz4=', 'https://example.org/', 'http://x/', '//evil.example/', 'mailto:a@b.c', '/local', '#frag',
  'java\tscript:', 'java&#x0A;script:', '&#106;avascript:', '\u2028javascript:', ' javascript:', '\u0001javascript:',
);
const url = fc.tuple(scheme, fc.constantFrom('', 'alert(1)', 'a.png', 'x?y=1&z=2', '"><script>alert(1)</script>')).map(([s, r]) => s + r);
const attrName = fc.constantFrom(
  'href', 'src', 'srcset', 'cite', 'title', 'alt', 'id', 'class', 'style', 'rel', 'name', 'lang',
  'onclick', 'onerror', 'onload', 'ONMOUSEOVER', 'onfocus', 'formaction', 'xlink:href', 'action', 'width', 'colspan',
);
const attrValue = fc.oneof(
  url,
  fc.constantFrom('more', 'user-content-x', 'comments', 'c123', '#user-content-x', '#more', '#top', 'getElementById'),
  fc.constantFrom('language-ts', 'alert(1)', 'x', '1', 'color:red', 'expression(alert(1))', "'", '"', '`', '<', '>'),
  fc.string({ maxLength: 8 }),
);
const quote = fc.constantFrom('"', "'", '');
const attribute = fc
  .tuple(attrName, attrValue, quote)
  .map(([name, value, q]) => (q ? ` ${name}=${q}${value.replaceAll(q, '')}${q}` : ` ${name}=${value.replace(/[\s>"'`=<]/g, '')}`));
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('&lt;script&gt;', '&amp;', '<!--more-->', '<a name="more"></a>', '<a href="#more">', '<a href="#x">', '<!-- x -->', '<![CDATA[x]]>', '&#60;', '<', '>', '"', 'a & b'),
);

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(tagName, fc.array(attribute, { maxLength: 4 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
      // Sometimes the closing tag is missing, so the parser's error recovery is exercised too.
      .map(([tag, attrs, children, closed]) => `<${tag}${attrs.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
}));
const html = fc.array(node, { maxLength: 6 }).map((parts) => parts.join(''));

const dangerous = [
  /<script[\s>/]/i, /<\/script/i, /<[^>]*\son[a-z]+\s*=/i, /<[^>]*\s(href|src|srcset|cite|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i,
  // Script-like text in an id or title, or escaped as text, is inert: only tags and URL attributes are checked.
  /<[^>]*\sstyle\s*=/i,
];

describe('sanitizePostHtml on random HTML', () => {
  it('changes nothing when run a second time (idempotence)', () => {
    fc.assert(
      fc.property(html, (input) => {
        const once = sanitizePostHtml(input);
        expect(sanitizePostHtml(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets a script, event handler or script URL through', () => {
    fc.assert(
      fc.property(html, (input) => {
        const clean = sanitizePostHtml(input);
        for (const pattern of dangerous) expect(clean).not.toMatch(pattern);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves no id or name outside the user-content- namespace but the empty jump break, and no in-page link pointing out of it', () => {
    fc.assert(
      fc.property(html, (input) => {
        const clean = sanitizePostHtml(input);
        let inJumpBreak = false;
        const parser = new Parser({
          onopentag(tag, attribs) {
            expect(inJumpBreak, clean).toBe(false);
            if (attribs.id) expect(attribs.id).toMatch(/^user-content-/);
            if (tag === 'a' && attribs.name?.toLowerCase() === 'more') {
              expect(Object.keys(attribs), clean).toEqual(['name']);
              inJumpBreak = true;
            } else if (attribs.name) expect(attribs.name).toMatch(/^user-content-/);
            if (attribs.href?.startsWith('#') && attribs.href.length > 1) expect(attribs.href).toMatch(/^#(user-content-|more$|top$)/i);
          },
          ontext(text) {
            if (inJumpBreak) expect(text.trim(), clean).toBe('');
          },
          onclosetag() {
            inJumpBreak = false;
          },
        });
        parser.write(clean);
        parser.end();
      }),
      { numRuns: 3000 },
    );
  });
});
