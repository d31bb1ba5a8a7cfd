import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { z } from 'zod';
import { createCommentChecked, getCommentById } from '@/db/comments';
import { getMailableAuthorEmail } from '@/db/authors';
import { getVisiblePostById } from '@/db/posts';
import type { Author } from '@/db/schema';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { commentEnvelope, commentInput, submissionIdentity } from '@/lib/comments/comments';
import { HELD_COOKIE, readHeldIds, writeHeldIds } from '@/lib/comments/held-comments';
import {
  clientIp,
  countLinks,
  decideCommentStatus,
  findBlockedWord,
  FLOOD_WINDOW_MS,
  hashIp,
  readFormTime,
} from '@/lib/comments/moderation';
import { SESSION_COOKIE } from '@/lib/reading/page-cache';
import { refusalPageParts } from '@/lib/http/refusal-page';
import { crossOriginRefusal } from '@/lib/http/same-origin';
import { contentSecurityPolicy, createNonce, SECURITY_HEADERS } from '@/lib/http/security-policy';

/**
 * What POST /comments answers, whichever server receives it. Signed-in authors post through
 * Next (app/comments/route.ts), which needs Auth.js to read their session; everyone else is
 * answered by the front server itself (server.ts), without Next's routing, proxy and request
 * objects, which cost several times more than storing the comment. Both call
 * `answerCommentPost`, so the two can never give different answers.
 */

/** Bodies above this are refused: four times the longest comment with all fields. */
export const MAX_COMMENT_POST_BYTES = 64 * 1024;

const HELD_COOKIE_MAX_AGE = 7 * 24 * 60 * 60;

export type CommentPost = {
  /** The request's headers, after the trusted-proxy step (X-Forwarded-For is the client). */
  headers: Headers;
  body: AsyncIterable<Uint8Array> | null;
  /** The signed-in author, or null; only Next can tell. */
  currentAuthor: () => Promise<Author | null>;
};

export type CommentAnswer = { status: number; headers: Record<string, string>; body: string | null };

type Failure = { status: number; message: string; errors?: Record<string, string[] | undefined>; headers?: Record<string, string> };

/**
 * A route handler's answer rather than a server action's, so every outcome has its HTTP status
 * (400, 403, 404, 409, 413, 429) for browsers, scripts and tests alike. The form works without
 * JavaScript (a plain POST answered with a redirect or an error page); with JavaScript it asks
 * for JSON and shows the answer inline.
 */
