/** Known uploads: their responsive widths and intrinsic size, by hash. */
export type MediaSizes = Map<string, { variants: number[]; width: number; height: number }>;

/** The media hashes an HTML body refers to. */
export function mediaHashesIn(html: string): string[] {
  return [...new Set([...html.matchAll(/\/media\/([a-f0-9]{64})[.-]/g)].map((m) => m[1]!))];
}

/**
 * Gives every uploaded image in a (sanitised) body a srcset of its WebP widths, sizes, and its
 * width and height so the page does not shift while it loads. Other images are left alone.
 */
export function withResponsiveImages(html: string, sizes: MediaSizes): string {
  return html.replace(/<img\b([^>]*)>/g, (tag, attrs: string) => {
    const hash = /\ssrc="\/media\/([a-f0-9]{64})[.-][^"]*"/.exec(attrs)?.[1];
    const info = hash ? sizes.get(hash) : undefined;
    if (!hash || !info) return tag;
    let out = attrs.replace(/\s(srcset|sizes|width|height|loading|decoding)="[^"]*"/g, '');
    const srcset = info.variants.map((w) => `/media/${hash}-${w}.webp ${w}w`);
    if (srcset.length > 0) out += ` srcset="${srcset.join(', ')}" sizes="(min-width: 1024px) 720px, 100vw"`;
    out += ` width="${info.width}" height="${info.height}" loading="lazy" decoding="async"`;
    return `<img${out}>`;
  });
}
