import { connection } from 'next/server';
import { getSettings } from '@/db/settings';
import { PostListing } from '@/components/post-listing';

export default async function HomePage() {
  await connection();
  const settings = await getSettings();
  return (
    <>
      <h1 className="sr-only">{settings.blogTitle}: latest posts</h1>
      <PostListing settings={settings} basePath="/search" empty="No posts yet." />
    </>
  );
}