export async function answerCommentPost({ headers, body, currentAuthor }: CommentPost): Promise<CommentAnswer> {
  const wantsJson = headers.get('accept')?.includes('application/json') ?? false;
  const fail = (failure: Failure) => failureAnswer(failure, wantsJson, headers);
  const refusal = crossOriginRefusal(headers);
  if (refusal) return fail({ status: 403, message: refusal });

  const tooLong = { status: 413, message: 'That comment is too long to send.' };
  const length = Number(headers.get('content-length') ?? 0);
  if (length > MAX_COMMENT_POST_BYTES) return fail(tooLong);
  const form = await readForm(headers.get('content-type'), body);
  if (form === 'too large') return fail(tooLong);
  if (form === 'unreadable') {
    return fail({ status: 400, message: 'The comment form could not be read. Please reload the page and try again.' });
  }
  const text = (name: string) => form.get(name) ?? undefined;

  const parsed = commentInput.safeParse({
    postId: text('postId'),
    name: text('name') ?? '',
    email: text('email') ?? '',
    website: text('website') ?? '',
    body: text('body') ?? '',
  });
  if (!parsed.success) {
    return fail({
      status: 400,
      message: 'Your comment was not published. Please check the fields marked below.',
      errors: z.flattenError(parsed.error).fieldErrors,
    });
  }
  if (text('notifyReplies') === 'on' && !parsed.data.email) {
    return fail({
      status: 400,
      message: 'Your comment was not published. Please check the fields marked below.',
      errors: { email: ['Add your email to get replies by email, or untick “Email me replies”.'] },
    });
  }
  const envelope = commentEnvelope.safeParse({ parentId: text('parentId'), submissionKey: text('submissionKey') });
  if (!envelope.success) return fail({ status: 400, message: envelope.error.issues[0]!.message });
  const input = parsed.data;

  const now = new Date();
  const post = await getVisiblePostById({ id: input.postId, now });
  if (!post) {
    return fail({ status: 404, message: 'This post does not exist or is not published yet.' });
  }
  if (post.commentPolicy === 'closed') return fail({ status: 403, message: 'Comments are closed on this post.' });

  // Replies hang one level deep, under the top comment of their thread, as on Blogger.
  let parentId: number | null = null;
  if (envelope.data.parentId !== null) {
    const parent = await getCommentById(envelope.data.parentId);
    if (!parent || parent.postId !== post.id || parent.status !== 'published') {
      return fail({ status: 400, message: 'The comment you are replying to is not there any more.' });
    }
    parentId = parent.parentId ?? parent.id;
  }

  const [settings, author, postAuthorEmail] = await Promise.all([getSettings(), currentAuthor(), getMailableAuthorEmail(post.authorId)]);
  const secret = getAuthSecret();
  const shownAt = readFormTime(text('shownAt'), secret);
  const ipHash = hashIp(clientIp(headers.get('x-forwarded-for')), secret);
  const fields = [input.name, input.body, input.website ?? '', input.email ?? ''];
  const result = await createCommentChecked({
    values: {
      postId: post.id,
      parentId,
      authorName: input.name,
      authorEmail: input.email?.toLowerCase() ?? null,
      authorUrl: input.website,
      body: input.body,
      isPostAuthor: author?.id === post.authorId,
      ipHash,
      submissionKey: submissionIdentity({ key: envelope.data.submissionKey, postId: post.id, name: input.name, body: input.body }),
      // Only with an email to send them to (the form shows the box beside the email field).
      notifyReplies: Boolean(input.email) && text('notifyReplies') === 'on',
      createdAt: now,
    },
    floodSince: new Date(now.getTime() - FLOOD_WINDOW_MS),
    // The post's author hears of every comment but their own; the blog's notification addresses of all.
    notifyAddresses: [
      ...(postAuthorEmail && author?.id !== post.authorId ? [postAuthorEmail] : []),
      ...settings.notifyEmails.split(',').map((a) => a.trim()).filter(Boolean),
    ],
    decide: (trustedCommenter) =>
      decideCommentStatus({
        mode: settings.commentModeration,
        moderateAfterDays: settings.moderateAfterDays,
        policy: post.commentPolicy,
        postPublishedAt: post.publishedAt,
        now,
        honeypotFilled: Boolean(text('homepage')),
        fillTimeMs: shownAt === null ? null : now.getTime() - shownAt,
        linkCount: countLinks(input.body),
        blockedWord: findBlockedWord(fields, settings.blockedWords),
        signedInAuthor: Boolean(author),
        trustedCommenter,
        trustEnabled: settings.trustApprovedCommenters,
      }).status,
  });

  if (result.kind === 'flood') {
    return fail({
      status: 429,
      message: 'You are commenting too quickly. Please wait a few seconds and try again.',
      headers: { 'retry-after': String(FLOOD_WINDOW_MS / 1000) },
    });
  }
  if (result.kind === 'duplicate') {
    return fail({ status: 409, message: 'It looks as though you have already said that on this post.' });
  }

  // Readers see a published comment at once without any purge here: live pages read the
  // database, and cached ones are keyed by the content version its insert bumps.
  const { comment } = result;
  const answerHeaders: Record<string, string> = {};
  if (comment.status === 'pending') {
    const held = readHeldIds(cookieValue(headers.get('cookie'), HELD_COOKIE), secret);
    answerHeaders['set-cookie'] = heldCookie(writeHeldIds(held, comment.id, secret), now);
  }
  const location = comment.status === 'spam' ? `${post.permalink}#comments` : `${post.permalink}#c${comment.id}`;
  if (wantsJson) {
    return json(result.kind === 'created' ? 201 : 200, { status: comment.status, location }, answerHeaders);
  }
  return { status: 303, headers: { ...answerHeaders, location }, body: null };
}

