import { compile } from 'html-to-text';
import { Parser } from 'htmlparser2';
import { htmlToText } from '@/lib/posts/content';
import type { ImportedPerson } from './types';

/** A date from a backup (ISO 8601 in Atom, RFC 822 in RSS); undefined when missing or invalid. */
export function parseDate(value: string | undefined): Date | undefined {
  if (!value?.trim() || value.startsWith('0000-00-00')) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Imported comments become plain text like every comment here: Blogger allowed <b>, <i> and <a>
 * in comments, and a link keeps its address in the text so nothing the writer said is lost.
 */
export function commentHtmlToText(html: string): string {
  return layOut(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * html-to-text walks the markup recursively and its parser shifts a whole array per element, so
 * elements nested thousands deep (no comment anyone wrote, but a backup can hold anything)
 * overflow the stack or take minutes. Such a comment keeps its words, as flat text.
 */
function layOut(html: string): string {
  return nestsDeeperThan(html, MAX_NESTING) ? htmlToText(html) : toText(html);
}

const MAX_NESTING = 256;
const tooDeep = new Error('nested too deep');

/** Whether elements nest deeper than `limit`, read by a parser that stops as soon as they do. */
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  const parser = new Parser({
    onopentag() {
      if (++depth > limit) throw tooDeep;
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.write(html);
    parser.end();
    return false;
  } catch (error) {
    if (error === tooDeep) return true;
    throw error;
  }
}

// Compiled once: building html-to-text's selector tables per comment was most of an import's time.
const toText = compile({
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'block' },
    ],
  });

// Blogger hides every address behind this one; it identifies nobody.
const PLACEHOLDER_EMAILS = new Set(['noreply@blogger.com', 'no-reply@blogger.com']);

export function cleanPerson(raw: { name?: string; email?: string; url?: string }): ImportedPerson {
  const name = (raw.name ?? '').replace(/\s+/g, ' ').trim().slice(0, 245) || 'Anonymous';
  const email = (raw.email ?? '').trim().toLowerCase();
  const url = (raw.url ?? '').trim();
  return {
    name,
    email: email && !PLACEHOLDER_EMAILS.has(email) && /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 100 ? email : undefined,
    url: /^https?:\/\/\S+$/i.test(url) && url.length <= 200 ? url : undefined,
  };
}
