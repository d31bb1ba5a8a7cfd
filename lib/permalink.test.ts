import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { labelPath, labelsFromPath, oldAddressFromSegments, pagePermalink, permalinkCandidates, permalinkFromSegments, postPermalink } from './permalink';

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

describe('permalinkFromSegments', () => {
  it('accepts Blogger post URLs', () => {
    expect(permalinkFromSegments('2023', '07', 'hello-world.html')).toBe('/2023/07/hello-world.html');
  });

  it('rejects what cannot be a post URL', () => {
    expect(permalinkFromSegments('23', '07', 'x.html')).toBeNull();
    expect(permalinkFromSegments('2023', '13', 'x.html')).toBeNull();
    expect(permalinkFromSegments('2023', '07', 'x')).toBeNull();
    expect(permalinkFromSegments('2023', '07', '%E0%A4%A.html')).toBeNull();
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

describe('oldAddressFromSegments', () => {
  it('decodes segments and drops a trailing slash, as imports store old addresses', () => {
    expect(oldAddressFromSegments(['2012', '02', 'caf%C3%A9'])).toBe('/2012/02/café');
    expect(oldAddressFromSegments(['category', 'news'])).toBe('/category/news');
    expect(oldAddressFromSegments(['?p=12'])).toBe('/?p=12');
    expect(oldAddressFromSegments(['bad%E0%A4'])).toBeNull();
  });
});

describe('on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    const segment = encodeURIComponent(input);
    expect(oldAddressFromSegments([segment])).not.toMatch(/.\/$/);
    expect(oldAddressFromSegments([segment, ''])).not.toMatch(/.\/$/);
    expect(permalinkFromSegments('2020', '01', `${segment}.html`)?.startsWith('/2020/01/') ?? true).toBe(true);
    expect(labelsFromPath(segment)?.length ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('an old address of encoded slashes that ends in a letter', () => {
    expect(oldAddressFromSegments([`${'%2F'.repeat(400_000)}x`])).toBe(`/${'/'.repeat(400_000)}x`);
    expect(oldAddressFromSegments(['a', ...Array(400_000).fill('')])).toBe('/a');
  });
});
