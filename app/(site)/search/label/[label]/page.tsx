import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { labelsExist } from '@/db/labels';
import { getSettings } from '@/db/settings';
import { readPaging } from '@/lib/paging';
import { labelPath, labelsFromPath } from '@/lib/permalink';
import { ListingHeader } from '@/components/listing-header';
import { PostListing } from '@/components/post-listing';

type Props = {
  params: Promise<{ label: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function findLabels(params: Props['params']): Promise<string[] | null> {
  const names = labelsFromPath((await params).label);
  return names && (await labelsExist(names)) ? names : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const names = await findLabels(params);
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
  const [names, settings, paging] = await Promise.all([findLabels(params), getSettings(), searchParams.then(readPaging)]);
  if (!names) notFound();
  const shown = names.join(' and ');
  return (
    <>
      <ListingHeader title={names.join(' + ')}>
        Showing posts with {names.length > 1 ? 'labels' : 'label'} <strong>{shown}</strong>.
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
