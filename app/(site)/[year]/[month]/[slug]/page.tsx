import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { HELD_COOKIE } from '@/lib/comments/held-comments';
import { getSiteOrigin } from '@/server/site-origin';
import { PostView, postMetadata, type PostParams } from './post-view';

export async function generateMetadata({ params }: { params: PostParams }): Promise<Metadata> {
  await connection();
  return postMetadata(params);
}

export default async function PostPage({
  params,
  searchParams,
}: {
  params: PostParams;
  searchParams: Promise<{ replyTo?: string | string[]; showComment?: string | string[] }>;
}) {
  await connection();
  const [query, jar, origin] = await Promise.all([searchParams, cookies(), getSiteOrigin()]);
  return <PostView params={params} origin={origin} query={query} heldCookie={jar.get(HELD_COOKIE)?.value} />;
}
