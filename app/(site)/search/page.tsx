import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listLabelsWithCounts } from '@/db/labels';
import { listVisiblePostsByIds } from '@/db/posts';
import { readThrough } from '@/db/reader-cache';
import { searchPostIds } from '@/db/search';
import { getSettings } from '@/db/settings';
import { commentCountLabel } from '@/lib/comments/comments';
import { formatDateHeader } from '@/lib/reading/dates';
import { readPaging } from '@/lib/reading/paging';
import { searchLabelChoices } from '@/lib/reading/labels-gadget';
import { labelPath } from '@/lib/posts/permalink';
import { MAX_QUERY_LENGTH, MAX_SEARCH_WORDS, parseSearch, splitHighlights } from '@/lib/reading/search';
import { ListingHeader } from '@/components/listing-header';
import { PostListing } from '@/components/post-listing';
import { SearchForm } from '@/components/search-form';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 10;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = one((await searchParams).q).trim();
  return { title: q ? `Search results for ${q.slice(0, 60)}` : 'Older posts', robots: { index: false } };
}

/**
 * Blogger's /search: with ?q= it searches (ranked, highlighted, optionally within a label);
 * without it, it is the home page's paging URL (?updated-max=…&max-results=N).
 */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const [settings, params] = await Promise.all([getSettings(), searchParams]);

  if (!('q' in params)) {
    const paging = readPaging(params);
    return (
      <>
        <h1 className="sr-only">Older posts</h1>
        <PostListing settings={settings} basePath="/search" before={paging.before} limit={paging.limit} empty="There are no older posts." />
      </>
    );
  }

  const query = one(params.q).slice(0, MAX_QUERY_LENGTH * 5).trim();
  const label = one(params.label).trim() || undefined;
  const start = Math.max(0, Math.min(Number.parseInt(one(params.start), 10) || 0, 10_000));
  // The label filter's choices: the sidebar's cached list, not a count over every post per search.
  const labels = searchLabelChoices(await readThrough('labels', () => listLabelsWithCounts()), label);
  // What was left out is said on the page, so a reader knows why a word did not count.
  const parsed = parseSearch(query);
  const result = parsed.match ? await searchPostIds({ query, label, limit: PAGE_SIZE, offset: start }) : null;
  const hits = result?.hits ?? [];
  const total = result?.total ?? 0;
  const pageOfPosts = await listVisiblePostsByIds(hits.map((h) => h.id));
  const hitById = new Map(hits.map((h) => [h.id, h]));
  const shownQuery = query.length > 80 ? `${query.slice(0, 80)}…` : query;

  const nextHref = total > start + PAGE_SIZE ? searchHref(query, label, start + PAGE_SIZE) : null;
  const prevHref = start > 0 ? searchHref(query, label, Math.max(0, start - PAGE_SIZE)) : null;

  return (
    <>
      <ListingHeader title="Search">
        {!query
          ? 'Type a word or two to search the posts.'
          : result === null
            ? parsed.tooShort.length > 0
              ? 'Please search for a word of two or more letters.'
              : 'Please use letters or numbers in your search.'
            : (
                <>
                  {total === 0 ? 'No posts match' : `${total} ${total === 1 ? 'post matches' : 'posts match'}`} the search for{' '}
                  <strong>{shownQuery}</strong>
                  {label ? (
                    <>
                      {' '}with label <strong>{label}</strong>
                    </>
                  ) : null}
                  .
                </>
              )}
      </ListingHeader>
      {parsed.tooShort.length > 0 || parsed.overLimit.length > 0 ? (
        <div className="-mt-4 mb-6 flex flex-col gap-1 text-sm text-stone-600 dark:text-stone-400">
          {parsed.tooShort.length > 0 ? (
            <p>Not searched: {parsed.tooShort.join(', ')} — one-letter words are searched only on their own.</p>
          ) : null}
          {parsed.overLimit.length > 0 ? (
            <p>
              Only the first {MAX_SEARCH_WORDS} words were searched; left out: {parsed.overLimit.join(', ')}.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="mb-8">
        <SearchForm id="search-page-query" query={query} label={label} labels={labels} />
      </div>
      {pageOfPosts.length > 0 ? (
        <ol className="flex flex-col gap-5" aria-label="Search results">
          {pageOfPosts.map((post) => {
            const hit = hitById.get(post.id);
            return (
              <li key={post.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
                <h2 className="font-serif text-xl font-semibold">
                  <Link href={post.permalink} className="hover:text-accent dark:hover:text-orange-300">
                    <Highlighted text={hit?.titleHighlighted ?? post.title} />
                  </Link>
                </h2>
                <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                  {formatDateHeader(post.publishedAt, settings.timezone)} · {commentCountLabel(post.commentCount)}
                </p>
                <p className="mt-2 leading-relaxed text-stone-700 dark:text-stone-300">
                  <Highlighted text={hit?.snippet || post.excerpt} />
                </p>
                {post.labels.length > 0 ? (
                  <p className="mt-2 text-sm">
                    {post.labels.map((name, i) => (
                      <span key={name}>
                        {i > 0 ? ', ' : 'Labels: '}
                        <Link href={labelPath(name)} className="link">
                          {name}
                        </Link>
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {prevHref || nextHref ? (
        <nav aria-label="Search result pages" className="mt-8 flex justify-between text-sm font-medium">
          <span>{prevHref ? <Link href={prevHref} className="link">Previous results</Link> : null}</span>
          <span>{nextHref ? <Link href={nextHref} className="link">More results</Link> : null}</span>
        </nav>
      ) : null}
    </>
  );
}

function searchHref(query: string, label: string | undefined, start: number): string {
  const params = new URLSearchParams({ q: query });
  if (label) params.set('label', label);
  if (start > 0) params.set('start', String(start));
  return `/search?${params.toString()}`;
}

function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((run, i) =>
        run.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}
