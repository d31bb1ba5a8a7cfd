import { connection } from 'next/server';
import { getSettings } from '@/db/settings';
import { PostListing } from '@/components/post-listing';
import { readAddress } from '@/server/reader-address';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { p, page_id: pageId } = await searchParams;
  // WordPress's plain links (/?p=12, /?page_id=2) to a post or page imported from it.
  if (typeof p === 'string' && /^\d+$/.test(p)) await readAddress([`?p=${p}`]);
  if (typeof pageId === 'string' && /^\d+$/.test(pageId)) await readAddress([`?page_id=${pageId}`]);
  const settings = await getSettings();
  return (
    <>
      <h1 className="sr-only">{settings.blogTitle}: latest posts</h1>
      <PostListing settings={settings} basePath="/search" empty="No posts yet." />
    </>
  );
}
