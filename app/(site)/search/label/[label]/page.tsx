import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { labelsExist } from '@/db/labels';
import { getSettings } from '@/db/settings';
import { readPaging } from '@/lib/reading/paging';
import { combineLabels, MAX_COMBINED_LABELS } from '@/lib/reading/label-filter';
import { labelPath, labelsFromPath } from '@/lib/posts/permalink';
import { ListingHeader } from '@/components/listing-header';
import { PostListing } from '@/components/post-listing';

type Props = {
  params: Promise<{ label: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The labels this address filters by: each once, and at most MAX_COMBINED_LABELS, the rest named
 * on the page (a page cannot answer 400, and showing the first ones is what a reader can use).
 */
async function findLabels(params: Props['params']): Promise<{ names: string[]; dropped: string[] } | null> {
  const inPath = labelsFromPath((await params).label);
  if (!inPath) return null;
  const { labels: names, dropped } = combineLabels(inPath);
  return (await labelsExist(names)) ? { names, dropped } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const names = (await findLabels(params))?.names;
  if (!names) return {};
  return {
    title: names.join(' + '),
    alternates: {
      canonical: labelPath(names.join('+')),
      types: { 'application/atom+xml': `/feeds/posts/default/-/${names.map(encodeURIComponent).join('/')}` },
    },
  };
}

/** Blogger's label page, /search/label/NAME; /search/label/A+B shows posts with both labels. */
export default async function LabelPage({ params, searchParams }: Props) {
  await connection();
  const [found, settings, paging] = await Promise.all([findLabels(params), getSettings(), searchParams.then(readPaging)]);
  if (!found) notFound();
  const { names, dropped } = found;
  const shown = names.join(' and ');
  return (
    <>
      <ListingHeader title={names.join(' + ')}>
        Showing posts with {names.length > 1 ? 'labels' : 'label'} <strong>{shown}</strong>.
        {dropped.length > 0 ? (
          <>
            {' '}
            At most {MAX_COMBINED_LABELS} labels can be combined; not applied: <strong>{dropped.join(', ')}</strong>.
          </>
        ) : null}
      </ListingHeader>
      <PostListing
        settings={settings}
        basePath={labelPath(names.join('+')).replace(/%2B/g, '+')}
        filter={{ labels: names }}
        before={paging.before}
        limit={paging.limit}
        empty={`No posts with ${names.length > 1 ? 'all of these labels' : 'this label'}.`}
      />
    </>
  );
}
