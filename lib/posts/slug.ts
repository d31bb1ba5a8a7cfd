/** Blogger cuts slugs to about 40 characters; longer ones are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 40;

/**
 * A URL slug from a title, the way Blogger makes them: lower case, accents folded to ASCII,
 * anything else between words becomes one hyphen, cut at a word boundary.
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug || 'post';
}
