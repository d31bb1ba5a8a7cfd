import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { MAX_SLUG_LENGTH, slugify } from './slug';

describe('slugify', () => {
  it('lower-cases and joins words with hyphens', () => {
    expect(slugify('Hello World')).toBe('hello-world');
  });

  it('folds accents to ASCII and drops apostrophes inside words', () => {
    expect(slugify('Crème fraîche, the baker’s way')).toBe('creme-fraiche-the-bakers-way');
  });

  it('collapses punctuation and trims it from both ends', () => {
    expect(slugify('  --Why? Because: tomatoes & beans!!  ')).toBe('why-because-tomatoes-beans');
  });

  it('cuts long titles at a word boundary within the limit', () => {
    const slug = slugify('An unreasonably long title about the many joys of the allotment in early spring');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('an-unreasonably-long-title-about-the');
  });

  it('cuts a single giant word rather than returning nothing', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });

  it('falls back to "post" when the title has no letters or digits', () => {
    expect(slugify('!!! ???')).toBe('post');
    expect(slugify('日本語のタイトル')).toBe('post');
  });
});

describe('on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    expect(slugify(input)).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});
