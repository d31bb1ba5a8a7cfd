import 'server-only';
import { listRecentPublishedComments } from '@/db/comments';
import { labelsExist } from '@/db/labels';
import { getVisiblePostById, listVisiblePosts } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { buildFeed, parseFeedFormat, type FeedEntry } from '@/lib/reading/feeds';
import { escapeHtml } from '@/lib/posts/content';
import { labelPath } from '@/lib/posts/permalink';
import { getSiteOrigin } from '@/server/site-origin';

const DEFAULT_ENTRIES = 25;
const MAX_ENTRIES = 100;

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function entryCount(url: URL): number | null {
  const raw = url.searchParams.get('max-results');
  if (raw === null) return DEFAULT_ENTRIES;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return null;
  return Math.min(Number(raw), MAX_ENTRIES);
}

function selfPath(url: URL): string {
  const copy = new URL(url.pathname + url.search, 'http://x');
  copy.searchParams.delete('alt');
  return copy.pathname + copy.search;
}

function feedResponse(feed: { body: string; contentType: string }): Response {
  return new Response(feed.body, {
    headers: { 'content-type': feed.contentType, 'cache-control': 'public, max-age=0, must-revalidate' },
  });
}

/** Where a feed was asked for, and the blog's origin when the caller knows it (a cached feed). */
type FeedRequest = Request | { url: string; origin: string };

/** Blogger's post feeds: /feeds/posts/default[/-/LABEL[/LABEL…]], ?alt=rss|json, ?max-results=N. */
export async function postsFeed(request: FeedRequest, { labels = [], summaryOnly = false }: { labels?: string[]; summaryOnly?: boolean } = {}) {
  const url = new URL(request.url);
  const format = parseFeedFormat(url.searchParams.get('alt'));
  if (!format) return plain(400, 'Unknown feed format: use alt=atom, alt=rss or alt=json.');
  const limit = entryCount(url);
  if (limit === null) return plain(400, 'max-results must be a positive whole number.');
  if (labels.length > 0 && !(await labelsExist(labels))) return plain(404, 'No such label on this blog.');

  const [settings, origin, posts] = await Promise.all([
    getSettings(),
    'origin' in request ? request.origin : getSiteOrigin(),
    listVisiblePosts({ limit, filter: labels.length ? { labels } : {} }),
  ]);
  const entries: FeedEntry[] = posts.map((post) => ({
    id: new URL(post.permalink, origin).toString(),
    title: post.title,
    path: post.permalink,
    published: post.publishedAt,
    updated: post.publishedAt,
    authorName: post.authorName,
    html: post.body,
    summary: post.excerpt,
    labels: post.labels,
  }));
  return feedResponse(
    buildFeed({
      origin,
      title: labels.length ? `${settings.blogTitle}: ${labels.join(' + ')}` : settings.blogTitle,
      description: settings.blogDescription,
      selfPath: selfPath(url),
      htmlPath: labels.length ? labelPath(labels.join('+')) : '/',
      entries,
      format,
      summaryOnly,
    }),
  );
}

/** Blogger's comment feeds: /feeds/comments/default and /feeds/POST_ID/comments/default. */
export async function commentsFeed(request: FeedRequest, { postId }: { postId?: number } = {}) {
  const url = new URL(request.url);
  const format = parseFeedFormat(url.searchParams.get('alt'));
  if (!format) return plain(400, 'Unknown feed format: use alt=atom, alt=rss or alt=json.');
  const limit = entryCount(url);
  if (limit === null) return plain(400, 'max-results must be a positive whole number.');

  const post = postId === undefined ? undefined : await getVisiblePostById({ id: postId });
  if (postId !== undefined && !post) return plain(404, 'No such post on this blog.');

  const [settings, origin, comments] = await Promise.all([
    getSettings(),
    'origin' in request ? request.origin : getSiteOrigin(),
    listRecentPublishedComments({ postId, limit }),
  ]);
  const entries: FeedEntry[] = comments.map((comment) => {
    const html = comment.body
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
    return {
      id: `${new URL(comment.postPermalink, origin).toString()}#c${comment.id}`,
      title: `${comment.authorName} on ${comment.postTitle}`,
      path: `${comment.postPermalink}?showComment=${comment.createdAt.getTime()}#c${comment.id}`,
      published: comment.createdAt,
      updated: comment.createdAt,
      authorName: comment.authorName,
      html,
      summary: comment.body.slice(0, 280),
    };
  });
  return feedResponse(
    buildFeed({
      origin,
      title: post ? `${settings.blogTitle}: comments on ${post.title}` : `${settings.blogTitle}: comments`,
      selfPath: selfPath(url),
      htmlPath: post?.permalink ?? '/',
      entries,
      format,
    }),
  );
}
