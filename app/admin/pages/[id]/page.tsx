import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { EditorScreen } from '../../posts/editor-screen';
import { findEditablePost } from '../../posts/find-editable';

export const metadata: Metadata = { title: 'Edit page' };

export default async function EditStaticPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await connection();
  const author = await requireAuthor();
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const post = await findEditablePost(author, id, 'page');
  return <EditorScreen author={author} type="page" post={post} saved={saved} />;
}
