import { describe, expect, it } from 'vitest';
import { addressedPost, cacheKey, cachedPath, isCacheableRead, originFromKey, pagingFromKey, pagingPart, queryFromSegment } from './page-cache';

const read = (pathname: string, extra: Partial<Parameters<typeof isCacheableRead>[0]> = {}) =>
  isCacheableRead({ method: 'GET', pathname, queryNames: [], cookieNames: [], ...extra });

describe('isCacheableRead', () => {
  it('caches the reader pages that are the same for everyone', () => {
    for (const path of ['/', '/2024', '/2024/05', '/2024/05/a-post.html', '/p/about.html', '/search/label/Garden%20tips', '/author/ann', '/feeds/posts/default', '/feeds/comments/default']) {
      expect(read(path), path).toBe(true);
    }
    expect(read('/2024/05/a-post.html', { method: 'HEAD' })).toBe(true);
    // A client-side navigation adds Next's own cache buster; the page is the same.
    expect(read('/2024/05/a-post.html', { queryNames: ['_rsc'] })).toBe(true);
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
    expect(read('/search', { queryNames: ['q', '_rsc'] })).toBe(true);
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
  it('keeps a listing page’s paging, canonically, and gives it back as the page reads it', () => {
    const paging = pagingPart(new URLSearchParams('updated-max=2024-05-01T10:00:00%2B02:00&max-results=7'));
    const key = cacheKey({ version: 3, dueAt: Number.POSITIVE_INFINITY, origin: 'http://localhost:3000', paging });
    expect(originFromKey(key)).toBe('http://localhost:3000');
    expect(pagingFromKey(key)).toEqual({ 'updated-max': '2024-05-01T08:00:00.000Z', 'max-results': '7' });
    // The same instant written another way is the same entry.
    expect(pagingPart(new URLSearchParams('max-results=7&updated-max=2024-05-01T08:00:00Z'))).toBe(paging);
  });

  it('treats malformed paging as the first page, as the page does', () => {
    expect(pagingPart(new URLSearchParams('updated-max=yesterday&max-results=lots'))).toBe('');
    expect(pagingFromKey(cacheKey({ version: 1, dueAt: 0, origin: 'http://x.test' }))).toEqual({});
    expect(pagingFromKey(cacheKey({ version: 1, dueAt: 0, origin: 'http://x.test', paging: pagingPart(new URLSearchParams('updated-max=1960-01-01T00:00:00Z')) }))).toEqual({
      'updated-max': '1960-01-01T00:00:00.000Z',
    });
  });
});

describe('cache keys', () => {
  it('holds the version, the due time and the origin, and gives the origin back', () => {
    const key = cacheKey({ version: 42, dueAt: Date.UTC(2030, 0, 1), origin: 'https://blog.example.org' });
    expect(key).toMatch(/^42-[0-9a-z]+-[A-Za-z0-9_-]+$/);
    expect(originFromKey(key)).toBe('https://blog.example.org');
    expect(cacheKey({ version: 43, dueAt: Date.UTC(2030, 0, 1), origin: 'https://blog.example.org' })).not.toBe(key);
    expect(cacheKey({ version: 42, dueAt: Date.UTC(2030, 0, 2), origin: 'https://blog.example.org' })).not.toBe(key);
    expect(cacheKey({ version: 42, dueAt: Number.POSITIVE_INFINITY, origin: 'http://localhost:3000' })).toMatch(/^42-0-/);
  });

  it('refuses keys the proxy never made', () => {
    expect(originFromKey('nonsense')).toBeNull();
    expect(originFromKey(`1-0-${Buffer.from('javascript:alert(1)').toString('base64url')}`)).toBeNull();
    expect(originFromKey(`1-0-${Buffer.from('https://evil.example/path').toString('base64url')}`)).toBeNull();
  });

  it('puts the reader path under /cache/<key>', () => {
    expect(cachedPath('/', 'k')).toBe('/cache/k');
    expect(cachedPath('/2024/05/a.html', 'k')).toBe('/cache/k/2024/05/a.html');
  });

  it('carries a search as one segment and reads it back; empty or overlong searches render live', () => {
    const path = cachedPath('/search', 'k', 'tomato / blight?&x=1')!;
    expect(path).toMatch(/^\/cache\/k\/search\/[A-Za-z0-9_-]+$/);
    expect(queryFromSegment(path.split('/').at(-1)!)).toBe('tomato / blight?&x=1');
    // Broken bytes in ?q= arrive as U+FFFD; the cached page must answer them like the live one.
    const broken = cachedPath('/search', 'k', '\uFFFD\uFFFD')!;
    expect(queryFromSegment(broken.split('/').at(-1)!)).toBe('\uFFFD\uFFFD');
    expect(cachedPath('/search', 'k', '')).toBeNull();
    expect(cachedPath('/search', 'k', null)).toBe('/cache/k/search');
    expect(cachedPath('/search', 'k', 'x'.repeat(201))).toBeNull();
    expect(queryFromSegment('not base64!')).toBeNull();
  });
});

describe('addressedPost', () => {
  it('names the post or page behind a Blogger address, decoded as stored', () => {
    expect(addressedPost('/2024/05/a-post.html')).toEqual({ permalink: '/2024/05/a-post.html', type: 'post' });
    expect(addressedPost('/2024/05/caf%C3%A9.html')).toEqual({ permalink: '/2024/05/café.html', type: 'post' });
    expect(addressedPost('/p/about.html')).toEqual({ permalink: '/p/about.html', type: 'page' });
  });

  it('names nothing for listings or addresses that cannot be a post', () => {
    expect(addressedPost('/')).toBeNull();
    expect(addressedPost('/search/label/x')).toBeNull();
    expect(addressedPost('/2024/13/a.html')).toBeNull();
    expect(addressedPost('/2024/05/%E0%A4%A.html')).toBeNull();
    expect(addressedPost('/p/about')).toBeNull();
  });
});
