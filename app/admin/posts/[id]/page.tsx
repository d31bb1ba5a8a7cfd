import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { canEditPost, requireAuthor } from '@/auth';
import { getPostWithLabelsById } from '@/db/posts';
import { FormMessage } from '@/components/ui/form-message';
import { StatusBadge } from '@/components/status-badge';
import { PostForm } from '../post-form';

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
  const postId = Number(id);
  const post = Number.isSafeInteger(postId) && postId > 0 ? await getPostWithLabelsById(postId) : undefined;
  if (!post || post.type !== 'post' || !canEditPost(author, post)) notFound();

  const live = post.status === 'published' && post.permalink;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/admin" className="link">
          ← All posts
        </Link>
      </p>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-3xl font-semibold">Edit post</h1>
        <StatusBadge status={post.status} />
        {live ? (
          <Link href={post.permalink!} className="link ml-auto text-sm font-medium">
            View post
          </Link>
        ) : null}
      </div>
      {saved ? (
        <div className="mb-6">
          <FormMessage
            id="saved-message"
            tone="success"
            message={
              saved === 'published' ? 'Your post is published.' : saved === 'updated' ? 'Your changes are published.' : 'Draft saved.'
            }
          />
        </div>
      ) : null}
      {post.permalink ? (
        <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
          Permalink: <code className="rounded bg-stone-100 px-1.5 py-0.5 dark:bg-stone-800">{post.permalink}</code>
        </p>
      ) : null}
      <PostForm
        key={post.updatedAt.getTime()}
        post={{
          id: post.id,
          title: post.title,
          body: post.body,
          labels: post.labels.join(', '),
          commentPolicy: post.commentPolicy,
          published: post.status === 'published',
        }}
      />
    </div>
  );
}
