import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { findEditablePost } from '../../find-editable';
import { PreviewScreen } from '../../preview-screen';

export const metadata: Metadata = { title: 'Preview', robots: { index: false } };

export default async function PreviewPostPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const post = await findEditablePost(author, (await params).id, 'post');
  return <PreviewScreen post={post} editHref={`/admin/posts/${post.id}`} />;
}
