import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listLabelsWithCounts } from '@/db/labels';
import { readThrough } from '@/db/reader-cache';
import { ALL_LABELS_PATH, sortLabels } from '@/lib/reading/labels-gadget';
import { labelPath } from '@/lib/posts/permalink';
import { ListingHeader } from '@/components/listing-header';

export const metadata: Metadata = { title: 'Labels', alternates: { canonical: ALL_LABELS_PATH } };

/**
 * Every label with its number of posts, alphabetically: where the Labels gadget's "All labels"
 * leads when it shows only the most used (Blogger has no such page; its label addresses are
 * /search/label/NAME, so this is their parent).
 */
export default async function AllLabelsPage() {
  await connection();
  // The gadget's own cached read: the same list, cleared by any visible change.
  const labels = sortLabels([...(await readThrough('labels', () => listLabelsWithCounts()))], 'name');
  return (
    <>
      <ListingHeader title="Labels">
        {labels.length === 0 ? 'No posts have labels yet.' : `All ${labels.length} ${labels.length === 1 ? 'label' : 'labels'} on this blog, with their number of posts.`}
      </ListingHeader>
      {labels.length > 0 ? (
        <ul className="columns-1 gap-8 rounded-lg bg-white p-5 text-sm leading-relaxed shadow-sm ring-1 ring-stone-200 sm:columns-2 sm:p-8 md:columns-3 dark:bg-stone-900 dark:ring-stone-800 [&_a]:link [&_li]:break-inside-avoid [&_span]:text-stone-600 dark:[&_span]:text-stone-400">
          {labels.map((label) => (
            <li key={label.name}>
              <Link href={labelPath(label.name)}>{label.name}</Link> <span>({label.count})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
