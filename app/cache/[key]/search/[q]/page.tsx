import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import SearchPage, { generateMetadata as searchMetadata } from '@/app/(site)/search/page';
import { queryFromSegment } from '@/lib/page-cache';

export const dynamic = 'force-static';

type Params = Promise<{ q: string }>;

async function query(params: Params): Promise<string> {
  const q = queryFromSegment((await params).q);
  if (q === null) notFound();
  return q;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return searchMetadata({ searchParams: Promise.resolve({ q: await query(params) }) });
}

/** The first page of a search (/search?q=…), kept until the blog changes; paging and label filters render live. */
export default async function CachedSearchPage({ params }: { params: Params }) {
  return SearchPage({ searchParams: Promise.resolve({ q: await query(params) }) });
}
