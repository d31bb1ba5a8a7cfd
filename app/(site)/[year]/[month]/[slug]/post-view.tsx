import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { randomBytes } from 'node:crypto';
import { findCommentIdByTime, listPendingCommentsByIds, listPublishedCommentsByPostId } from '@/db/comments';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readHeldIds } from '@/lib/comments/held-comments';
import { signFormTime } from '@/lib/comments/moderation';
import { getNeighbourPosts } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { authorPath } from '@/lib/posts/permalink';
import { shareCard } from '@/components/share-card';
import { ShareLinks } from '@/components/share-links';
import { DateHeader } from '@/components/date-header';
import { PostBody } from '@/components/post-body';
import { PostFooter } from '@/components/post-footer';
import { CommentSection } from './comment-section';
import { readAddress } from '@/server/reader-address';

export type PostParams = Promise<{ year: string; month: string; slug: string }>;

async function findPost(params: PostParams) {
  const { year, month, slug } = await params;
  const address = await readAddress([year, month, slug]);
  return address.kind === 'post' ? address.post : undefined;
}

export async function postMetadata(params: PostParams): Promise<Metadata> {
  const post = await findPost(params);
  if (!post) return {};
  const card = shareCard(post.permalink);
  const description = post.searchDescription || post.excerpt.slice(0, 300) || undefined;
  return {
    title: post.title,
    description,
    authors: [{ name: post.authorName }],
    alternates: {
      canonical: post.permalink,
      types: { 'application/atom+xml': [{ url: `/feeds/${post.id}/comments/default`, title: `Comments on ${post.title}` }] },
    },
    openGraph: {
      type: 'article',
      title: post.title,
      description,
      url: post.permalink,
      publishedTime: post.publishedAt.toISOString(),
      authors: [post.authorName],
      tags: post.labels,
      images: [card],
    },
    twitter: { card: 'summary_large_image', title: post.title, description, images: [card] },
  };
}

/**
 * A post at Blogger's /YYYY/MM/slug.html (db/addresses.ts says which), rendered with the reader's
 * query and held-comment cookie; the page cache in front (server/front.ts) keeps the render made
 * for a reader with neither.
 */
export async function PostView({
  params,
  origin,
  query = {},
  heldCookie,
}: {
  params: PostParams;
  origin: string;
  query?: { replyTo?: string | string[]; showComment?: string | string[] };
  heldCookie?: string;
}) {
  const post = await findPost(params);
  if (!post) notFound();
  const { showComment, replyTo } = query;
  if (showComment !== undefined) {
    // Blogger's comment links (POST?showComment=MS#cID) move for good to this page's own anchor.
    const at = Number(showComment);
    const id = Number.isSafeInteger(at) ? await findCommentIdByTime({ postId: post.id, at: new Date(at) }) : undefined;
    permanentRedirect(`${post.permalink}#${id ? `c${id}` : 'comments'}`);
  }
  const secret = getAuthSecret();
  const [settings, comments, neighbours] = await Promise.all([
    getSettings(),
    listPublishedCommentsByPostId(post.id),
    getNeighbourPosts(post.publishedAt),
  ]);
  const held = await listPendingCommentsByIds(post.id, readHeldIds(heldCookie, secret));
  const replyParent = typeof replyTo === 'string' ? comments.find((c) => String(c.id) === replyTo) : undefined;
  const form =
    post.commentPolicy === 'closed'
      ? null
      : {
          submissionKey: randomBytes(18).toString('base64url'),
          // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: the form was shown now
          shownAt: signFormTime(Date.now(), secret),
          replyTo: replyParent ? { id: replyParent.id, name: replyParent.authorName } : undefined,
        };
  const timeZone = settings.timezone;
  const url = `${origin}${post.permalink}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.excerpt,
    datePublished: post.publishedAt.toISOString(),
    author: { '@type': 'Person', name: post.authorName, url: post.authorSlug ? `${origin}${authorPath(post.authorSlug)}` : undefined },
    mainEntityOfPage: url,
    url,
    image: post.coverImage ? `${origin}${post.coverImage}` : undefined,
    keywords: post.labels.join(', ') || undefined,
    commentCount: comments.length,
    publisher: { '@type': 'Organization', name: settings.blogTitle, url: origin },
  };

  return (
    <>
      <DateHeader date={post.publishedAt} timeZone={timeZone} />
      <article className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-8 dark:bg-stone-900 dark:ring-stone-800">
        <h1 className="mb-4 font-serif text-3xl leading-tight font-semibold sm:text-4xl">{post.title}</h1>
        <PostBody html={post.body} />
        <PostFooter post={{ ...post, commentCount: comments.length }} timeZone={timeZone} />
        <ShareLinks url={url} title={post.title} />
      </article>
      <script
        type="application/ld+json"
        // JSON-LD must not be able to close its own script tag: "<" is escaped.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <nav aria-label="More posts" className="mt-6 grid grid-cols-3 items-baseline gap-4 text-sm font-medium">
        <span>
          {neighbours.newer ? (
            <Link href={neighbours.newer.permalink} className="link" title={neighbours.newer.title}>
              Newer Post
            </Link>
          ) : null}
        </span>
        <Link href="/" className="link justify-self-center">
          Home
        </Link>
        <span className="justify-self-end">
          {neighbours.older ? (
            <Link href={neighbours.older.permalink} className="link" title={neighbours.older.title}>
              Older Post
            </Link>
          ) : null}
        </span>
      </nav>
      <CommentSection post={post} comments={comments} held={held} timeZone={timeZone} form={form} />
    </>
  );
}
