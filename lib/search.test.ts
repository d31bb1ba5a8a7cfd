import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights, toFtsQuery } from './search';

describe('toFtsQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(toFtsQuery('Tomat soup')).toBe('"tomat"* "soup"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(toFtsQuery('"beans" OR NOT (kale) AND title:x* NEAR/2 -y ^z')).toBe(
      '"beans"* "or"* "not"* "kale"* "and"* "title"* "x"* "near"* "2"* "y"* "z"*',
    );
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
    expect(toFtsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))!.split(' ')).toHaveLength(12);
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
