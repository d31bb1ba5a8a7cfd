import Link from 'next/link';
import { listAuthors } from '@/db/authors';
import { listAllLabelNames } from '@/db/labels';
import { listMedia } from '@/db/media';
import { originalPath } from '@/lib/media/media';
import type { Author, Post } from '@/db/schema';
import { getSettings } from '@/db/settings';
import { formatDateTime, toLocalDateTimeValue } from '@/lib/reading/dates';
import { FormMessage } from '@/components/ui/form-message';
import { StatusBadge } from '@/components/status-badge';
import { PostForm } from './post-form';

const savedMessages: Record<string, string> = {
  published: 'Your {noun} is published.',
  updated: 'Your changes are published.',
  scheduled: 'Scheduled: it will appear on the blog at {time}.',
  draft: 'Draft saved.',
  restored: 'The revision is restored.',
};

/** The editor for a new or existing post or page: one screen, one primary action. */
export async function EditorScreen({
  author,
  type,
  post,
  saved,
}: {
  author: Author;
  type: 'post' | 'page';
  post?: Post & { labels: string[] };
  saved?: string;
}) {
  const [settings, authors, labels, images] = await Promise.all([
    getSettings(),
    author.role === 'admin' ? listAuthors() : undefined,
    type === 'post' ? listAllLabelNames() : [],
    type === 'post' ? listMedia({ limit: 200 }) : [],
  ]);
  const noun = type === 'page' ? 'page' : 'post';
  const now = new Date();
  const live = Boolean(post?.permalink && post.publishedAt && (post.status !== 'scheduled' || post.publishedAt <= now));
  const base = type === 'page' ? '/admin/pages' : '/admin';
  const editBase = type === 'page' ? '/admin/pages' : '/admin/posts';
  const prefix = type === 'page' ? '/p/' : post?.permalink ? post.permalink.replace(/[^/]+\.html$/, '') : '/YYYY/MM/';
  const message = saved
    ? savedMessages[saved]
        ?.replace('{noun}', noun)
        .replace('{time}', post?.publishedAt ? formatDateTime(post.publishedAt, settings.timezone) : '')
    : undefined;

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={base} className="link">
          ← All {noun}s
        </Link>
      </p>
      <div className="mt-2 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-3xl font-semibold">{post ? `Edit ${noun}` : `New ${noun}`}</h1>
        {post ? <StatusBadge status={post.status} /> : null}
        {post ? (
          <span className="ml-auto flex flex-wrap gap-3 text-sm font-medium">
            {live && post.status === 'published' ? (
              <Link href={post.permalink!} className="link">
                View {noun}
              </Link>
            ) : null}
            <Link href={`${editBase}/${post.id}/preview`} className="link">
              Preview
            </Link>
            <Link href={`${editBase}/${post.id}/revisions`} className="link">
              Revisions
            </Link>
            <Link href={`${editBase}/${post.id}/delete`} className="link text-red-700 dark:text-red-400">
              Delete
            </Link>
          </span>
        ) : null}
      </div>
      {message ? (
        <div className="mb-6">
          <FormMessage id="saved-message" tone="success" message={message} />
        </div>
      ) : null}
      {post?.permalink ? (
        <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
          Permalink: <code className="rounded bg-stone-100 px-1.5 py-0.5 dark:bg-stone-800">{post.permalink}</code>
          {post.status === 'scheduled' && post.publishedAt && post.publishedAt > now ? ' (goes live when it is published)' : null}
        </p>
      ) : null}
      <PostForm
        key={post?.updatedAt.getTime() ?? 'new'}
        timeZone={settings.timezone}
        authors={authors}
        knownLabels={labels}
        images={images.map((m) => ({ src: originalPath(m.hash, m.format), name: m.filename }))}
        post={{
          id: post?.id,
          type,
          title: post?.title ?? '',
          body: post?.body ?? '',
          labels: post?.labels.join(', ') ?? '',
          commentPolicy: post?.commentPolicy ?? 'inherit',
          slug: post?.permalink ? post.slug : '',
          searchDescription: post?.searchDescription ?? '',
          coverImage: post?.coverImage ?? '',
          scheduleAt: post?.status === 'scheduled' && post.publishedAt ? toLocalDateTimeValue(post.publishedAt, settings.timezone) : '',
          authorId: String(post?.authorId ?? author.id),
          live,
          status: post?.status ?? 'draft',
          updatedAt: post?.updatedAt.getTime(),
          permalinkPrefix: prefix,
        }}
      />
    </div>
  );
}
