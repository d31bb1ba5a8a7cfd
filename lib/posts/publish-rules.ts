import { pagePermalink, postPermalink } from './permalink';
import { slugify } from './slug';

export type SaveAction = 'draft' | 'publish' | 'schedule';

type Status = 'draft' | 'scheduled' | 'published';

/** What a saved post was before this save (nothing for a new one). */
export type StoredPublication = { slug: string; permalink: string | null; publishedAt: Date | null; status: Status };

/**
 * Where the address comes from: `keep` the stored one (possibly none), `rename` a live one (the
 * old address must keep answering with a redirect), or `place` a new one at `base` or, when
 * taken, the first free Blogger-style variant (lib/posts/permalink.ts permalinkCandidates).
 */
export type PermalinkPlan = { kind: 'keep'; path: string | null } | { kind: 'rename'; from: string; to: string } | { kind: 'place'; base: string };

export type Publication = { status: Status; slug: string; publishedAt: Date | null; permalink: PermalinkPlan };

/** True once readers could have seen the post: its address is frozen from then on (Blogger's rule). */
export function isFrozen(post: StoredPublication | undefined, now: Date): boolean {
  if (!post?.permalink || !post.publishedAt) return false;
  return !(post.status === 'scheduled' && post.publishedAt > now);
}

/**
 * Blogger's publish rules for one save. A post's address is set when it is published or
 * scheduled and frozen once readers can see it: after that, reverting to draft hides it but keeps
 * its address and date, scheduling again is publishing (it is out already), and only an explicit
 * slug change moves it. Until then, a draft has no address or date, and each publish or schedule
 * places it anew from the slug (given, or made from the title) and the publish time.
 */
export function planPublication({
  stored,
  type,
  action,
  title,
  slug: requestedSlug,
  scheduleAt,
  timeZone,
  now,
}: {
  stored: StoredPublication | undefined;
  type: 'post' | 'page';
  action: SaveAction;
  title: string;
  slug?: string;
  scheduleAt?: Date;
  timeZone: string;
  now: Date;
}): Publication {
  const frozen = isFrozen(stored, now);
  const slug = requestedSlug ? slugify(requestedSlug, 60) : frozen ? stored!.slug : slugify(title);
  if (frozen) {
    const live = stored!.permalink!;
    const status = action === 'draft' ? 'draft' : 'published';
    const permalink: PermalinkPlan =
      slug === stored!.slug ? { kind: 'keep', path: live } : { kind: 'rename', from: live, to: live.replace(/[^/]+\.html$/, `${slug}.html`) };
    return { status, slug, publishedAt: stored!.publishedAt, permalink };
  }
  if (action === 'draft') return { status: 'draft', slug, publishedAt: null, permalink: { kind: 'keep', path: null } };
  const publishedAt = action === 'schedule' && scheduleAt ? scheduleAt : now;
  return {
    status: action === 'schedule' ? 'scheduled' : 'published',
    slug,
    publishedAt,
    permalink: { kind: 'place', base: type === 'page' ? pagePermalink(slug) : postPermalink(slug, publishedAt, timeZone) },
  };
}
