import { notFound } from 'next/navigation';
import { readAddress } from '@/server/reader-address';
import { countVisiblePosts } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { archiveRange, formatArchiveTitle } from '@/lib/reading/dates';
import { parseArchiveParams } from '@/lib/reading/archive-params';
import { archivePath } from '@/lib/posts/permalink';
import { readPaging } from '@/lib/reading/paging';
import { ListingHeader } from './listing-header';
import { PostListing } from './post-listing';

/** A year or month archive page; an archive with no posts is a 404, as on Blogger. */
export async function ArchiveListing({
  year,
  month,
  searchParams,
}: {
  year: string;
  month?: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const parsed = parseArchiveParams(year, month);
  const segments = month === undefined ? [year] : [year, month];
  if (!parsed) {
    // /about or /category/news on the blog this one was imported from.
    await readAddress(segments);
    notFound();
  }
  const settings = await getSettings();
  const range = archiveRange(parsed.year, parsed.month, settings.timezone);
  const count = await countVisiblePosts({ from: range.start, to: range.end });
  if (count === 0) {
    await readAddress(segments);
    notFound();
  }
  const paging = readPaging(searchParams);
  const title = formatArchiveTitle(parsed.year, parsed.month);
  return (
    <>
      <ListingHeader title={title}>
        {count} {count === 1 ? 'post' : 'posts'} from {title}.
      </ListingHeader>
      <PostListing
        settings={settings}
        basePath={archivePath(parsed.year, parsed.month)}
        filter={{ from: range.start, to: range.end }}
        before={paging.before}
        limit={paging.limit}
        empty="No older posts in this archive."
      />
    </>
  );
}
