import SearchPage, { generateMetadata as searchMetadata } from '@/app/(site)/search/page';
import { cachedPaging } from '../key';

export const dynamic = 'force-static';

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return searchMetadata({ searchParams: Promise.resolve(await cachedPaging(params)) });
}

/** The home page's older posts (/search?updated-max=…&max-results=N), paged by the key. */
export default async function CachedOlderPostsPage({ params }: { params: Params }) {
  return SearchPage({ searchParams: Promise.resolve(await cachedPaging(params)) });
}
