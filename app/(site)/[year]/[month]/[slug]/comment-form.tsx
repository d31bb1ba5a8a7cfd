'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/form-state';
import { MAX_COMMENT_LENGTH } from '@/lib/comments';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addComment } from './actions';

export function CommentForm({ postId }: { postId: number }) {
  const [state, formAction] = useActionState(addComment, {} as FormState);
  const v = state.values ?? {};
  const err = state.errors ?? {};

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="postId" value={postId} />
      <FormMessage id="comment-form-message" message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="comment-name" className="mb-1 block text-sm font-medium">
            Name
          </label>
          <input
            id="comment-name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={v.name}
            aria-invalid={err.name ? true : undefined}
            aria-describedby={err.name ? 'comment-name-error' : undefined}
            className="field"
          />
          <FieldError id="comment-name-error" errors={err.name} />
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
            maxLength={254}
            defaultValue={v.email}
            aria-invalid={err.email ? true : undefined}
            aria-describedby={err.email ? 'comment-email-error' : undefined}
            className="field"
          />
          <FieldError id="comment-email-error" errors={err.email} />
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
          maxLength={2000}
          defaultValue={v.website}
          aria-invalid={err.website ? true : undefined}
          aria-describedby={err.website ? 'comment-website-error' : undefined}
          className="field"
        />
        <FieldError id="comment-website-error" errors={err.website} />
      </div>
      <div>
        <label htmlFor="comment-body" className="mb-1 block text-sm font-medium">
          Comment
        </label>
        <textarea
          id="comment-body"
          name="body"
          required
          rows={5}
          maxLength={MAX_COMMENT_LENGTH}
          defaultValue={v.body}
          aria-invalid={err.body ? true : undefined}
          aria-describedby={err.body ? 'comment-body-error' : undefined}
          className="field"
        />
        <FieldError id="comment-body-error" errors={err.body} />
      </div>
      <div>
        <SubmitButton pendingLabel="Publishing…">Publish</SubmitButton>
      </div>
    </form>
  );
}