function failureAnswer(failure: Failure, wantsJson: boolean, headers: Headers): CommentAnswer {
  if (wantsJson) return json(failure.status, { message: failure.message, errors: failure.errors ?? {} }, failure.headers);
  // Back to the page the form was on: only its path, so the link can never leave this site.
  let safeBack = '/';
  try {
    const referer = new URL(headers.get('referer') ?? '');
    safeBack = `${referer.pathname}${referer.search}#comment-form`;
  } catch {
    // No usable Referer: the home page will do.
  }
  return refusalPageParts({
    status: failure.status,
    title: 'Your comment was not published',
    message: failure.message,
    details: Object.values(failure.errors ?? {})
      .flat()
      .filter((e): e is string => Boolean(e)),
    back: { href: safeBack, label: 'Go back to the post', after: '— your browser usually keeps what you typed.' },
    headers: failure.headers,
  });
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): CommentAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The held-comment cookie, written as Next's `cookies().set` writes it (the route set it that way before). */
function heldCookie(value: string, now: Date): string {
  const expires = new Date(now.getTime() + HELD_COOKIE_MAX_AGE * 1000).toUTCString();
  return `${HELD_COOKIE}=${encodeURIComponent(value)}; Path=/; Expires=${expires}; Max-Age=${HELD_COOKIE_MAX_AGE}; HttpOnly; SameSite=lax`;
}

/** One cookie from a Cookie header, read as Next reads them (the last of a repeated name wins). */
function cookieValue(header: string | null, name: string): string | undefined {
  let found: string | undefined;
  for (const pair of (header ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at === -1 || pair.slice(0, at) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // A value that is not %-encoded properly is ignored, as Next ignores it.
    }
  }
  return found;
}

/** A form's fields, the first value of each name; a file part counts as no value. */
type Form = Map<string, string | null>;

/**
 * The two encodings a form can post, read as the Fetch standard's `formData()` reads them:
 * URL-encoded by URLSearchParams (the same parser), multipart by busboy; bytes that are not
 * UTF-8 become U+FFFD. The body is read whole, within the size limit, before it is parsed.
 */
async function readForm(contentType: string | null, body: AsyncIterable<Uint8Array> | null): Promise<Form | 'too large' | 'unreadable'> {
  const essence = contentType?.split(';', 1)[0]!.trim().toLowerCase();
  if (essence !== 'application/x-www-form-urlencoded' && essence !== 'multipart/form-data') return 'unreadable';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_COMMENT_POST_BYTES) return 'too large';
      chunks.push(chunk);
    }
  } catch {
    return 'unreadable';
  }
  const bytes = Buffer.concat(chunks, size);
  if (essence === 'application/x-www-form-urlencoded') {
    const form: Form = new Map();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) if (!form.has(name)) form.set(name, value);
    return form;
  }
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType! } });
    } catch {
      return resolve('unreadable');
    }
    const form: Form = new Map();
    parser.on('field', (name, value) => {
      if (!form.has(name)) form.set(name, value);
    });
    parser.on('file', (name, file) => {
      if (!form.has(name)) form.set(name, null);
      file.resume();
    });
    parser.on('error', () => resolve('unreadable'));
    parser.on('close', () => resolve(form));
    parser.end(bytes);
  });
}

// The front server's side: which requests it answers itself, and how it writes the answer.

/** A comment posted by someone without a session: Next's proxy and Auth.js have nothing to add. */
export function isAnonymousCommentPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/comments' || req.headers['next-action'] !== undefined) return false;
  const names = (req.headers.cookie ?? '').split(/; */).map((pair) => pair.split('=', 1)[0]!);
  return !names.some((name) => SESSION_COOKIE.test(name));
}

/**
 * Answers an anonymous comment post with the headers Next would add (next.config.ts's security
 * headers, proxy.ts's live-page policy and HSTS over https).
 */
export async function serveCommentPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const answer = await answerCommentPost({
    headers,
    // Left unread past the limit, the rest is discarded by Node once the answer is sent.
    body: req.iterator({ destroyOnReturn: false }),
    currentAuthor: async () => null,
  });
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(createNonce()));
  if (headers.get('x-forwarded-proto') === 'https') res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (!req.complete) discardRest(req);
  res.statusCode = answer.status;
  res.end(answer.body ?? undefined);
}

/**
 * The rest of a body refused before it was read (too large, or from another site) is read and
 * dropped, as Node does with a body no handler reads: left in the socket, it would be parsed as
 * the connection's next request, and closing at once can cut off the answer before a client that
 * is still sending reads it. Past a megabyte it is no comment form: the connection is dropped.
 */
function discardRest(req: IncomingMessage): void {
  let left = 1024 * 1024;
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) req.socket.destroy();
  });
  req.resume();
}
