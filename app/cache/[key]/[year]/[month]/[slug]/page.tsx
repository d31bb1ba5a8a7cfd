import type { Metadata } from 'next';
import { PostView, postMetadata } from '@/app/(site)/[year]/[month]/[slug]/post-view';
import { cachedOrigin } from '../../../key';

export const dynamic = 'force-static';

type Params = Promise<{ key: string; year: string; month: string; slug: string }>;

export function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return postMetadata(params);
}

/** A post as every reader without a held comment sees it (no reply target, no held comments). */
export default async function CachedPostPage({ params }: { params: Params }) {
  return <PostView params={params} origin={await cachedOrigin(params)} />;
}
