import { describe, expect, it } from 'vitest';
import { isFrozen, planPublication, type StoredPublication } from './publish-rules';

const now = new Date('2024-05-10T12:00:00Z');
const earlier = new Date('2024-03-01T08:00:00Z');
const later = new Date('2024-06-01T08:00:00Z');
const base = { type: 'post' as const, title: 'Hello World', timeZone: 'UTC', now };
const live: StoredPublication = { slug: 'hello-world', permalink: '/2024/03/hello-world.html', publishedAt: earlier, status: 'published' };

describe('isFrozen', () => {
  it('freezes an address once readers could have seen it, not before', () => {
    expect(isFrozen(undefined, now)).toBe(false);
    expect(isFrozen(live, now)).toBe(true);
    expect(isFrozen({ ...live, status: 'draft' }, now)).toBe(true);
    expect(isFrozen({ ...live, status: 'scheduled', publishedAt: later }, now)).toBe(false);
    expect(isFrozen({ ...live, status: 'scheduled', publishedAt: earlier }, now)).toBe(true);
    expect(isFrozen({ slug: 'x', permalink: null, publishedAt: null, status: 'draft' }, now)).toBe(false);
  });
});

describe('planPublication', () => {
  it('a new draft has no address and no date; its slug comes from the title', () => {
    expect(planPublication({ ...base, stored: undefined, action: 'draft' })).toEqual({
      status: 'draft',
      slug: 'hello-world',
      publishedAt: null,
      permalink: { kind: 'keep', path: null },
    });
  });

  it('publishing places a post at /YYYY/MM/slug.html in the blog’s time zone, and a page at /p/slug.html', () => {
    const newYear = new Date('2024-01-01T05:00:00Z');
    expect(planPublication({ ...base, stored: undefined, action: 'publish', timeZone: 'America/Los_Angeles', now: newYear })).toEqual({
      status: 'published',
      slug: 'hello-world',
      publishedAt: newYear,
      permalink: { kind: 'place', base: '/2023/12/hello-world.html' },
    });
    expect(planPublication({ ...base, type: 'page', stored: undefined, action: 'publish', slug: 'About Us' }).permalink).toEqual({
      kind: 'place',
      base: '/p/about-us.html',
    });
  });

  it('scheduling dates the post at its time, and without a time publishes now', () => {
    expect(planPublication({ ...base, stored: undefined, action: 'schedule', scheduleAt: later })).toMatchObject({
      status: 'scheduled',
      publishedAt: later,
      permalink: { kind: 'place', base: '/2024/06/hello-world.html' },
    });
    expect(planPublication({ ...base, stored: undefined, action: 'schedule' })).toMatchObject({ status: 'scheduled', publishedAt: now });
  });

  it('a live post keeps its address and date through edits, a retitle, and a revert to draft', () => {
    expect(planPublication({ ...base, stored: live, action: 'publish', title: 'A new title' })).toEqual({
      status: 'published',
      slug: 'hello-world',
      publishedAt: earlier,
      permalink: { kind: 'keep', path: '/2024/03/hello-world.html' },
    });
    expect(planPublication({ ...base, stored: live, action: 'draft' })).toMatchObject({ status: 'draft', publishedAt: earlier, permalink: { kind: 'keep', path: live.permalink } });
    // Scheduling what readers already see publishes it: it cannot go back into the future.
    expect(planPublication({ ...base, stored: live, action: 'schedule', scheduleAt: later })).toMatchObject({ status: 'published', publishedAt: earlier });
  });

  it('an explicit new slug on a live post renames its address in place, so the old one can redirect', () => {
    expect(planPublication({ ...base, stored: live, action: 'publish', slug: 'Better Name!' })).toEqual({
      status: 'published',
      slug: 'better-name',
      publishedAt: earlier,
      permalink: { kind: 'rename', from: '/2024/03/hello-world.html', to: '/2024/03/better-name.html' },
    });
  });

  it('a post scheduled for later is not live yet: it can be moved to another time or back to draft freely', () => {
    const scheduled: StoredPublication = { slug: 'hello-world', permalink: '/2024/06/hello-world.html', publishedAt: later, status: 'scheduled' };
    const sooner = new Date('2024-05-20T08:00:00Z');
    expect(planPublication({ ...base, stored: scheduled, action: 'schedule', scheduleAt: sooner })).toMatchObject({
      status: 'scheduled',
      publishedAt: sooner,
      permalink: { kind: 'place', base: '/2024/05/hello-world.html' },
    });
    expect(planPublication({ ...base, stored: scheduled, action: 'draft' })).toMatchObject({ status: 'draft', publishedAt: null, permalink: { kind: 'keep', path: null } });
  });

  it('keeps slugs to 60 characters when given, as Blogger does', () => {
    expect(planPublication({ ...base, stored: undefined, action: 'publish', slug: 'a'.repeat(80) }).slug.length).toBeLessThanOrEqual(60);
  });
});
