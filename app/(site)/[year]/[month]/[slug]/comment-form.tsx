'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_WEBSITE_LENGTH } from '@/lib/comments/comment-limits';
import { commentStored, postForm, type FieldErrors } from '@/lib/http/form-reply';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';

/**
 * The comment form. Without JavaScript it is a plain POST to /comments; with it, the same
 * request asks for JSON, so errors appear inline and nothing typed is lost.
 */
export function CommentForm({
  postId,
  permalink,
  submissionKey,
  shownAt,
  replyTo,
}: {
  postId: number;
  permalink: string;
  submissionKey: string;
  shownAt: string;
  replyTo?: { id: number; name: string };
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [scrollTo, setScrollTo] = useState<string>();
  const pending = sending || refreshing;

  useEffect(() => {
    if (!refreshing && scrollTo) {
      document.getElementById(scrollTo)?.scrollIntoView({ block: 'center' });
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the scroll is the effect; clearing its target makes it happen once
      setScrollTo(undefined);
    }
  }, [refreshing, scrollTo]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSending(true);
    setMessage(undefined);
    try {
      const reply = await postForm('/comments', new FormData(event.currentTarget), commentStored);
      if (reply.kind !== 'ok') {
        setErrors(reply.kind === 'refused' ? reply.errors : {});
        setMessage((reply.kind === 'refused' && reply.message) || 'Your comment was not published. Please try again.');
        return;
      }
      setErrors({});
      formRef.current?.reset();
      const anchor = reply.data.location.split('#')[1];
      startRefresh(() => {
        if (replyTo) router.replace(permalink, { scroll: false });
        router.refresh();
      });
      setScrollTo(anchor);
    } catch {
      setMessage('The comment could not be sent. Check your connection and try again; what you typed is still here.');
    } finally {
      setSending(false);
    }
  }

  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `comment-${name}-error` : undefined,
  });

  return (
    <form ref={formRef} action="/comments" method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="shownAt" value={shownAt} />
      {replyTo ? <input type="hidden" name="parentId" value={replyTo.id} /> : null}
      {/* A field people never see: only bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="comment-homepage">Leave this empty</label>
        <input id="comment-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      {replyTo ? (
        <p className="text-sm">
          Replying to <strong>{replyTo.name}</strong> ·{' '}
          <Link href={`${permalink}#comment-form`} className="link" scroll={false}>
            Cancel reply
          </Link>
        </p>
      ) : null}
      <FormMessage id="comment-form-message" message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="comment-name" className="mb-1 block text-sm font-medium">
            Name
          </label>
          <input id="comment-name" name="name" autoComplete="name" required maxLength={MAX_NAME_LENGTH} className="field" {...field('name')} />
          <FieldError id="comment-name-error" errors={errors.name} />
        </div>
        <div>
          <label htmlFor="comment-email" className="mb-1 block text-sm font-medium">
            Email <span className="font-normal text-stone-600 dark:text-stone-400">(optional, never shown)</span>
          </label>
          <input
            id="comment-email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={MAX_EMAIL_LENGTH}
            className="field"
            {...field('email')}
          />
          <FieldError id="comment-email-error" errors={errors.email} />
        </div>
      </div>
      <div>
        <label htmlFor="comment-website" className="mb-1 block text-sm font-medium">
          Website <span className="font-normal text-stone-600 dark:text-stone-400">(optional)</span>
        </label>
        <input
          id="comment-website"
          name="website"
          type="url"
          autoComplete="url"
          inputMode="url"
          placeholder="https://"
          maxLength={MAX_WEBSITE_LENGTH}
          className="field"
          {...field('website')}
        />
        <FieldError id="comment-website-error" errors={errors.website} />
      </div>
      <div>
        <label htmlFor="comment-body" className="mb-1 block text-sm font-medium">
          Comment
        </label>
        <textarea id="comment-body" name="body" required rows={5} maxLength={MAX_COMMENT_LENGTH} className="field" {...field('body')} />
        <FieldError id="comment-body-error" errors={errors.body} />
      </div>
      <div className="flex items-start gap-2">
        <input id="comment-notify" name="notifyReplies" type="checkbox" className="mt-1 size-4 shrink-0" aria-describedby="comment-notify-hint" />
        <div>
          <label htmlFor="comment-notify" className="text-sm font-medium">
            Email me replies
          </label>
          <p id="comment-notify-hint" className="text-xs text-stone-600 dark:text-stone-400">
            Sent to the email above when a reply is published; each mail has a link to stop them.
          </p>
        </div>
      </div>
      <div>
        <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary">
          {pending ? 'Publishing…' : 'Publish'}
        </button>
      </div>
    </form>
  );
}
