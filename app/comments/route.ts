import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getCurrentAuthor } from '@/auth';
import { createCommentChecked, getCommentById } from '@/db/comments';
import { getPostById } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/auth-secret';
import { commentEnvelope, commentInput, submissionIdentity } from '@/lib/comments';
import { refusalPage } from '@/lib/refusal-page';
import { crossOriginRefusal } from '@/lib/same-origin';
import { HELD_COOKIE, readHeldIds, writeHeldIds } from '@/lib/held-comments';
import {
  clientIp,
  countLinks,
  decideCommentStatus,
  findBlockedWord,
  FLOOD_WINDOW_MS,
  hashIp,
  readFormTime,
} from '@/lib/moderation';

/** Bodies above this are refused before parsing: four times the longest comment with all fields. */
const MAX_BODY_BYTES = 64 * 1024;

type Failure = { status: number; message: string; errors?: Record<string, string[] | undefined>; headers?: HeadersInit };

/**
 * Where the comment form posts. A route handler rather than a server action, so every outcome
 * has its HTTP status (400, 403, 404, 409, 413, 429) for browsers, scripts and tests alike.
 * The form works without JavaScript (a plain POST answered with a redirect or an error page);
 * with JavaScript it asks for JSON and shows the answer inline.
 */
export async function POST(request: Request) {
  const wantsJson = request.headers.get('accept')?.includes('application/json') ?? false;
  const fail = (failure: Failure) => failureResponse(failure, wantsJson, request);
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return fail({ status: 403, message: refusal });

  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return fail({ status: 413, message: 'That comment is too long to send.' });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail({ status: 400, message: 'The comment form could not be read. Please reload the page and try again.' });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };

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
  const envelope = commentEnvelope.safeParse({ parentId: text('parentId'), submissionKey: text('submissionKey') });
  if (!envelope.success) return fail({ status: 400, message: envelope.error.issues[0]!.message });
  const input = parsed.data;

  const post = await getPostById(input.postId);
  const now = new Date();
  const visible = post?.type === 'post' && post.status !== 'draft' && post.permalink && post.publishedAt && post.publishedAt <= now;
  if (!post || !visible || !post.permalink || !post.publishedAt) {
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

  const [settings, author] = await Promise.all([getSettings(), getCurrentAuthor()]);
  const secret = getAuthSecret();
  const shownAt = readFormTime(text('shownAt'), secret);
  const ipHash = hashIp(clientIp(request.headers.get('x-forwarded-for')), secret);
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
      createdAt: now,
    },
    floodSince: new Date(now.getTime() - FLOOD_WINDOW_MS),
    notifyRecipients: settings.notifyEmails,
    decide: (trustedCommenter) =>
      decideCommentStatus({
        mode: settings.commentModeration,
        moderateAfterDays: settings.moderateAfterDays,
        policy: post.commentPolicy,
        postPublishedAt: post.publishedAt!,
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

  const { comment } = result;
  if (comment.status === 'pending') {
    const jar = await cookies();
    jar.set(HELD_COOKIE, writeHeldIds(readHeldIds(jar.get(HELD_COOKIE)?.value, secret), comment.id, secret), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 7 * 24 * 60 * 60,
    });
  }
  if (comment.status === 'published') revalidatePath(post.permalink);
  const location = comment.status === 'spam' ? `${post.permalink}#comments` : `${post.permalink}#c${comment.id}`;
  if (wantsJson) {
    return Response.json({ status: comment.status, location }, { status: result.kind === 'created' ? 201 : 200 });
  }
  return new Response(null, { status: 303, headers: { location } });
}

function failureResponse(failure: Failure, wantsJson: boolean, request: Request): Response {
  if (wantsJson) {
    return Response.json({ message: failure.message, errors: failure.errors ?? {} }, { status: failure.status, headers: failure.headers });
  }
  // Back to the page the form was on: only its path, so the link can never leave this site.
  let safeBack = '/';
  try {
    const referer = new URL(request.headers.get('referer') ?? '');
    safeBack = `${referer.pathname}${referer.search}#comment-form`;
  } catch {
    // No usable Referer: the home page will do.
  }
  return refusalPage({
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
