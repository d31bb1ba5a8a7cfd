import { notFound } from 'next/navigation';
import { originFromKey, pagingFromKey } from '@/lib/page-cache';

/** The blog's origin held in the cache key; a key not made by the proxy is a 404. */
export async function cachedOrigin(params: Promise<{ key: string }>): Promise<string> {
  const origin = originFromKey((await params).key);
  if (!origin) notFound();
  return origin;
}

/** A listing's paging held in the cache key (?updated-max=…&max-results=N on the reader's address). */
export async function cachedPaging(params: Promise<{ key: string }>): Promise<Record<string, string>> {
  return pagingFromKey((await params).key);
}
