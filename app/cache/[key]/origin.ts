import { notFound } from 'next/navigation';
import { originFromKey } from '@/lib/page-cache';

/** The blog's origin held in the cache key; a key not made by the proxy is a 404. */
export async function cachedOrigin(params: Promise<{ key: string }>): Promise<string> {
  const origin = originFromKey((await params).key);
  if (!origin) notFound();
  return origin;
}
