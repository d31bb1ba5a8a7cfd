import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { HIGHLIGHT_END, HIGHLIGHT_START, MAX_SEARCH_WORDS, parseSearch, splitHighlights, toFtsQuery } from './search';

describe('toFtsQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(toFtsQuery('Tomat soup')).toBe('"tomat"* "soup"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(toFtsQuery('"beans" OR NOT (kale) AND title:x* NEAR/2 -y ^z')).toBe('"beans"* "or"* "not"* "kale"* "and"* "title"* "near"*');
  });

  it('keeps accented and non-Latin words, folding nothing away', () => {
    expect(toFtsQuery('Crème fraîche 日本')).toBe('"crème"* "fraîche"* "日本"*');
  });

  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('  "" ** () ')).toBeNull();
  });

  it('bounds very long input', () => {
    const query = toFtsQuery('word'.repeat(1000));
    expect(query!.length).toBeLessThan(250);
    expect(toFtsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('runs no query for one-letter words alone: each would be a prefix scan of the whole index', () => {
    expect(toFtsQuery('a b c d e f g h i j k l')).toBeNull();
    expect(toFtsQuery('x y')).toBeNull();
  });

  it('searches a lone one-letter word as a whole word, not a prefix', () => {
    expect(toFtsQuery('C#')).toBe('"c"');
    expect(toFtsQuery('R')).toBe('"r"');
  });
});

describe('parseSearch', () => {
  it('drops one-letter words beside longer ones, and says which', () => {
    expect(parseSearch('a go b tomato')).toEqual({
      words: ['go', 'tomato'],
      match: '"go"* "tomato"*',
      tooShort: ['a', 'b'],
      overLimit: [],
    });
  });

  it('keeps two-letter words, which the two-character prefix index answers', () => {
    expect(parseSearch('Go UI').match).toBe('"go"* "ui"*');
  });

  it(`searches at most ${MAX_SEARCH_WORDS} words and names the rest`, () => {
    const parsed = parseSearch('one two three four five six seven eight nine ten');
    expect(parsed.words).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']);
    expect(parsed.overLimit).toEqual(['nine', 'ten']);
    expect(parsed.match!.match(/\*/g)).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('counts characters, not UTF-16 units, in any script', () => {
    expect(parseSearch('日本 猫').tooShort).toEqual(['猫']);
    expect(parseSearch('𠀀 crème').tooShort).toEqual(['𠀀']);
    expect(parseSearch('𠀀𠀀 crème').tooShort).toEqual([]);
  });

  it('a repeated word is searched, counted and reported once', () => {
    expect(parseSearch('a a soup soup a')).toEqual({ words: ['soup'], match: '"soup"*', tooShort: ['a'], overLimit: [] });
  });

  it('leaves nothing to search when only one-letter words were typed, and still names them', () => {
    expect(parseSearch('a b c d e f g h i j k l')).toEqual({
      words: [],
      match: null,
      tooShort: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
      overLimit: [],
    });
    expect(parseSearch('"" ()')).toEqual({ words: [], match: null, tooShort: [], overLimit: [] });
  });
});

describe('splitHighlights', () => {
  it('splits a snippet into plain and matched runs', () => {
    expect(splitHighlights(`ripe ${HIGHLIGHT_START}tomatoes${HIGHLIGHT_END} today`)).toEqual([
      { text: 'ripe ', match: false },
      { text: 'tomatoes', match: true },
      { text: ' today', match: false },
    ]);
  });
});

describe('on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    expect(toFtsQuery(input) ?? '').not.toMatch(/[()^:]/);
    const runs = splitHighlights(input);
    expect(runs.map((r) => r.text).join('')).toBe(input.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, ''));
  });

  it('a start marker never closed', () => {
    const snippet = `a${HIGHLIGHT_START}b`.repeat(300_000);
    expect(splitHighlights(snippet)).toEqual([{ text: 'ab'.repeat(300_000), match: false }]);
  });
});
