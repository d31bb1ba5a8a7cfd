import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normaliseNewlines } from '../posts/content';

import { MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_WEBSITE_LENGTH } from './comment-limits';

export { MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_WEBSITE_LENGTH };

/** "No comments", "1 comment", "12 comments", as Blogger writes them. */
export function commentCountLabel(count: number): string {
  if (count === 0) return 'No comments';
  return count === 1 ? '1 comment' : `${count} comments`;
}

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => v || null);

/** What a reader may send with a comment. The body is plain text: it is never rendered as HTML. */
export const commentInput = z.object({
  postId: z.coerce.number().int().positive(),
  name: z
    .string()
    .trim()
    .min(1, 'Please enter your name.')
    .max(MAX_NAME_LENGTH, `Please keep your name under ${MAX_NAME_LENGTH} characters.`),
  email: optionalText(MAX_EMAIL_LENGTH, `Please keep the email address under ${MAX_EMAIL_LENGTH} characters.`).pipe(
    z.email('Please enter a valid email address, or leave it empty.').nullable(),
  ),
  website: optionalText(MAX_WEBSITE_LENGTH, `Please keep the web address under ${MAX_WEBSITE_LENGTH} characters.`).pipe(
    z
      .url({ protocol: /^https?$/, error: 'Please enter a web address starting with http:// or https://, or leave it empty.' })
      .nullable(),
  ),
  body: z
    .string()
    .transform((v) => normaliseNewlines(v).trim())
    .pipe(
      z
        .string()
        .min(1, 'Please write a comment.')
        .max(MAX_COMMENT_LENGTH, `Please keep your comment under ${MAX_COMMENT_LENGTH.toLocaleString('en-US')} characters.`),
    ),
});


/** The hidden parts of the comment form: which comment it replies to, and its one-time key. */
export const commentEnvelope = z.object({
  parentId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form has expired; please reload the page and try again.'),
});

/**
 * What makes a submission the same one sent again: the form's key plus what was said, where and
 * by whom. A cached post page gives every reader the same form key, so the key alone would merge
 * two readers' comments; the same words under the same name on the same post are refused as a
 * duplicate anyway, so a double click or a resubmit (even from a new address) still finds the
 * first one.
 */
export function submissionIdentity({ key, postId, name, body }: { key: string; postId: number; name: string; body: string }): string {
  return createHash('sha256').update(JSON.stringify([key, postId, name, body])).digest('base64url');
}

/**
 * Comments oldest first, each top-level comment followed by its replies (one level, like Blogger).
 * Grouped through maps, in one pass: a post imported from WordPress can have 20,000 comments,
 * which took seconds to thread when every comment was searched for in the whole list.
 */
export function threadComments<T extends { id: number; parentId: number | null }>(list: T[]): (T & { replies: T[] })[] {
  const ids = new Set(list.map((c) => c.id));
  const top = list.filter((c) => c.parentId === null || !ids.has(c.parentId));
  const topIds = new Set(top.map((c) => c.id));
  const rootOf = new Map<number, number>();
  for (const c of list) rootOf.set(c.id, c.parentId ?? c.id);
  const findRoot = (id: number): number => {
    let current = id;
    for (let i = 0; i < 100 && !topIds.has(current); i++) current = rootOf.get(current) ?? current;
    return current;
  };
  const repliesByRoot = new Map<number, T[]>();
  for (const reply of list) {
    if (topIds.has(reply.id)) continue;
    const root = findRoot(reply.id);
    const replies = repliesByRoot.get(root);
    if (replies) replies.push(reply);
    else repliesByRoot.set(root, [reply]);
  }
  return top.map((c) => ({ ...c, replies: repliesByRoot.get(c.id) ?? [] }));
}
