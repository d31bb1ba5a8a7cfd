import 'server-only';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { addressShape, labelPath } from '@/lib/posts/permalink';
import { getDb } from './client';
import { getVisiblePostByPermalink, type PostSummary } from './posts';
import { labelRedirects, labels, posts, redirects } from './schema';

/**
 * How an address becomes what a reader sees, in one place. A read of /2024/05/x.html goes:
 *
 *   server.ts → server/front.ts: an anonymous GET of a reader address is answered from the page
 *     cache when this content version has it (lib/reading/page-cache.ts says which requests and the key);
 *   otherwise Next routes it to app/(site)/[year]/[month]/[slug] (or /p/[slug], an archive, the
 *     home page's ?p=), which passes its segments to server/reader-address.ts, which decodes them
 *     (lib/posts/permalink.ts addressFromSegments) and asks `resolveAddress` below;
 *   the answer is rendered (post or page), followed with a 308 (redirect) or made a 404 (none).
 *
 * The order is the rule: a visible post or page at the address wins; then an address a post had
 * before (a renamed slug, or the old blog's permalink brought by an import), if that post is
 * visible now; then a label's old archive address from an import (WordPress's /category/news).
 * "Visible" is decided here, at read time (db/visibility.ts), so a scheduled post appears at its
 * time with no job to run.
 */
export type Address =
  | { kind: 'post'; post: PostSummary }
  | { kind: 'page'; page: PostSummary }
  | { kind: 'redirect'; to: string }
  | { kind: 'none' };

/** What readers get at `path` (decoded, as permalinks are stored: `/2012/02/café.html`) at `now`. */
export async function resolveAddress({ path, now = new Date() }: { path: string; now?: Date }): Promise<Address> {
  const shape = addressShape(path);
  if (shape === 'post') {
    const post = await getVisiblePostByPermalink({ permalink: path, type: 'post', now });
    if (post) return { kind: 'post', post };
  } else if (shape === 'page') {
    const page = await getVisiblePostByPermalink({ permalink: path, type: 'page', now });
    if (page) return { kind: 'page', page };
  }
  const to = movedPostTarget(path, now) ?? movedLabelTarget(path);
  return to ? { kind: 'redirect', to } : { kind: 'none' };
}

/** Where a post's earlier address leads, if the post behind it is visible. */
function movedPostTarget(fromPath: string, now: Date): string | undefined {
  const row = getDb()
    .select({ permalink: posts.permalink })
    .from(redirects)
    .innerJoin(posts, eq(posts.id, redirects.postId))
    .where(and(eq(redirects.fromPath, fromPath), inArray(posts.status, ['published', 'scheduled']), lte(posts.publishedAt, now)))
    .get();
  return row?.permalink ?? undefined;
}

function movedLabelTarget(fromPath: string): string | undefined {
  const label = getDb()
    .select({ name: labels.name })
    .from(labelRedirects)
    .innerJoin(labels, eq(labels.id, labelRedirects.labelId))
    .where(eq(labelRedirects.fromPath, fromPath))
    .get();
  return label ? labelPath(label.name) : undefined;
}
