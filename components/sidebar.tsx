import Link from 'next/link';
import { listPublishingAuthors } from '@/db/authors';
import { listLabelsWithCounts } from '@/db/labels';
import { countPostsByMonth, listPopularPosts, listVisiblePages } from '@/db/posts';
import { readThrough } from '@/db/reader-cache';
import { listPopularPostsByViews } from '@/db/stats';
import type { Settings } from '@/db/schema';
import { currentOffsetSeconds, monthName } from '@/lib/reading/dates';
import { GADGETS, type GadgetId } from '@/lib/reading/gadgets';
import { popularSince } from '@/lib/reading/popular-gadget';
import { dayNumber } from '@/lib/stats/stats';
import { archivePath, authorPath } from '@/lib/posts/permalink';
import { Avatar } from './avatar';
import { Gadget } from './gadget';
import { LabelsGadgetView } from './labels-gadget';
import { SearchForm } from './search-form';

/** Blogger's sidebar: the gadgets the admin chose, in their order. Empty gadgets stay hidden. */
export async function Sidebar({ settings }: { settings: Settings }) {
  const shown = new Set(settings.gadgets);
  // The same for every reader and costly on a large blog (counts over every post and comment):
  // read through the cache that any visible change clears.
  const offset = currentOffsetSeconds(settings.timezone);
  const popularGadget = settings.popularGadget;
  // By views: the stats flush moves the content version whenever this ranking changes (db/stats.ts).
  const since = popularSince(popularGadget.period, dayNumber(new Date(), settings.timezone));
  const listPopular = async (): Promise<{ id: number; title: string; permalink: string; excerpt: string }[]> =>
    popularGadget.rankBy === 'views'
      ? listPopularPostsByViews({ since, limit: popularGadget.count })
      : listPopularPosts({ limit: popularGadget.count });
  const [labels, authors, popular, months, pages] = await Promise.all([
    shown.has('labels') ? readThrough('labels', () => listLabelsWithCounts()) : [],
    shown.has('profile') ? readThrough('authors', () => listPublishingAuthors()) : [],
    shown.has('popular') ? readThrough(`popular:${popularGadget.rankBy}:${since}:${popularGadget.count}`, listPopular) : [],
    shown.has('archive') ? readThrough(`archive:${offset}`, () => countPostsByMonth({ offsetSeconds: offset })) : [],
    shown.has('pages') ? readThrough('pages', () => listVisiblePages()) : [],
  ]);

  const render: Record<GadgetId, () => React.ReactNode> = {
    search: () => (
      <Gadget title={GADGETS.search} key="search">
        <SearchForm id="sidebar-search" />
      </Gadget>
    ),
    profile: () =>
      authors.length === 0 ? null : (
        <Gadget title={authors.length > 1 ? 'Contributors' : GADGETS.profile} key="profile">
          <ul className="flex flex-col gap-4">
            {authors.map((author) => (
              <li key={author.id} className="flex gap-3">
                <Avatar name={author.name} />
                <div className="min-w-0">
                  <Link href={authorPath(author.slug ?? '')} className="link font-semibold">
                    {author.name}
                  </Link>
                  {author.bio ? (
                    <p className="mt-1 line-clamp-5 leading-relaxed text-stone-700 dark:text-stone-300">{author.bio}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Gadget>
      ),
    popular: () =>
      popular.length === 0 ? null : (
        <Gadget title={GADGETS.popular} key="popular">
          <ol className="flex flex-col gap-4">
            {popular.map((post) => (
              <li key={post.id}>
                <Link href={post.permalink} className="link font-semibold">
                  {post.title}
                </Link>
                <p className="mt-1 line-clamp-2 text-stone-600 dark:text-stone-400">{post.excerpt}</p>
              </li>
            ))}
          </ol>
        </Gadget>
      ),
    archive: () => (months.length === 0 ? null : <ArchiveGadget key="archive" months={months} />),
    labels: () => (labels.length === 0 ? null : <LabelsGadgetView key="labels" labels={labels} options={settings.labelsGadget} />),
    pages: () =>
      pages.length === 0 ? null : (
        <Gadget title={GADGETS.pages} key="pages">
          <ul className="flex flex-col gap-1.5">
            {pages.map((page) => (
              <li key={page.permalink}>
                <Link href={page.permalink} className="link">
                  {page.title}
                </Link>
              </li>
            ))}
          </ul>
        </Gadget>
      ),
    subscribe: () => (
      <Gadget title={GADGETS.subscribe} key="subscribe">
        <ul className="flex flex-col gap-1.5">
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- feeds are XML from route handlers, reached by a plain link */}
            <a href="/feeds/posts/default" className="link" type="application/atom+xml">
              Posts (Atom)
            </a>{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- as above */}
            · <a href="/feeds/posts/default?alt=rss" className="link" type="application/rss+xml">RSS</a>{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- as above */}
            · <a href="/feeds/posts/default?alt=json" className="link" type="application/feed+json">JSON</a>
          </li>
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- as above */}
            <a href="/feeds/comments/default" className="link" type="application/atom+xml">
              Comments (Atom)
            </a>
          </li>
        </ul>
      </Gadget>
    ),
    follow: () => (
      <Gadget title={GADGETS.follow} key="follow">
        {/* A plain form: it works without JavaScript and from a cached page alike. */}
        <form action="/email/subscribe" method="post" className="flex flex-col gap-2">
          <label htmlFor="follow-email" className="text-stone-700 dark:text-stone-300">
            Get new posts by email:
          </label>
          <div className="flex gap-2">
            <input id="follow-email" name="email" type="email" required autoComplete="email" placeholder="you@example.com" className="field min-w-0 py-1.5 text-sm" />
            <button type="submit" className="btn-primary px-3 py-1.5 text-sm">
              Follow
            </button>
          </div>
        </form>
      </Gadget>
    ),
    // The attribution line lives in the footer; its place in the list only switches it on.
    attribution: () => null,
  };

  return (
    <aside aria-label="Sidebar" className="flex flex-col gap-8">
      {settings.gadgets.map((id) => render[id]())}
    </aside>
  );
}

/**
 * Blogger's hierarchical Blog Archive: the newest year open with its months; older years are one
 * line each, linking to their year page (Blogger fetches their months only when opened, so a
 * fifteen-year blog does not put 180 month links on every page).
 */
function ArchiveGadget({ months }: { months: { year: number; month: number; count: number }[] }) {
  const years = new Map<number, { month: number; count: number }[]>();
  for (const m of months) years.set(m.year, [...(years.get(m.year) ?? []), m]);
  const [newest, newestMonths] = [...years][0]!; // the gadget is not drawn for a blog with no posts
  const older = [...years].slice(1);
  const total = (list: { count: number }[]) => list.reduce((n, m) => n + m.count, 0);
  return (
    <Gadget title={GADGETS.archive}>
      <ul className="flex flex-col gap-1 [&_a]:link [&_span]:text-stone-600 dark:[&_span]:text-stone-400">
        <li>
          <details open className="group">
            <summary className="flex min-h-6 cursor-pointer list-none items-center py-0.5 marker:hidden [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="inline-block w-4 transition-transform group-open:rotate-90">
                ▸
              </span>
              {newest} <span className="ml-1">({total(newestMonths)})</span>
            </summary>
            <ul className="mt-1 ml-4 flex flex-col gap-1 pl-2">
              <li>
                <Link href={archivePath(newest)}>All of {newest}</Link>
              </li>
              {newestMonths.map((m) => (
                <li key={m.month}>
                  <Link href={archivePath(newest, m.month)}>{monthName(m.month)}</Link> <span>({m.count})</span>
                </li>
              ))}
            </ul>
          </details>
        </li>
        {older.map(([year, list]) => (
          <li key={year} className="flex min-h-6 items-center py-0.5 pl-4">
            <Link href={archivePath(year)}>{year}</Link> <span className="ml-1">({total(list)})</span>
          </li>
        ))}
      </ul>
    </Gadget>
  );
}

