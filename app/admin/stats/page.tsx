import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { getSettings } from '@/db/settings';
import { listAgentViews, listFeedReaders, listReferrerViews, listTopPostsByViews, listViewsByDay } from '@/db/stats';
import { dayNumber } from '@/lib/stats/stats';
import { dailyBars, groupReferrers, monthlyBars, parseStatsPeriod, periodRange, periodTotals, STATS_PERIODS, type StatsPeriod } from '@/lib/stats/stats-report';
import { BarChart } from './bar-chart';

export const metadata: Metadata = { title: 'Stats' };

const number = (value: number) => value.toLocaleString('en-US');
const SITES_PER_GROUP = 10;

/** Blogger's Stats page: views over time, top posts, where readers came from. Authors see their own posts. */
export default async function StatsPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await connection();
  const author = await requireAuthor();
  const period = parseStatsPeriod((await searchParams).period);
  const settings = await getSettings();
  const today = dayNumber(new Date(), settings.timezone);
  const range = periodRange(period, today);
  const scope = author.role === 'admin' ? null : author.id;
  const everything = scope === null;
  const [days, top, referrers, browsers, systems, feeds] = await Promise.all([
    listViewsByDay({ range: { from: null, to: today }, authorId: scope }),
    listTopPostsByViews({ range, authorId: scope, limit: 10 }),
    everything ? listReferrerViews({ range, limit: 50 }) : [],
    everything ? listAgentViews({ range, kind: 'browser' }) : [],
    everything ? listAgentViews({ range, kind: 'os' }) : [],
    everything ? listFeedReaders({ range }) : [],
  ]);
  const totals = periodTotals(days, today);
  const label = STATS_PERIODS[period].toLowerCase();

  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-semibold">Stats</h1>
        <a href="/admin/stats/export" className="btn-secondary" download>
          Download daily counts (CSV)
        </a>
      </div>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {everything ? 'Views of every reader page' : 'Views of your posts and pages'}, counted without cookies; crawlers and
        signed-in authors are not counted. Days are in the blog’s time zone ({settings.timezone}).
      </p>

      <nav aria-label="Period" className="mt-6 flex flex-wrap gap-1 border-b border-stone-200 dark:border-stone-800">
        {(Object.keys(STATS_PERIODS) as StatsPeriod[]).map((p) => (
          <Link
            key={p}
            href={`/admin/stats?period=${p}`}
            aria-current={p === period ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              p === period
                ? 'border-accent text-stone-900 dark:border-orange-400 dark:text-white'
                : 'border-transparent text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white'
            }`}
          >
            {STATS_PERIODS[p]}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="overview" className="mt-6">
        <h2 id="overview" className="sr-only">
          Overview
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {(Object.keys(STATS_PERIODS) as StatsPeriod[]).map((p) => (
            <div
              key={p}
              className={`rounded-lg bg-white p-4 shadow-sm ring-1 dark:bg-stone-900 ${p === period ? 'ring-accent dark:ring-orange-400' : 'ring-stone-200 dark:ring-stone-800'}`}
            >
              <dt className="text-xs font-semibold tracking-wide text-stone-600 uppercase dark:text-stone-400">{STATS_PERIODS[p]}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">
                {number(totals[p].views)} <span className="text-sm font-normal text-stone-600 dark:text-stone-400">views</span>
              </dd>
              {everything ? (
                <dd className="text-sm text-stone-600 tabular-nums dark:text-stone-400">
                  {number(totals[p].visitors)} {p === 'today' || p === 'yesterday' ? 'visitors' : 'daily visitors'}
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      </section>

      <section aria-label="Charts" className="mt-6 grid gap-4">
        <BarChart id="daily" title="Views per day, last 30 days" unit="views" bars={dailyBars(days, today)} />
        <BarChart id="monthly" title="Views per month, all time" unit="views" bars={monthlyBars(days, today)} />
      </section>

      <section aria-labelledby="top-posts" className="mt-8">
        <h2 id="top-posts" className="font-serif text-xl font-semibold">
          Top posts and pages, {label}
        </h2>
        {top.length === 0 ? (
          <Empty>No views of {everything ? 'posts or pages' : 'your posts or pages'} {label === 'all time' ? 'yet' : label}.</Empty>
        ) : (
          <Table
            caption={`Top posts and pages, ${label}`}
            head={['Title', 'Views']}
            rows={top.map((post) => [
              post.permalink ? (
                <Link key="t" href={post.permalink} className="link">
                  {post.title}
                </Link>
              ) : (
                post.title
              ),
              number(post.views),
            ])}
          />
        )}
      </section>

      {everything ? (
        <>
          <section aria-labelledby="sources" className="mt-8">
            <h2 id="sources" className="font-serif text-xl font-semibold">
              Traffic sources, {label}
            </h2>
            {referrers.length === 0 ? (
              <Empty>No visits from other sites {label === 'all time' ? 'yet' : label}.</Empty>
            ) : (
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                {groupReferrers(referrers).map((group) => (
                  <Table
                    key={group.group}
                    caption={`${group.group}: ${number(group.views)} views`}
                    head={['Site', 'Views']}
                    rows={[
                      ...group.sites.slice(0, SITES_PER_GROUP).map((site) => [site.domain, number(site.views)]),
                      ...(group.sites.length > SITES_PER_GROUP
                        ? [[`${group.sites.length - SITES_PER_GROUP} more sites`, number(group.sites.slice(SITES_PER_GROUP).reduce((sum, site) => sum + site.views, 0))]]
                        : []),
                    ]}
                    visibleCaption
                  />
                ))}
              </div>
            )}
          </section>

          <div className="mt-8 grid gap-8 sm:grid-cols-2">
            <section aria-labelledby="browsers">
              <h2 id="browsers" className="font-serif text-xl font-semibold">
                Browsers
              </h2>
              {browsers.length === 0 ? <Empty>None {label === 'all time' ? 'yet' : label}.</Empty> : <Shares caption="Browsers" rows={browsers} />}
            </section>
            <section aria-labelledby="systems">
              <h2 id="systems" className="font-serif text-xl font-semibold">
                Operating systems
              </h2>
              {systems.length === 0 ? <Empty>None {label === 'all time' ? 'yet' : label}.</Empty> : <Shares caption="Operating systems" rows={systems} />}
            </section>
          </div>

          <section aria-labelledby="feeds" className="mt-8">
            <h2 id="feeds" className="font-serif text-xl font-semibold">
              Feed readers, {label}
            </h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              Fetches of the blog’s feeds by reader application; hosted readers report how many of their users subscribe.
            </p>
            {feeds.length === 0 ? (
              <Empty>No feed fetches {label === 'all time' ? 'yet' : label}.</Empty>
            ) : (
              <Table
                caption={`Feed readers, ${label}`}
                head={['Reader', 'Fetches', 'Days', 'Subscribers reported']}
                rows={feeds.map((feed) => [feed.reader, number(feed.fetches), number(feed.days), feed.subscribers > 0 ? number(feed.subscribers) : '—'])}
              />
            )}
          </section>
        </>
      ) : (
        <p className="mt-8 text-sm text-stone-600 dark:text-stone-400">
          Traffic sources, browsers and feed readers are counted for the whole blog and shown to admins.
        </p>
      )}
    </div>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return (
    <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
      {children}
    </p>
  );
}

function Table({ caption, head, rows, visibleCaption = false }: { caption: string; head: string[]; rows: React.ReactNode[][]; visibleCaption?: boolean }) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
      <table className="w-full text-left text-sm">
        <caption className={visibleCaption ? 'px-3 pt-3 text-left font-semibold' : 'sr-only'}>{caption}</caption>
        <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
          <tr>
            {head.map((name, i) => (
              <th key={name} scope="col" className={`px-3 py-2 font-semibold ${i > 0 ? 'text-right' : ''}`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 font-normal break-words">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-3 py-2 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each family's share of views, as a bar a screen reader reads as its percentage. */
function Shares({ caption, rows }: { caption: string; rows: { name: string; views: number }[] }) {
  const total = rows.reduce((sum, row) => sum + row.views, 0);
  return (
    <Table
      caption={caption}
      head={['Name', 'Views', 'Share']}
      rows={rows.map((row) => {
        const share = Math.round((row.views / total) * 100);
        return [
          row.name,
          number(row.views),
          <span key="s" className="inline-flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2 w-16 rounded bg-stone-100 dark:bg-stone-800">
              <span className="block h-2 rounded bg-accent dark:bg-orange-400" style={{ width: `${share}%` }} />
            </span>
            {share}%
          </span>,
        ];
      })}
    />
  );
}
