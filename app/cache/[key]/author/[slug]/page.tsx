import AuthorPage from '@/app/(site)/author/[slug]/page';

export { generateMetadata } from '@/app/(site)/author/[slug]/page';
export const dynamic = 'force-static';

export default function CachedAuthorPage({ params }: { params: Promise<{ slug: string }> }) {
  return AuthorPage({ params, searchParams: Promise.resolve({}) });
}
