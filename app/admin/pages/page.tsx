import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { ListScreen } from '../posts/list-screen';

export const metadata: Metadata = { title: 'Pages' };

export default async function PagesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; q?: string; notice?: string; n?: string }>;
}) {
  await connection();
  const author = await requireAuthor();
  return <ListScreen author={author} type="page" params={await searchParams} />;
}
