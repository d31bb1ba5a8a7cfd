import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { addressFromSegments, addressShape, labelPath, labelsFromPath, pagePermalink, permalinkCandidates, postPermalink } from './permalink';

describe('postPermalink', () => {
  it('builds /YYYY/MM/slug.html from the publish date', () => {
    expect(postPermalink('hello-world', new Date('2023-07-09T10:04:00Z'), 'UTC')).toBe('/2023/07/hello-world.html');
  });

  it("uses the blog's time zone for year and month", () => {
    const newYearsEveInLA = new Date('2024-01-01T05:00:00Z');
    expect(postPermalink('party', newYearsEveInLA, 'America/Los_Angeles')).toBe('/2023/12/party.html');
    expect(postPermalink('party', newYearsEveInLA, 'UTC')).toBe('/2024/01/party.html');
  });
});

describe('permalinkCandidates', () => {
  it('tries the base first, then Blogger-style numbered variants', () => {
    expect(permalinkCandidates('/2023/07/hello.html', 3)).toEqual([
      '/2023/07/hello.html',
      '/2023/07/hello_2.html',
      '/2023/07/hello_3.html',
    ]);
  });
});

describe('addressShape', () => {
  it('knows Blogger post and page URLs', () => {
    expect(addressShape('/2023/07/hello-world.html')).toBe('post');
    expect(addressShape('/p/about.html')).toBe('page');
  });

  it('rejects what cannot be a post or page URL', () => {
    expect(addressShape('/23/07/x.html')).toBe('other');
    expect(addressShape('/2023/13/x.html')).toBe('other');
    expect(addressShape('/2023/07/x')).toBe('other');
    expect(addressShape('/2023/07/a/b.html')).toBe('other');
    expect(addressShape('/p/about')).toBe('other');
    expect(addressShape('/p/a/b.html')).toBe('other');
    expect(addressFromSegments(['2023', '07', '%E0%A4%A.html'])).toBeNull();
  });

  it('sees an encoded slash in a slug as a deeper address, never a post', () => {
    expect(addressShape(addressFromSegments(['2023', '07', 'a%2Fb.html'])!)).toBe('other');
  });
});

describe('other Blogger paths', () => {
  it('puts static pages under /p/', () => {
    expect(pagePermalink('about')).toBe('/p/about.html');
  });

  it('keeps label case and encodes spaces as %20', () => {
    expect(labelPath('Seed Saving')).toBe('/search/label/Seed%20Saving');
    expect(labelPath('Tools & Repairs')).toBe('/search/label/Tools%20%26%20Repairs');
  });
});

describe('labelsFromPath', () => {
  it('decodes one label, keeping its case and spaces', () => {
    expect(labelsFromPath('Seed%20Saving')).toEqual(['Seed Saving']);
  });

  it('reads + as "posts with both labels"', () => {
    expect(labelsFromPath('Garden+Weather')).toEqual(['Garden', 'Weather']);
  });

  it('refuses empty names and broken encoding', () => {
    expect(labelsFromPath('Garden+')).toBeNull();
    expect(labelsFromPath('%E0%A4%A')).toBeNull();
  });
});

describe('addressFromSegments', () => {
  it('decodes segments and drops a trailing slash, as imports store old addresses', () => {
    expect(addressFromSegments(['2012', '02', 'caf%C3%A9'])).toBe('/2012/02/café');
    expect(addressFromSegments(['category', 'news'])).toBe('/category/news');
    expect(addressFromSegments(['?p=12'])).toBe('/?p=12');
    expect(addressFromSegments(['bad%E0%A4'])).toBeNull();
  });
});

describe('on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    const segment = encodeURIComponent(input);
    expect(addressFromSegments([segment])).not.toMatch(/.\/$/);
    expect(addressFromSegments([segment, ''])).not.toMatch(/.\/$/);
    expect(['post', 'other']).toContain(addressShape(addressFromSegments(['2020', '01', `${segment}.html`]) ?? '/'));
    expect(labelsFromPath(segment)?.length ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('an old address of encoded slashes that ends in a letter', () => {
    expect(addressFromSegments([`${'%2F'.repeat(400_000)}x`])).toBe(`/${'/'.repeat(400_000)}x`);
    expect(addressFromSegments(['a', ...Array(400_000).fill('')])).toBe('/a');
  });
});
