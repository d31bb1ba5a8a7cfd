import Link from 'next/link';
import { listPublishingAuthors } from '@/db/authors';
import { listLabelsWithCounts } from '@/db/labels';
import { countPostsByMonth, listPopularPosts, listVisiblePages } from '@/db/posts';
import { readThrough } from '@/db/reader-cache';
import type { Settings } from '@/db/schema';
import { currentOffsetSeconds, monthName } from '@/lib/dates';
import { GADGETS, type GadgetId } from '@/lib/gadgets';
import { archivePath, authorPath, labelPath } from '@/lib/permalink';
import { Avatar } from './avatar';
import { Gadget } from './gadget';
import { SearchForm } from './search-form';

/** Blogger's sidebar: the gadgets the admin chose, in their order. Empty gadgets stay hidden. */
export async function Sidebar({ settings }: { settings: Settings }) {
  const shown = new Set(settings.gadgets);
  // The same for every reader and costly on a large blog (counts over every post and comment):
  // read through the cache that any visible change clears.
  const offset = currentOffsetSeconds(settings.timezone);
  const [labels, authors, popular, months, pages] = await Promise.all([
    shown.has('labels') ? readThrough('labels', () => listLabelsWithCounts()) : [],
    shown.has('profile') ? readThrough('authors', () => listPublishingAuthors()) : [],
    shown.has('popular') ? readThrough('popular', () => listPopularPosts({ limit: 5 })) : [],
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
    labels: () =>
      labels.length === 0 ? null : (
        <Gadget title={GADGETS.labels} key="labels">
          <ul className="flex flex-wrap gap-x-3 gap-y-1.5">
            {labels.map((label) => (
              <li key={label.name}>
                <Link href={labelPath(label.name)} className="link">
                  {label.name}
                </Link>{' '}
                <span className="text-stone-600 dark:text-stone-400">({label.count})</span>
              </li>
            ))}
          </ul>
        </Gadget>
      ),
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
            <a href="/feeds/posts/default" className="link" type="application/atom+xml">
              Posts (Atom)
            </a>{' '}
            · <a href="/feeds/posts/default?alt=rss" className="link" type="application/rss+xml">RSS</a>{' '}
            · <a href="/feeds/posts/default?alt=json" className="link" type="application/feed+json">JSON</a>
          </li>
          <li>
            <a href="/feeds/comments/default" className="link" type="application/atom+xml">
              Comments (Atom)
            </a>
          </li>
        </ul>
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

function ArchiveGadget({ months }: { months: { year: number; month: number; count: number }[] }) {
  const years = new Map<number, { month: number; count: number }[]>();
  for (const m of months) years.set(m.year, [...(years.get(m.year) ?? []), m]);
  const newest = months[0]?.year;
  return (
    <Gadget title={GADGETS.archive}>
      <ul className="flex flex-col gap-1">
        {[...years].map(([year, list]) => (
          <li key={year}>
            <details open={year === newest} className="group">
              <summary className="flex min-h-6 cursor-pointer list-none items-center py-0.5 marker:hidden [&::-webkit-details-marker]:hidden">
                <span aria-hidden="true" className="inline-block w-4 text-stone-600 transition-transform group-open:rotate-90 dark:text-stone-400">
                  ▸
                </span>
                {year}{' '}
                <span className="ml-1 text-stone-600 dark:text-stone-400">({list.reduce((n, m) => n + m.count, 0)})</span>
              </summary>
              <ul className="mt-1 ml-4 flex flex-col gap-1 pl-2">
                <li>
                  <Link href={archivePath(year)} className="link">
                    All of {year}
                  </Link>
                </li>
                {list.map((m) => (
                  <li key={m.month}>
                    <Link href={archivePath(year, m.month)} className="link">
                      {monthName(m.month)}
                    </Link>{' '}
                    <span className="text-stone-600 dark:text-stone-400">({m.count})</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </Gadget>
  );
}
