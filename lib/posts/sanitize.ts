import { Tokenizer } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const allowedAttributes: Record<string, string[]> = {
  a: ['href', 'title', 'name', 'id', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
  source: ['srcset', 'sizes', 'media', 'type'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  abbr: ['title'],
  q: ['cite'],
  blockquote: ['cite'],
  code: ['class'],
  pre: ['class'],
  '*': ['id', 'lang', 'dir'],
};

/**
 * The one place untrusted HTML is cleaned: post and page bodies, imported HTML and the
 * Header Ads slot all pass through here before they are stored. Anything not on the allowlist
 * is dropped; scripts, event handlers, styles and javascript: URLs never survive.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
    'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr', 'cite', 'q',
    'blockquote', 'pre', 'code', 'kbd', 'samp',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'img', 'figure', 'figcaption', 'picture', 'source',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
    'div', 'span', 'section', 'details', 'summary',
  ],
  allowedAttributes,
  // Only language hints on code blocks (for highlighting); no other classes reach the page.
  allowedClasses: { code: ['language-*'], pre: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page already has an <h1>: a body's <h1> becomes <h2>.
    h1: 'h2',
    a: (tagName, attribs) => {
      const clean = trimUrlAttributes(attribs);
      if (clean.name !== undefined && !isJumpBreak(clean)) clean.name = namespaced(clean.name);
      if (clean.href !== undefined) clean.href = inPageLink(clean.href);
      const rel = new Set((clean.rel ?? '').split(/\s+/).filter(Boolean));
      if (clean.href && /^(https?:)?\/\//i.test(clean.href)) rel.add('noopener');
      return { tagName, attribs: rel.size ? { ...clean, rel: [...rel].join(' ') } : clean };
    },
    img: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    source: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    blockquote: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    q: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    // Runs after the tag's own transform above.
    '*': (tagName, attribs) => (attribs.id === undefined ? { tagName, attribs } : { tagName, attribs: { ...attribs, id: namespaced(attribs.id) } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSrc(frame.attribs.src),
  // The parser's stack of open elements, mirrored (it reports every push and pop).
  onOpenTag: () => {
    if (++openElements > MAX_NESTING) throw new TooDeep();
  },
  onCloseTag: () => {
    openElements--;
  },
};

/**
 * How deep a body may nest elements. Editors and hand-written HTML stay in the tens. htmlparser2
 * looks every closing tag up through the whole stack of open elements, so a megabyte of `<div>`
 * followed by stray closing tags took minutes; beyond this depth only the text is kept.
 */
const MAX_NESTING = 256;
let openElements = 0;
class TooDeep extends Error {}

/**
 * One pass is not always stable: a dropped element can leave the rest nested in a way the parser
 * reads differently the next time (`<td><iframe><td>` → `<td><td></td></td>` → `<td></td><td></td>`).
 * Cleaning until nothing changes makes saving an already-clean body a no-op, so a post is never
 * rewritten by opening and saving it. Should it not settle, or nest deeper than MAX_NESTING,
 * only the text is kept.
 */
export function sanitizePostHtml(html: string): string {
  try {
    let current = cleanOnce(html);
    // Already clean (a body saved again, or built in clean form): a second pass would give the same.
    if (current === html) return current;
    for (let pass = 0; pass < 4; pass++) {
      const next = cleanOnce(current);
      if (next === current) return current;
      current = next;
    }
    return sanitizeHtml(current, { allowedTags: [], allowedAttributes: {} }).trim();
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return textOfHtml(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
}

function cleanOnce(html: string): string {
  openElements = 0;
  return sanitizeHtml(html, options).replace(jumpBreakLookalike, `<a name="${USER_CONTENT}$1">`).trim();
}

// Words on either side of these are kept apart; any other tag joins them ("ca<b></b>sino").
const SEPARATING_START = /^(br|hr)/;
const SEPARATING_END = /^(p|div|li|h\d|blockquote|td|th|tr|dt|dd|pre|figcaption|caption|section)/;
const ignore = () => undefined;

/**
 * The words of any HTML, entities decoded and whitespace collapsed, for excerpts, search and
 * spam checks. Read with htmlparser2's tokenizer alone: it keeps no stack of open elements, so
 * no markup, however broken or deep, costs more than one pass.
 */
export function textOfHtml(html: string): string {
  const parts: string[] = [];
  // Inside <script> or <style>: skipped up to its closing tag.
  let hiddenUntil: string | null = null;
  const tagName = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        if (hiddenUntil) return;
        const name = tagName(start, end);
        if (name === 'script' || name === 'style') hiddenUntil = name;
        if (hiddenUntil || SEPARATING_START.test(name)) parts.push(' ');
      },
      onclosetag(start, end) {
        const name = tagName(start, end);
        if (hiddenUntil) {
          if (name === hiddenUntil) hiddenUntil = null;
        } else if (SEPARATING_END.test(name)) parts.push(' ');
      },
      ontext(start, end) {
        if (!hiddenUntil) parts.push(html.slice(start, end));
      },
      ontextentity(codepoint) {
        if (!hiddenUntil) parts.push(String.fromCodePoint(codepoint));
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Ids and names from a post live in their own namespace, as on GitHub: kept as they were, they
 * could take over the page's own anchors (#comments, #c123) and its globals (`<img
 * id="getElementById">` becomes `document.getElementById`). The post's own #links follow them.
 */
const USER_CONTENT = 'user-content-';

function namespaced(value: string): string {
  return value === '' || value.startsWith(USER_CONTENT) ? value : USER_CONTENT + value;
}

/**
 * Blogger's jump break, `<a name="more"></a>`, keeps its name: it is how the break is stored
 * (lib/posts/content.ts) and what post.html#more lands on. Only a bare, empty anchor is the break;
 * the transform sees the attributes, and `jumpBreakLookalike` then catches one with content.
 */
function isJumpBreak(attribs: sanitizeHtml.Attributes): boolean {
  return attribs.name!.toLowerCase() === 'more' && Object.keys(attribs).every((name) => name === 'name' || !anchorAttributes.has(name));
}
const anchorAttributes = new Set([...allowedAttributes.a!, ...allowedAttributes['*']!]);
// Linear: every try starts at the literal, and the spaces it looks past belong to that try alone.
const jumpBreakLookalike = /<a name="(more)">(?!\s*<\/a>)/gi;

/** A link to a place in the post follows its target into the namespace; #top (the page's top) and #more (the jump break) stay. */
function inPageLink(href: string): string {
  if (!href.startsWith('#') || href.length === 1) return href;
  const fragment = href.slice(1);
  return /^(top|more)$/i.test(fragment) ? href : `#${namespaced(fragment)}`;
}

// Unicode spaces and invisible characters before a scheme ("\u2000javascript:") would slip past
// the scheme check; trimmed first, the scheme is seen and refused.
const edgeJunk = /[\s\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Trimmed one character at a time: the regex `^[…]+|[…]+$` is quadratic on a long run of spaces
 * inside a value (each start scans the run to find it is not at the end).
 */
function trimEdgeJunk(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && edgeJunk.test(value[start]!)) start++;
  while (end > start && edgeJunk.test(value[end - 1]!)) end--;
  return value.slice(start, end);
}

function trimUrlAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out = { ...attribs };
  for (const name of ['href', 'src', 'srcset', 'cite'] as const) {
    const value = out[name];
    if (value === undefined) continue;
    // sanitize-html cuts <!-- … --> out of a URL one pair at a time before checking its scheme,
    // quadratic in their number; no real address holds one, so such a URL is dropped whole.
    if (value.includes('<!--')) delete out[name];
    else out[name] = trimEdgeJunk(value);
  }
  return out;
}

// Data URLs are allowed for images only, and only raster formats (never SVG, which can carry script).
function isAllowedImageSrc(src: string | undefined): boolean {
  if (!src) return false;
  if (!/^\s*data:/i.test(src)) return true;
  return /^data:image\/(png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i.test(src);
}

/**
 * A post's HTML for an email: the stored (already clean) body narrowed further. No images or media
 * (a mail must not load anything from elsewhere, so no reader is counted by opening it), no ids,
 * and every link absolute to the blog, since a mail has no page address to resolve them against.
 */
export function sanitizeMailHtml(html: string, origin: string): string {
  const absolute = (href: string) => {
    try {
      const url = new URL(href, origin);
      return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
    } catch {
      return null;
    }
  };
  return sanitizeHtml(html, {
    allowedTags: (options.allowedTags as string[]).filter((tag) => !['img', 'picture', 'source', 'details', 'summary'].includes(tag)),
    allowedAttributes: { a: ['href', 'title'], ol: ['start'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ? absolute(attribs.href.trim()) : null;
        return { tagName, attribs: href ? { href, ...(attribs.title ? { title: attribs.title } : {}) } : {} };
      },
    },
  }).trim();
}
