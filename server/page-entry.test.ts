import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFormTime, signFormTime } from '@/lib/comments/moderation';
import { PageCache } from './page-cache';
import { chooseEncoding, PageEntry, type Rendered } from './page-entry';

const secret = 'entry-test-secret';
const key = 'K'.repeat(24);
const shownAt = signFormTime(Date.now() - 3_600_000, secret);

/** A post page as Next renders it: the form's values in the HTML and again in React's inline data. */
function postPage(): Rendered {
  const html =
    `<!doctype html><html><body><h1>A post</h1>${'<p>Words of the post.</p>'.repeat(500)}` +
    `<form><input type="hidden" name="submissionKey" value="${key}"/><input type="hidden" name="shownAt" value="${shownAt}"/></form>` +
    `<script>self.__next_f.push([1,"{\\"submissionKey\\":\\"${key}\\",\\"shownAt\\":\\"${shownAt}\\",\\"key\\":\\"${key}\\"}"])</script></body></html>`;
  return { status: 200, headers: [['content-type', 'text/html; charset=utf-8'], ['content-security-policy', "script-src 'nonce-abc'"], ['set-cookie-not', 'x'], ['x-nextjs-cache', 'MISS'], ['cache-control', 'private, no-store']], body: Buffer.from(html) };
}

const text = async (entry: PageEntry, encoding: 'identity' | 'gzip') => {
  const body = Buffer.concat(await entry.body(encoding, secret));
  return (encoding === 'gzip' ? gunzipSync(body) : body).toString();
};

describe('PageEntry', () => {
  it('gives every reader their own form values, the same in the field and in React’s data', async () => {
    const entry = new PageEntry(postPage());
    expect(entry.personal).toBe(true);
    const seen = new Set<string>();
    for (const encoding of ['identity', 'gzip', 'identity'] as const) {
      const page = await text(entry, encoding);
      const keys = [...page.matchAll(/submissionKey\\?"(?: value=|:\\?)"([A-Za-z0-9_-]{24})/g)].map((m) => m[1]);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).not.toBe(key);
      seen.add(keys[0]!);
      const times = [...page.matchAll(/(\d{13}\.[A-Za-z0-9_-]{22})/g)].map((m) => m[1]!);
      expect(new Set(times).size).toBe(1);
      // A fresh, validly signed time: the "sent too fast" rule counts from this reader's view.
      expect(Date.now() - readFormTime(times[0], secret)!).toBeLessThan(1_000);
      expect(page.length).toBe(postPage().body.length);
    }
    expect(seen.size).toBe(3);
  });

  it('keeps the page’s own headers, drops per-transfer and Next’s cache headers', () => {
    const entry = new PageEntry(postPage());
    const names = entry.headers.map(([name]) => name);
    expect(names).toContain('content-security-policy');
    expect(names).not.toContain('x-nextjs-cache');
    expect(names).not.toContain('cache-control');
  });

  it('matches its own ETags in If-None-Match, with or without W/, and nothing else', () => {
    const entry = new PageEntry(postPage());
    expect(entry.matches(entry.tag('gzip'))).toBe(true);
    expect(entry.matches(`"other", W/${entry.tag('identity')}`)).toBe(true);
    expect(entry.matches('"other"')).toBe(false);
    expect(entry.matches('garbage,,,"')).toBe(false);
  });

  it('sends brotli only for pages without per-reader values, and reads Accept-Encoding leniently', () => {
    const personal = new PageEntry(postPage());
    const plain = new PageEntry({ status: 200, headers: [], body: Buffer.from('<p>same for all</p>') });
    expect(plain.personal).toBe(false);
    expect(chooseEncoding('gzip, deflate, br, zstd', plain)).toBe('br');
    expect(chooseEncoding('gzip, deflate, br, zstd', personal)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', plain)).toBe('gzip');
    expect(chooseEncoding('identity', plain)).toBe('identity');
    expect(chooseEncoding(';;;q=zz, ,', plain)).toBe('identity');
    expect(chooseEncoding(undefined, plain)).toBe('identity');
  });
});

describe('PageCache', () => {
  it('renders a key once for readers who ask at the same time', async () => {
    const cache = new PageCache(10 * 1024 * 1024);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return postPage();
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.getOrRender('k', render)));
    expect(renders).toBe(1);
    expect(answers.filter((a) => a.hit)).toHaveLength(0);
    expect((await cache.getOrRender('k', render)).hit).toBe(true);
    expect(renders).toBe(1);
  });

  it('never keeps a response that sets a cookie or is an error, but gives it to those who waited', async () => {
    const cache = new PageCache(10 * 1024 * 1024);
    let renders = 0;
    const failing = async (): Promise<Rendered> => {
      renders++;
      return { status: 500, headers: [], body: Buffer.from('oops') };
    };
    const [a, b] = await Promise.all([cache.getOrRender('e', failing), cache.getOrRender('e', failing)]);
    expect(a.result).not.toBeInstanceOf(PageEntry);
    expect(b.result).toBe(a.result);
    await cache.getOrRender('e', failing);
    expect(renders).toBe(2);
    const cookie = async (): Promise<Rendered> => ({ status: 200, headers: [['set-cookie', 'x=1']], body: Buffer.from('hi') });
    await cache.getOrRender('c', cookie);
    expect(cache.get('c')).toBeUndefined();
  });

  it('drops the least recently used entries past its budget', async () => {
    const page = postPage();
    const one = new PageEntry(page).bytes;
    const cache = new PageCache(one * 4.5);
    for (const k of ['a', 'b', 'c', 'd']) await cache.getOrRender(k, async () => page);
    cache.get('a');
    await cache.getOrRender('e', async () => page);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(one * 4.5);
  });
});
