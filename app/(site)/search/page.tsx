import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getSettings } from '@/db/settings';
import { PostListing } from '@/components/post-listing';

export const metadata: Metadata = { title: 'Older posts', robots: { index: false } };

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Blogger's paging URL: /search?updated-max=ISO-TIME&max-results=N. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const [settings, params] = await Promise.all([getSettings(), searchParams]);
  const before = new Date(firstValue(params['updated-max']) ?? '');
  const requested = Number.parseInt(firstValue(params['max-results']) ?? '', 10);
  const limit = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), 50) : undefined;

  return (
    <>
      <h1 className="sr-only">Older posts</h1>
      <PostListing settings={settings} before={Number.isNaN(before.getTime()) ? undefined : before} limit={limit} />
    </>
  );
}
