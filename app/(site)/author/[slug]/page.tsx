import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getAuthorBySlug } from '@/db/authors';
import { countVisiblePosts } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { readPaging } from '@/lib/reading/paging';
import { authorPath } from '@/lib/posts/permalink';
import { Avatar } from '@/components/avatar';
import { PostListing } from '@/components/post-listing';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An author with at least one visible post; others don't have a public page. */
async function findAuthor(params: Props['params']) {
  const { slug } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return undefined;
  }
  const author = await getAuthorBySlug(decoded);
  if (!author) return undefined;
  const count = await countVisiblePosts({ authorId: author.id });
  return count > 0 ? { author, count } : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const found = await findAuthor(params);
  if (!found) return {};
  return {
    title: found.author.name,
    description: found.author.bio || undefined,
    alternates: { canonical: authorPath(found.author.slug!) },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  await connection();
  const [found, settings, paging] = await Promise.all([findAuthor(params), getSettings(), searchParams.then(readPaging)]);
  if (!found) notFound();
  const { author, count } = found;
  return (
    <>
      <header className="mb-8 flex gap-4 rounded-lg border border-stone-200 bg-white p-5 sm:p-6 dark:border-stone-800 dark:bg-stone-900">
        <Avatar name={author.name} size="lg" />
        <div className="min-w-0">
          <h1 className="font-serif text-2xl font-semibold">{author.name}</h1>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {count} {count === 1 ? 'post' : 'posts'}
          </p>
          {author.bio ? <p className="mt-3 leading-relaxed whitespace-pre-line">{author.bio}</p> : null}
        </div>
      </header>
      <PostListing
        settings={settings}
        basePath={authorPath(author.slug!)}
        filter={{ authorId: author.id }}
        before={paging.before}
        limit={paging.limit}
        empty="No older posts by this author."
      />
    </>
  );
}
