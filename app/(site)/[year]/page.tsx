import type { Metadata } from 'next';
import { connection } from 'next/server';
import { parseArchiveParams } from '@/lib/reading/archive-params';
import { formatArchiveTitle } from '@/lib/reading/dates';
import { archivePath } from '@/lib/posts/permalink';
import { ArchiveListing } from '@/components/archive-listing';

type Props = {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseArchiveParams((await params).year);
  return parsed ? { title: formatArchiveTitle(parsed.year), alternates: { canonical: archivePath(parsed.year) } } : {};
}

/** Blogger's year archive, /2023/. */
export default async function YearArchivePage({ params, searchParams }: Props) {
  await connection();
  const [{ year }, query] = await Promise.all([params, searchParams]);
  return <ArchiveListing year={year} searchParams={query} />;
}
