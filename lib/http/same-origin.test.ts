import { describe, expect, it } from 'vitest';
import { crossOriginRefusal } from './same-origin';

const at = (extra: Record<string, string>) => new Headers({ host: 'blog.example:3000', ...extra });

describe('crossOriginRefusal', () => {
  it('lets the blog’s own pages through, by Host, forwarded host or SITE_URL', () => {
    expect(crossOriginRefusal(at({ origin: 'http://blog.example:3000' }), {})).toBeNull();
    expect(crossOriginRefusal(at({ origin: 'https://public.example', 'x-forwarded-host': 'public.example' }), {})).toBeNull();
    expect(crossOriginRefusal(at({ origin: 'https://public.example' }), { SITE_URL: 'https://public.example' })).toBeNull();
    expect(crossOriginRefusal(at({ 'sec-fetch-site': 'same-origin' }), {})).toBeNull();
  });

  it('refuses another site, a null origin and an unreadable one with words that say what to do', () => {
    expect(crossOriginRefusal(at({ origin: 'https://evil.example' }), {})).toMatch(/another site/);
    expect(crossOriginRefusal(at({ origin: 'http://blog.example:3001' }), {})).toMatch(/another site/);
    expect(crossOriginRefusal(at({ origin: 'null' }), {})).toMatch(/no address/);
    expect(crossOriginRefusal(at({ origin: '::::' }), {})).toMatch(/unreadable/);
    expect(crossOriginRefusal(at({ 'sec-fetch-site': 'cross-site' }), {})).toMatch(/another site/);
  });

  it('lets clients that are not browsers through: they send no Origin and carry no reader’s cookies', () => {
    expect(crossOriginRefusal(at({}), {})).toBeNull();
  });
});
