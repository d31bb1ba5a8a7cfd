import { sanitizePostHtml, textOfHtml } from './sanitize';

/** Blogger's jump break: what comes before it is shown on the home page with "Read more". */
export const MORE_MARKER = '<a name="more"></a>';

/** The part of a body before the jump break, and whether there was one. */
export function splitAtMore(html: string): { intro: string; hasMore: boolean } {
  // Linear however the body looks: every try starts at the literal `<a name=`, and the runs of
  // spaces it scans from different starts never overlap.
  const at = html.search(/<a name=["']more["']\s*>\s*<\/a>/i);
  if (at === -1) return { intro: html, hasMore: false };
  return { intro: html.slice(0, at).trim(), hasMore: true };
}

/** Browsers submit textareas with CRLF; everything stored uses LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/**
 * A post body as authors type it: HTML is kept (then sanitised); plain text without any tag
 * becomes paragraphs, a blank line between them and a single newline as a line break.
 */
export function toPostHtml(input: string): string {
  const text = normaliseNewlines(input).trim().replace(/<!--\s*more\s*-->/gi, MORE_MARKER);
  if (!text) return '';
  if (hasTag(text)) return sanitizePostHtml(text);
  // Built in the form the sanitiser writes (only & < > escaped, <br />), so its one pass finds
  // nothing to change: a 2 MB paragraph of "<" is not cleaned twice.
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.trim().replace(/[&<>]/g, (c) => escapes[c] ?? c).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
  return sanitizePostHtml(paragraphs);
}

/**
 * Whether the text holds a tag: `<` then a letter, `!` or `/`, with a `>` somewhere after. The
 * regex for it (`<[a-z!/][^>]*>`) rescans to the end from every `<` that is never closed, which
 * held the server for minutes on a body of repeated `<a`; only the first opener needs checking,
 * since a `>` after any later one is also after it.
 */
function hasTag(text: string): boolean {
  const open = text.search(/<[a-z!/]/i);
  return open !== -1 && text.indexOf('>', open + 2) !== -1;
}

/**
 * Plain text of an HTML body, whitespace collapsed: for excerpts, search and emptiness checks.
 * One pass of htmlparser2's tokenizer (lib/posts/sanitize.ts), where the regexes it replaces took
 * minutes on a body of tags that never close.
 */
export function htmlToText(html: string): string {
  return textOfHtml(html);
}

/** The first words of a body, cut at a word boundary, for listings and meta descriptions. */
export function makeExcerpt(html: string, maxLength = 280): string {
  const text = htmlToText(html);
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** Labels as typed in the editor: comma-separated, trimmed, exact case kept, duplicates dropped. */
export function parseLabels(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of normaliseNewlines(input).split(/[,\n]/)) {
    const label = raw.replace(/\s+/g, ' ').trim();
    if (label) seen.add(label);
  }
  return [...seen];
}
