import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { commentParagraphs, linkify } from './comment-text';

describe('linkify', () => {
  it('turns web addresses into links and leaves trailing punctuation as text', () => {
    expect(linkify('See https://example.org/a?b=1, or www.example.com.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: ', or ' },
      { text: 'www.example.com', href: 'https://www.example.com' },
      { text: '.' },
    ]);
  });

  it('never links javascript: or other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual([{ text: 'javascript:alert(1) data:text/html,x' }]);
  });
});

describe('commentParagraphs', () => {
  it('splits on blank lines', () => {
    expect(commentParagraphs('one\ntwo\n\n\nthree')).toEqual(['one\ntwo', 'three']);
  });
});

describe('on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    // Nothing a reader wrote is lost: the runs put back together are the text.
    expect(linkify(input).map((run) => run.text).join('')).toBe(input);
    expect(commentParagraphs(input).every((p) => p === p.trim())).toBe(true);
  });

  it('renders a page of 1,000 worst-case 4 KB comments', () => {
    const worst = [`http://x${'.'.repeat(4088)}a`, `http://x${')'.repeat(4088)}a`, `www.x${'!'.repeat(4088)}a`];
    for (let i = 0; i < 1000; i++) {
      const body = worst[i % worst.length]!;
      const runs = commentParagraphs(body).flatMap((p) => linkify(p));
      expect(runs[0]!.href).toBeDefined();
    }
  });
});
