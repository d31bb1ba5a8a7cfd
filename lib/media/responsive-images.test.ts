import { describe, expect, it } from 'vitest';
import { mediaHashesIn, withResponsiveImages } from './responsive-images';

const hash = 'a'.repeat(64);

describe('withResponsiveImages', () => {
  it('adds srcset, sizes and intrinsic size to uploaded images only', () => {
    const html = `<p>x</p><img src="/media/${hash}.jpg" alt="A leek"><img src="https://example.org/x.png" alt="">`;
    const sizes = new Map([[hash, { variants: [320, 640], width: 800, height: 600 }]]);
    expect(mediaHashesIn(html)).toEqual([hash]);
    const out = withResponsiveImages(html, sizes);
    expect(out).toContain(`srcset="/media/${hash}-320.webp 320w, /media/${hash}-640.webp 640w"`);
    expect(out).toContain('width="800" height="600" loading="lazy"');
    expect(out).toContain('alt="A leek"');
    expect(out).toContain('<img src="https://example.org/x.png" alt="">');
  });

  it('leaves an image whose upload is unknown as it is', () => {
    const html = `<img src="/media/${hash}.jpg" alt="">`;
    expect(withResponsiveImages(html, new Map())).toBe(html);
  });
});
