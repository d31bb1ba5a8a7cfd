import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { PostForm } from '../post-form';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  await connection();
  await requireAuthor();
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/admin" className="link">
          ← All posts
        </Link>
      </p>
      <h1 className="mt-2 mb-6 font-serif text-3xl font-semibold">New post</h1>
      <PostForm />
    </div>
  );
}
