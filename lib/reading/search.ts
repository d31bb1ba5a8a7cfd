/** Readers type whatever they like; only this much of it is searched. */
export const MAX_QUERY_LENGTH = 200;
/**
 * Each word is one more prefix term to look up and intersect; a reader's question rarely needs
 * more than this many, so the rest are left out and named on the page.
 */
export const MAX_SEARCH_WORDS = 8;
/**
 * The index keeps two- and three-character prefixes (migration 0002: prefix = '2 3'), so "go"*
 * is a lookup, but a one-character prefix expands to every term starting with that letter:
 * a scan of the whole index, twice per search (hits and total). unicode61 splits "C#" and "C++"
 * to "c", so one letter is all a reader can mean by them; such a word is searched only on its
 * own, and then as a whole word, never as a prefix.
 */
export const MIN_WORD_LENGTH = 2;

/** Markers FTS5's snippet() puts around matches; control characters never found in post text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export type ParsedSearch = {
  /** The words searched, as typed (folded to lower case), once each. */
  words: string[];
  /** The FTS5 query for them, or null when no usable word is left (then nothing is run). */
  match: string | null;
  /** One-character words left out because longer words were there too. */
  tooShort: string[];
  /** Words left out past MAX_SEARCH_WORDS. */
  overLimit: string[];
};

/**
 * A reader's words as a safe FTS5 query: every word becomes a quoted prefix term, so
 * "tomat" finds "tomatoes", and quotes, operators or parentheses are plain text, never syntax.
 * Words that would make the query costly without narrowing it are left out, and named, so
 * the page can say what was not searched.
 */
export function parseSearch(input: string): ParsedSearch {
  const found = input
    .normalize('NFKC')
    .slice(0, MAX_QUERY_LENGTH)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  const unique = [...new Set(found ?? [])];
  const isShort = (word: string) => [...word].length < MIN_WORD_LENGTH;
  const long = unique.filter((word) => !isShort(word));
  const short = unique.filter(isShort);
  if (long.length === 0 && short.length === 1) {
    return { words: short, match: `"${short[0]}"`, tooShort: [], overLimit: [] };
  }
  const words = long.slice(0, MAX_SEARCH_WORDS);
  return {
    words,
    match: words.length ? words.map((word) => `"${word}"*`).join(' ') : null,
    tooShort: short,
    overLimit: long.slice(MAX_SEARCH_WORDS),
  };
}

/** The FTS5 query for a reader's words (see parseSearch), or null when nothing searchable is left. */
export function toFtsQuery(input: string): string | null {
  return parseSearch(input).match;
}

/**
 * A snippet split into plain and highlighted runs, for rendering without any HTML. Scanned for
 * the markers with indexOf: a regex from each start marker to its end marker rescans to the end
 * from every start marker that is never closed.
 */
export function splitHighlights(snippet: string): { text: string; match: boolean }[] {
  const runs: { text: string; match: boolean }[] = [];
  let last = 0;
  for (;;) {
    const start = snippet.indexOf(HIGHLIGHT_START, last);
    const end = start === -1 ? -1 : snippet.indexOf(HIGHLIGHT_END, start + 1);
    if (end === -1) break;
    if (start > last) runs.push({ text: snippet.slice(last, start), match: false });
    runs.push({ text: snippet.slice(start + 1, end), match: true });
    last = end + 1;
  }
  if (last < snippet.length) runs.push({ text: snippet.slice(last), match: false });
  return runs.map((r) => ({ ...r, text: r.text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '') }));
}
