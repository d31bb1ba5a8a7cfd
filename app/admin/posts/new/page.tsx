import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { EditorScreen } from '../editor-screen';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  await connection();
  const author = await requireAuthor();
  return <EditorScreen author={author} type="post" />;
}
