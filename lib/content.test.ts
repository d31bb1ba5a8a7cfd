import { describe, expect, it } from 'vitest';
import { htmlToText, makeExcerpt, normaliseNewlines, parseLabels, splitAtMore, toPostHtml } from './content';

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
