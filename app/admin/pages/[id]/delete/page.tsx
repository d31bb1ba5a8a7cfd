import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { countCommentsOnPost } from '@/db/comments';
import { DeleteScreen } from '../../../posts/delete-screen';
import { findEditablePost } from '../../../posts/find-editable';

export const metadata: Metadata = { title: 'Delete page' };

export default async function DeleteStaticPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const post = await findEditablePost(author, (await params).id, 'page');
  return <DeleteScreen post={post} commentCount={await countCommentsOnPost(post.id)} editHref={`/admin/pages/${post.id}`} />;
}
