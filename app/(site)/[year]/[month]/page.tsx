import type { Metadata } from 'next';
import { connection } from 'next/server';
import { parseArchiveParams } from '@/lib/reading/archive-params';
import { formatArchiveTitle } from '@/lib/reading/dates';
import { archivePath } from '@/lib/posts/permalink';
import { ArchiveListing } from '@/components/archive-listing';

type Props = {
  params: Promise<{ year: string; month: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, month } = await params;
  const parsed = parseArchiveParams(year, month);
  return parsed
    ? { title: formatArchiveTitle(parsed.year, parsed.month), alternates: { canonical: archivePath(parsed.year, parsed.month) } }
    : {};
}

/** Blogger's month archive, /2023/07/. */
export default async function MonthArchivePage({ params, searchParams }: Props) {
  await connection();
  const [{ year, month }, query] = await Promise.all([params, searchParams]);
  return <ArchiveListing year={year} month={month} searchParams={query} />;
}
