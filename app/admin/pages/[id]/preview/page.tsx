import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { findEditablePost } from '../../../posts/find-editable';
import { PreviewScreen } from '../../../posts/preview-screen';

export const metadata: Metadata = { title: 'Preview', robots: { index: false } };

export default async function PreviewStaticPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const post = await findEditablePost(author, (await params).id, 'page');
  return <PreviewScreen post={post} editHref={`/admin/pages/${post.id}`} />;
}
