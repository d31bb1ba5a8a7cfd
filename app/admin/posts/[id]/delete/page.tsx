import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { countCommentsOnPost } from '@/db/comments';
import { DeleteScreen } from '../../delete-screen';
import { findEditablePost } from '../../find-editable';

export const metadata: Metadata = { title: 'Delete post' };

export default async function DeletePostPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const post = await findEditablePost(author, (await params).id, 'post');
  return <DeleteScreen post={post} commentCount={await countCommentsOnPost(post.id)} editHref={`/admin/posts/${post.id}`} />;
}
