import { describe, expect, it } from 'vitest';
import { ShareCardCache, etagMatches, shareCardVersion, type ShareCardContent } from './share-card-cache';

const content: ShareCardContent = { title: 'Tomatoes', blogTitle: 'The Plot', byline: 'Ruth · Sunday, July 9, 2023', cover: '', design: 1 };

describe('shareCardVersion', () => {
  it('is the same for the same card', () => {
    expect(shareCardVersion({ ...content })).toBe(shareCardVersion(content));
  });

  it('changes with anything drawn: title, blog title, author or date, cover, design', () => {
    const changed: Partial<ShareCardContent>[] = [
      { title: 'Tomatoes!' },
      { blogTitle: 'The Allotment' },
      { byline: 'Ruth C. · Sunday, July 9, 2023' },
      { byline: 'Ruth · Monday, July 10, 2023' },
      { cover: `/media/${'a'.repeat(64)}.png` },
      { design: 2 },
    ];
    const versions = new Set([content, ...changed.map((c) => ({ ...content, ...c }))].map(shareCardVersion));
    expect(versions.size).toBe(changed.length + 1);
  });

  it('cannot be forged by moving text between fields', () => {
    expect(shareCardVersion({ ...content, title: 'a', blogTitle: 'bc' })).not.toBe(shareCardVersion({ ...content, title: 'ab', blogTitle: 'c' }));
  });

  it('is safe inside a quoted ETag', () => {
    expect(shareCardVersion(content)).toMatch(/^[A-Za-z0-9_-]{27}$/);
  });
});

describe('etagMatches', () => {
  it('matches the tag itself, its weak form, a list holding it, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches('abc', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
    expect(etagMatches('', '"abc"')).toBe(false);
  });
});

/** A drawing that counts its calls and makes a card of `bytes` bytes. */
function drawer(bytes = 10) {
  const calls: string[] = [];
  return {
    calls,
    draw: (label: string) => async () => {
      calls.push(label);
      return new Uint8Array(bytes).fill(calls.length);
    },
  };
}

describe('ShareCardCache', () => {
  it('draws a post once per version and serves the kept card after that', async () => {
    const cache = new ShareCardCache(1000);
    const { calls, draw } = drawer();
    const first = await cache.get(1, 'v1', draw('v1'));
    expect(await cache.get(1, 'v1', draw('v1 again'))).toBe(first);
    expect(calls).toEqual(['v1']);
  });

  it('draws again when the version changes, and keeps only the newest card of a post', async () => {
    const cache = new ShareCardCache(1000);
    const { calls, draw } = drawer();
    await cache.get(1, 'v1', draw('v1'));
    await cache.get(1, 'v2', draw('v2'));
    expect(calls).toEqual(['v1', 'v2']);
    expect(cache.size).toEqual({ cards: 1, bytes: 10 });
  });

  it('shares one drawing among requests that arrive while it runs', async () => {
    const cache = new ShareCardCache(1000);
    const { calls, draw } = drawer();
    const cards = await Promise.all(Array.from({ length: 20 }, () => cache.get(7, 'v1', draw('burst'))));
    expect(calls).toEqual(['burst']);
    expect(new Set(cards).size).toBe(1);
  });

  it('stays within its byte budget, dropping the least recently used card first', async () => {
    const cache = new ShareCardCache(30);
    const { calls, draw } = drawer(10);
    for (const id of [1, 2, 3]) await cache.get(id, 'v', draw(`post ${id}`));
    await cache.get(1, 'v', draw('post 1 again'));
    await cache.get(4, 'v', draw('post 4'));
    expect(cache.size).toEqual({ cards: 3, bytes: 30 });
    await cache.get(1, 'v', draw('post 1 redrawn'));
    await cache.get(2, 'v', draw('post 2 redrawn'));
    expect(calls).toEqual(['post 1', 'post 2', 'post 3', 'post 4', 'post 2 redrawn']);
  });

  it('serves but does not keep a card larger than the whole budget', async () => {
    const cache = new ShareCardCache(5);
    const { calls, draw } = drawer(10);
    expect((await cache.get(1, 'v', draw('big'))).byteLength).toBe(10);
    await cache.get(1, 'v', draw('big again'));
    expect(calls).toEqual(['big', 'big again']);
    expect(cache.size).toEqual({ cards: 0, bytes: 0 });
  });

  it('forgets a failed drawing, so the next request tries again', async () => {
    const cache = new ShareCardCache(1000);
    await expect(cache.get(1, 'v', async () => Promise.reject(new Error('font missing')))).rejects.toThrow('font missing');
    const { calls, draw } = drawer();
    await cache.get(1, 'v', draw('retry'));
    expect(calls).toEqual(['retry']);
  });
});
