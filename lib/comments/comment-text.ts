/** A run of comment text: plain words, or a web address to show as a link. */
export type TextRun = { text: string; href?: string };

// Linear: an address runs to the next space or quote, and matches never overlap.
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']']);

/** Splits plain comment text into runs, turning web addresses into links (trailing punctuation stays text). */
export function linkify(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    // Trailing punctuation is counted from the end: /[.,;:!?)\]]+$/ rescanned each run of dots inside
    // an address, about 20 ms for every 4 KB comment on every render.
    let end = match[0].length;
    while (end > 0 && TRAILING.has(match[0][end - 1]!)) end--;
    const url = match[0].slice(0, end);
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    runs.push({ text: url, href: url.startsWith('www.') ? `https://${url}` : url });
    last = match.index + url.length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** Paragraphs of a comment: a blank line starts a new one. */
export function commentParagraphs(body: string): string[] {
  return body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}
