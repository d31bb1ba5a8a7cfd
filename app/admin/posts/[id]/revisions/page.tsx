import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { getSettings } from '@/db/settings';
import { findEditablePost } from '../../find-editable';
import { RevisionsScreen } from '../../revisions-screen';

export const metadata: Metadata = { title: 'Revisions' };

export default async function PostRevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  await connection();
  const author = await requireAuthor();
  const [{ id }, { a, b }, settings] = await Promise.all([params, searchParams, getSettings()]);
  const post = await findEditablePost(author, id, 'post');
  return <RevisionsScreen post={post} a={a} b={b} timeZone={settings.timezone} editHref={`/admin/posts/${post.id}`} />;
}
