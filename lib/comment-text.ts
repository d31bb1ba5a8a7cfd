/** A run of comment text: plain words, or a web address to show as a link. */
export type TextRun = { text: string; href?: string };

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/** Splits plain comment text into runs, turning web addresses into links (trailing punctuation stays text). */
export function linkify(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    let url = match[0];
    const trail = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
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
