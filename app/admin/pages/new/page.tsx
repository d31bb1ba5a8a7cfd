import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { EditorScreen } from '../../posts/editor-screen';

export const metadata: Metadata = { title: 'New page' };

export default async function NewStaticPage() {
  await connection();
  const author = await requireAuthor();
  return <EditorScreen author={author} type="page" />;
}
