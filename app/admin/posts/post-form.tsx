'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { autosaved } from '@/lib/http/admin-replies';
import { postForm } from '@/lib/http/form-reply';
import { MAX_LABELS_LENGTH } from '@/lib/posts/post-input';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { LabelInput } from '@/components/editor/label-input';
import { RichEditor } from '@/components/editor/rich-editor';
import { savePostAction } from './actions';

export type PostFormValues = {
  id?: number;
  type: 'post' | 'page';
  title: string;
  body: string;
  labels: string;
  commentPolicy: string;
  slug: string;
  searchDescription: string;
  coverImage: string;
  scheduleAt: string;
  authorId: string;
  /** Readers can see it: the permalink is frozen and "Update" replaces "Publish". */
  live: boolean;
  status: 'draft' | 'scheduled' | 'published';
  updatedAt?: number;
  permalinkPrefix: string;
};

const hint = 'mt-1 text-xs text-stone-600 dark:text-stone-400';

export function PostForm({
  post,
  authors,
  timeZone,
  knownLabels = [],
  images = [],
}: {
  post: PostFormValues;
  knownLabels?: string[];
  /** Uploaded images to choose a cover from: path and file name. */
  images?: { src: string; name: string }[];
  /** Offered to admins only: who the post belongs to. */
  authors?: { id: number; name: string }[];
  timeZone: string;
}) {
  const [state, formAction] = useActionState(savePostAction, {} as FormState);
  const v = { ...post, ...(state.values ?? {}) };
  const { formRef, id, updatedAt, status: autosaveStatus, markDirty } = useAutosave(post);
  const [covers, setCovers] = useState(images);
  const err = state.errors ?? {};
  const noun = post.type === 'page' ? 'page' : 'post';
  const aria = (name: string, hintId?: string) => ({
    'aria-invalid': err[name] ? true : undefined,
    'aria-describedby': [hintId, err[name] ? `post-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
  });

  return (
    <form ref={formRef} onInput={markDirty} action={formAction} className="flex flex-col gap-5" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {updatedAt ? <input type="hidden" name="updatedAt" value={updatedAt} /> : null}
      <input type="hidden" name="type" value={post.type} />
      <FormMessage id="post-form-message" message={state.message} />
      <div>
        <label htmlFor="post-title" className="mb-1 block text-sm font-medium">
          Title
        </label>
        <input id="post-title" name="title" required maxLength={300} defaultValue={v.title} className="field font-serif text-xl" {...aria('title')} />
        <FieldError id="post-title-error" errors={err.title} />
      </div>
      <div>
        <label id="post-body-label" htmlFor="post-body" className="mb-1 block text-sm font-medium">
          Body
        </label>
        <RichEditor
          id="post-body"
          name="body"
          labelId="post-body-label"
          defaultValue={v.body}
          invalid={err.body ? true : undefined}
          describedBy={err.body ? 'post-body-hint post-body-error' : 'post-body-hint'}
          onChange={markDirty}
          onImageUploaded={(image) => setCovers((list) => (list.some((i) => i.src === image.src) ? list : [image, ...list]))}
        />
        <p id="post-body-hint" className={hint}>
          Type Markdown shortcuts (## heading, &gt; quote, **bold**, - list) or paste Markdown; HTML mode shows the source.
          The “Read more” break marks where the home page stops. Scripts and styles are removed on save.
        </p>
        <FieldError id="post-body-error" errors={err.body} />
      </div>

      <details className="rounded-lg border border-stone-200 bg-white p-4 open:pb-5 dark:border-stone-800 dark:bg-stone-900" open>
        <summary className="cursor-pointer text-sm font-semibold">{post.type === 'page' ? 'Page settings' : 'Post settings'}</summary>
        <div className="mt-4 grid gap-5 sm:grid-cols-2">
          {post.type === 'post' ? (
            <div className="sm:col-span-2">
              <label htmlFor="post-labels" className="mb-1 block text-sm font-medium">
                Labels
              </label>
              <LabelInput
                id="post-labels"
                name="labels"
                defaultValue={v.labels}
                known={knownLabels}
                maxLength={MAX_LABELS_LENGTH}
                invalid={err.labels ? true : undefined}
                describedBy={err.labels ? 'post-labels-hint post-labels-error' : 'post-labels-hint'}
              />
              <p id="post-labels-hint" className={hint}>
                Separate labels with commas; existing labels are suggested as you type, new ones are created.
              </p>
              <FieldError id="post-labels-error" errors={err.labels} />
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <label htmlFor="post-slug" className="mb-1 block text-sm font-medium">
              Permalink
            </label>
            <div className="flex items-center gap-1">
              <span className="shrink-0 text-sm text-stone-600 dark:text-stone-400">{post.permalinkPrefix}</span>
              <input
                id="post-slug"
                name="slug"
                defaultValue={v.slug}
                placeholder="made from the title"
                className="field min-w-0"
                {...aria('slug', 'post-slug-hint')}
              />
              <span className="shrink-0 text-sm text-stone-600 dark:text-stone-400">.html</span>
            </div>
            <p id="post-slug-hint" className={hint}>
              {post.live
                ? 'Readers already know this address. Changing it keeps the old one working as a redirect.'
                : `Set when the ${noun} is first published; leave empty to make it from the title.`}
            </p>
            <FieldError id="post-slug-error" errors={err.slug} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="post-description" className="mb-1 block text-sm font-medium">
              Search description
            </label>
            <textarea
              id="post-description"
              name="searchDescription"
              rows={2}
              maxLength={300}
              defaultValue={v.searchDescription}
              className="field"
              {...aria('searchDescription', 'post-description-hint')}
            />
            <p id="post-description-hint" className={hint}>
              Shown by search engines and share cards. Empty: the first words of the {noun}.
            </p>
            <FieldError id="post-searchDescription-error" errors={err.searchDescription} />
          </div>
          {post.type === 'post' ? (
            <div className="sm:col-span-2">
              <label htmlFor="post-cover" className="mb-1 block text-sm font-medium">
                Cover image
              </label>
              <select id="post-cover" name="coverImage" defaultValue={v.coverImage} className="field" {...aria('coverImage', 'post-cover-hint')}>
                <option value="">None (a card with the title is drawn)</option>
                {covers.map((image) => (
                  <option key={image.src} value={image.src}>
                    {image.name}
                  </option>
                ))}
              </select>
              <p id="post-cover-hint" className={hint}>
                Used when the {noun} is shared. Upload images in Media or into the body first.
              </p>
              <FieldError id="post-coverImage-error" errors={err.coverImage} />
            </div>
          ) : null}
          {post.type === 'post' ? (
            <div>
              <label htmlFor="post-comments" className="mb-1 block text-sm font-medium">
                Comments
              </label>
              <select id="post-comments" name="commentPolicy" defaultValue={v.commentPolicy} className="field">
                <option value="inherit">Open, moderated as the blog&apos;s settings say</option>
                <option value="always">Open, hold every comment for moderation</option>
                <option value="never">Open, publish comments at once</option>
                <option value="closed">Closed</option>
              </select>
            </div>
          ) : null}
          {authors ? (
            <div>
              <label htmlFor="post-author" className="mb-1 block text-sm font-medium">
                Author
              </label>
              <select id="post-author" name="authorId" defaultValue={v.authorId} className="field" {...aria('authorId')}>
                {authors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <FieldError id="post-authorId-error" errors={err.authorId} />
            </div>
          ) : null}
          {!post.live ? (
            <div>
              <label htmlFor="post-schedule" className="mb-1 block text-sm font-medium">
                Publish at
              </label>
              <input
                id="post-schedule"
                name="scheduleAt"
                type="datetime-local"
                step={1}
                defaultValue={v.scheduleAt}
                className="field"
                {...aria('scheduleAt', 'post-schedule-hint')}
              />
              <p id="post-schedule-hint" className={hint}>
                For Schedule. Times are in the blog&apos;s time zone ({timeZone}).
              </p>
              <FieldError id="post-scheduleAt-error" errors={err.scheduleAt} />
            </div>
          ) : null}
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-5 dark:border-stone-800">
        <SubmitButton name="intent" value="publish" pendingLabel={post.live ? 'Updating…' : 'Publishing…'}>
          {post.live ? 'Update' : 'Publish'}
        </SubmitButton>
        {!post.live ? (
          <SubmitButton name="intent" value="schedule" variant="secondary" pendingLabel="Scheduling…">
            Schedule
          </SubmitButton>
        ) : null}
        <SubmitButton name="intent" value="draft" variant="secondary" pendingLabel="Saving…">
          {post.live || post.status === 'scheduled' ? 'Revert to draft' : 'Save draft'}
        </SubmitButton>
        <p role="status" className="ml-auto text-xs text-stone-600 dark:text-stone-400">
          {autosaveStatus}
        </p>
      </div>
    </form>
  );
}

const AUTOSAVE_EVERY_MS = 8_000;

/**
 * Saves the form in the background every few seconds while it has unsaved changes, without
 * touching the editor (so the caret stays put). A new post becomes a draft on its first
 * autosave and the address bar moves to its edit URL.
 */
function useAutosave(post: PostFormValues) {
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = useRef(false);
  const busy = useRef(false);
  const [id, setId] = useState(post.id);
  const [updatedAt, setUpdatedAt] = useState(post.updatedAt);
  const [status, setStatus] = useState('');
  const [stopped, setStopped] = useState(false);

  useEffect(() => {
    if (stopped) return;
    const timer = window.setInterval(async () => {
      const form = formRef.current;
      if (!form || !dirty.current || busy.current) return;
      busy.current = true;
      dirty.current = false;
      try {
        const reply = await postForm('/api/posts/autosave', new FormData(form), autosaved);
        // Not JSON: most likely a connection or proxy problem, so it is tried again.
        if (reply.kind === 'unreadable') throw new Error(`autosave answered ${reply.status}`);
        if (reply.kind === 'refused') {
          setStatus(reply.message ?? 'Autosave failed; use Save draft.');
          if (reply.status === 409 || reply.status === 401) setStopped(true);
          return;
        }
        const data = reply.data;
        if ('skipped' in data) {
          dirty.current = true;
          return;
        }
        const time = new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
        setId(data.id);
        setUpdatedAt(data.updatedAt);
        setStatus(data.kept === 'revision' ? `Changes kept as a revision at ${time} (not published yet)` : `Draft autosaved at ${time}`);
        if (!post.id && data.id) {
          window.history.replaceState(null, '', `/admin/${post.type === 'page' ? 'pages' : 'posts'}/${data.id}`);
        }
      } catch {
        dirty.current = true;
        setStatus('Offline? Autosave will try again.');
      } finally {
        busy.current = false;
      }
    }, AUTOSAVE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [stopped, post.id, post.type]);

  return {
    formRef,
    id,
    updatedAt,
    status,
    markDirty: () => {
      dirty.current = true;
    },
  };
}
