import { describe, expect, it } from 'vitest';
import { cacheKey, isCacheableRead, pagingPart, withoutTracking } from './page-cache';

const read = (pathname: string, extra: Partial<Parameters<typeof isCacheableRead>[0]> = {}) =>
  isCacheableRead({ method: 'GET', pathname, queryNames: [], cookieNames: [], ...extra });

describe('isCacheableRead', () => {
  it('caches the reader pages that are the same for everyone', () => {
    for (const path of ['/', '/2024', '/2024/05', '/2024/05/a-post.html', '/p/about.html', '/search/label/Garden%20tips', '/search/label', '/author/ann', '/feeds/posts/default', '/feeds/comments/default']) {
      expect(read(path), path).toBe(true);
    }
    expect(read('/2024/05/a-post.html', { method: 'HEAD' })).toBe(true);
    // A client-side navigation asks for Next's data, not the page: that is Next's to answer.
    expect(read('/2024/05/a-post.html', { queryNames: ['_rsc'] })).toBe(false);
  });

  it('renders live what differs by reader, query or method', () => {
    expect(read('/2024/05/a-post.html', { queryNames: ['replyTo'] })).toBe(false);
    expect(read('/2024/05/a-post.html', { queryNames: ['showComment'] })).toBe(false);
    expect(read('/', { queryNames: ['p'] })).toBe(false);
    expect(read('/2024/05/a-post.html', { queryNames: ['updated-max'] })).toBe(false);
    expect(read('/search/label/x', { queryNames: ['updated-max', 'utm_source'] })).toBe(false);
    expect(read('/', { queryNames: ['p'] })).toBe(false);
    expect(read('/2024/05/a-post.html', { method: 'POST' })).toBe(false);
    expect(read('/2024/05/a-post.html', { cookieNames: ['authjs.session-token'] })).toBe(false);
    expect(read('/2024/05/a-post.html', { cookieNames: ['__Secure-authjs.session-token.0'] })).toBe(false);
    expect(read('/2024/05/a-post.html', { cookieNames: ['blogstead_held'] })).toBe(false);
    // Cookies that change nothing on the page (a theme choice, analytics) do not matter.
    expect(read('/2024/05/a-post.html', { cookieNames: ['theme', '_ga'] })).toBe(true);
  });

  it('caches the first page of a search, and nothing else under /search', () => {
    expect(read('/search', { queryNames: ['q'] })).toBe(true);
    expect(read('/search', { queryNames: ['q', 'start'] })).toBe(false);
    expect(read('/search', { queryNames: ['q', 'label'] })).toBe(false);
    expect(read('/search')).toBe(false);
  });

  it('caches the older pages of listings (Blogger’s ?updated-max=…&max-results=N)', () => {
    for (const path of ['/search', '/search/label/Garden', '/2024', '/2024/05', '/author/ann']) {
      expect(read(path, { queryNames: ['updated-max', 'max-results'] }), path).toBe(true);
    }
    expect(read('/search', { queryNames: ['updated-max', 'max-results'], cookieNames: ['blogstead_held'] })).toBe(false);
  });

  it('leaves search, feeds, admin and anything else to their own routes', () => {
    expect(read('/feeds/posts/default', { queryNames: ['alt'] })).toBe(false);
    for (const path of ['/search', '/feeds/posts/summary', '/feeds/12/comments/default', '/admin', '/login', '/comments', '/media/x.webp', '/2024/05/a-post.html/extra', '/cache/1-0-x']) {
      expect(read(path), path).toBe(false);
    }
  });
});

describe('paging in the key', () => {
  it('keeps a listing page’s paging canonically: the same instant written another way is the same entry', () => {
    const paging = pagingPart(new URLSearchParams('updated-max=2024-05-01T10:00:00%2B02:00&max-results=7'));
    expect(paging).not.toBe('');
    expect(pagingPart(new URLSearchParams('max-results=7&updated-max=2024-05-01T08:00:00Z'))).toBe(paging);
    expect(cacheKey({ version: 3, dueAt: 0, origin: 'http://x.test', paging })).not.toBe(cacheKey({ version: 3, dueAt: 0, origin: 'http://x.test' }));
  });

  it('treats malformed paging as the first page, as the page does', () => {
    expect(pagingPart(new URLSearchParams('updated-max=yesterday&max-results=lots'))).toBe('');
  });
});

describe('cache keys', () => {
  it('change with the version, the due time and the origin', () => {
    const key = cacheKey({ version: 42, dueAt: Date.UTC(2030, 0, 1), origin: 'https://blog.example.org' });
    expect(cacheKey({ version: 43, dueAt: Date.UTC(2030, 0, 1), origin: 'https://blog.example.org' })).not.toBe(key);
    expect(cacheKey({ version: 42, dueAt: Date.UTC(2030, 0, 2), origin: 'https://blog.example.org' })).not.toBe(key);
    expect(cacheKey({ version: 42, dueAt: Date.UTC(2030, 0, 1), origin: 'http://blog.example.org' })).not.toBe(key);
    expect(cacheKey({ version: 42, dueAt: Number.POSITIVE_INFINITY, origin: 'http://localhost:3000' })).toMatch(/^42-0-/);
  });
});

describe('withoutTracking', () => {
  it('leaves out the parameters of shared links, keeping the rest in order', () => {
    expect(withoutTracking('/2024/05/a.html?utm_source=fb&utm_medium=social&fbclid=x1')).toBe('/2024/05/a.html');
    expect(withoutTracking('/search?q=tomato&gclid=1&UTM_Campaign=z')).toBe('/search?q=tomato');
    expect(withoutTracking('/search?utm%5Fsource=x&q=a+b')).toBe('/search?q=a+b');
  });

  it('changes nothing when there is nothing to leave out, even with broken escapes', () => {
    expect(withoutTracking('/2024/05/a.html')).toBeNull();
    expect(withoutTracking('/search?q=%E0%A4%A&utmost=1')).toBeNull();
    expect(withoutTracking('/search?q=utm_source')).toBeNull();
  });
});
