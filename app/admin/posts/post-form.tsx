'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/form-state';
import { MAX_LABELS_LENGTH } from '@/lib/post-input';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { savePostAction } from './actions';

export type PostFormValues = {
  id?: number;
  title: string;
  body: string;
  labels: string;
  commentPolicy: string;
  published: boolean;
};

export function PostForm({ post }: { post?: PostFormValues }) {
  const [state, formAction] = useActionState(savePostAction, {} as FormState);
  const v = state.values ?? {
    title: post?.title ?? '',
    body: post?.body ?? '',
    labels: post?.labels ?? '',
    commentPolicy: post?.commentPolicy ?? 'inherit',
  };
  const err = state.errors ?? {};

  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      {post?.id ? <input type="hidden" name="id" value={post.id} /> : null}
      <FormMessage id="post-form-message" message={state.message} />
      <div>
        <label htmlFor="post-title" className="mb-1 block text-sm font-medium">
          Title
        </label>
        <input
          id="post-title"
          name="title"
          required
          maxLength={300}
          defaultValue={v.title}
          aria-invalid={err.title ? true : undefined}
          aria-describedby={err.title ? 'post-title-error' : undefined}
          className="field font-serif text-xl"
        />
        <FieldError id="post-title-error" errors={err.title} />
      </div>
      <div>
        <label htmlFor="post-body" className="mb-1 block text-sm font-medium">
          Body
        </label>
        <textarea
          id="post-body"
          name="body"
          required
          rows={18}
          defaultValue={v.body}
          aria-invalid={err.body ? true : undefined}
          aria-describedby={err.body ? 'post-body-hint post-body-error' : 'post-body-hint'}
          className="field font-mono text-sm leading-relaxed"
        />
        <p id="post-body-hint" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          Plain text (a blank line starts a new paragraph) or HTML. Scripts and styles are removed on save.
        </p>
        <FieldError id="post-body-error" errors={err.body} />
      </div>
      <div>
        <label htmlFor="post-labels" className="mb-1 block text-sm font-medium">
          Labels
        </label>
        <input
          id="post-labels"
          name="labels"
          maxLength={MAX_LABELS_LENGTH}
          placeholder="e.g. Travel, Recipes"
          defaultValue={v.labels}
          aria-invalid={err.labels ? true : undefined}
          aria-describedby={err.labels ? 'post-labels-hint post-labels-error' : 'post-labels-hint'}
          className="field"
        />
        <p id="post-labels-hint" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          Separate labels with commas.
        </p>
        <FieldError id="post-labels-error" errors={err.labels} />
      </div>
      <div>
        <label htmlFor="post-comments" className="mb-1 block text-sm font-medium">
          Comments
        </label>
        <select id="post-comments" name="commentPolicy" defaultValue={v.commentPolicy} className="field sm:w-auto">
          <option value="inherit">Open, moderated as the blog&apos;s settings say</option>
          <option value="always">Open, hold every comment for moderation</option>
          <option value="never">Open, publish comments at once</option>
          <option value="closed">Closed</option>
        </select>
      </div>
      <div className="flex flex-wrap gap-3 border-t border-stone-200 pt-5 dark:border-stone-800">
        <SubmitButton name="intent" value="publish" pendingLabel={post?.published ? 'Updating…' : 'Publishing…'}>
          {post?.published ? 'Update' : 'Publish'}
        </SubmitButton>
        <SubmitButton name="intent" value="draft" variant="secondary" pendingLabel="Saving…">
          {post?.published ? 'Revert to draft' : 'Save draft'}
        </SubmitButton>
      </div>
    </form>
  );
}
