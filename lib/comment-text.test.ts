import { describe, expect, it } from 'vitest';
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
