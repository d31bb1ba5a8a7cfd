import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { EditorScreen } from '../editor-screen';
import { findEditablePost } from '../find-editable';

export const metadata: Metadata = { title: 'Edit post' };

export default async function EditPostPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await connection();
  const author = await requireAuthor();
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const post = await findEditablePost(author, id, 'post');
  return <EditorScreen author={author} type="post" post={post} saved={saved} />;
}
