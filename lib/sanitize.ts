import sanitizeHtml from 'sanitize-html';

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
  allowedAttributes: {
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
  },
  // Only language hints on code blocks (for highlighting); no other classes reach the page.
  allowedClasses: { code: ['language-*'], pre: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  // The page already has an <h1>: a body's <h1> becomes <h2>.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const clean = trimUrlAttributes(attribs);
      const rel = new Set((clean.rel ?? '').split(/\s+/).filter(Boolean));
      if (clean.href && /^(https?:)?\/\//i.test(clean.href)) rel.add('noopener');
      return { tagName, attribs: rel.size ? { ...clean, rel: [...rel].join(' ') } : clean };
    },
    img: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    source: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    blockquote: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
    q: (tagName, attribs) => ({ tagName, attribs: trimUrlAttributes(attribs) }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSrc(frame.attribs.src),
};

/**
 * One pass is not always stable: a dropped element can leave the rest nested in a way the parser
 * reads differently the next time (`<td><iframe><td>` → `<td><td></td></td>` → `<td></td><td></td>`).
 * Cleaning until nothing changes makes saving an already-clean body a no-op, so a post is never
 * rewritten by opening and saving it. Should it not settle, only the text is kept.
 */
export function sanitizePostHtml(html: string): string {
  let current = sanitizeHtml(html, options).trim();
  for (let pass = 0; pass < 4; pass++) {
    const next = sanitizeHtml(current, options).trim();
    if (next === current) return current;
    current = next;
  }
  return sanitizeHtml(current, { allowedTags: [], allowedAttributes: {} }).trim();
}

// Unicode spaces and invisible characters before a scheme ("\u2000javascript:") would slip past
// the scheme check; trimmed first, the scheme is seen and refused.
const edgeJunk = /^[\s\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+$/g;

function trimUrlAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out = { ...attribs };
  for (const name of ['href', 'src', 'srcset', 'cite'] as const) {
    const value = out[name];
    if (value !== undefined) out[name] = value.replace(edgeJunk, '');
  }
  return out;
}

// Data URLs are allowed for images only, and only raster formats (never SVG, which can carry script).
function isAllowedImageSrc(src: string | undefined): boolean {
  if (!src) return false;
  if (!/^\s*data:/i.test(src)) return true;
  return /^data:image\/(png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i.test(src);
}
