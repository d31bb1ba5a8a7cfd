/** Readers type whatever they like; only this much of it is searched. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

/** Markers FTS5's snippet() puts around matches; control characters never found in post text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/**
 * A reader's words as a safe FTS5 query: every word becomes a quoted prefix term, so
 * "tomat" finds "tomatoes", and quotes, operators or parentheses are plain text, never syntax.
 * Null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .slice(0, MAX_QUERY_LENGTH)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  return unique.map((word) => `"${word}"*`).join(' ');
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
