import AuthorPage from '@/app/(site)/author/[slug]/page';
import { cachedPaging } from '../../key';

export { generateMetadata } from '@/app/(site)/author/[slug]/page';
export const dynamic = 'force-static';

export default async function CachedAuthorPage({ params }: { params: Promise<{ key: string; slug: string }> }) {
  return AuthorPage({ params, searchParams: Promise.resolve(await cachedPaging(params)) });
}
