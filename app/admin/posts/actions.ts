'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canEditPost, requireAuthor } from '@/auth';
import { getAuthorById } from '@/db/authors';
import { deletePostsByIds, getPostById, getPostWithLabelsById, getRevisionById, savePostChecked } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { parseLabels } from '@/lib/posts/content';
import { formatDateTime, parseLocalDateTime } from '@/lib/reading/dates';
import { postInput } from '@/lib/posts/post-input';
import { authorFormAction } from '@/server/form-action';

const fields = ['title', 'body', 'labels', 'commentPolicy', 'slug', 'searchDescription', 'scheduleAt', 'authorId', 'coverImage'];

function editorPath(type: 'post' | 'page', id: number) {
  return `/admin/${type === 'page' ? 'pages' : 'posts'}/${id}`;
}

/**
 * Saves a draft, publishes, or schedules a post or page. The first publish freezes the
 * permalink; a version check refuses to overwrite changes saved from another tab.
 */
export const savePostAction = authorFormAction(
  {
    schema: postInput,
    values: fields,
    input: (values, formData) => ({ ...values, intent: formData.get('intent') }),
    refused: 'Nothing was saved. Please fill in what is marked below.',
  },
  async (input, { author, values, formData }) => {
    const id = Number(formData.get('id') ?? '') || undefined;

    const existing = id === undefined ? undefined : await getPostById(id);
    if (id !== undefined && (!existing || !canEditPost(author, existing))) {
      return { message: 'This post does not exist or is not yours to edit.', values };
    }
    const type = existing?.type ?? (formData.get('type') === 'page' ? 'page' : 'post');

    // Only admins give a post to another author.
    let ownerId = existing?.authorId ?? author.id;
    const requestedOwner = Number(values.authorId);
    if (author.role === 'admin' && requestedOwner && requestedOwner !== ownerId) {
      if (!(await getAuthorById(requestedOwner))) return { errors: { authorId: ['Choose an author from the list.'] }, values };
      ownerId = requestedOwner;
    }

    const settings = await getSettings();
    const now = new Date();
    let scheduleAt: Date | undefined;
    if (input.intent === 'schedule') {
      const at = input.scheduleAt ? parseLocalDateTime(input.scheduleAt, settings.timezone) : null;
      if (!at) return { errors: { scheduleAt: ['Choose the date and time to publish at.'] }, values };
      if (at.getTime() <= now.getTime()) {
        return {
          errors: { scheduleAt: ['That time has already passed. Choose a time in the future, or use Publish to publish now.'] },
          values,
        };
      }
      scheduleAt = at;
    }

    const expected = Number(formData.get('updatedAt'));
    const result = await savePostChecked({
      id,
      type,
      authorId: ownerId,
      editorId: author.id,
      title: input.title,
      body: input.body,
      labels: input.labels,
      action: input.intent,
      scheduleAt,
      slug: input.slug || undefined,
      searchDescription: input.searchDescription,
      coverImage: input.coverImage,
      commentPolicy: input.commentPolicy,
      expectedUpdatedAt: id !== undefined && expected ? expected : undefined,
      timeZone: settings.timezone,
      now,
    });
    if (!result.ok) {
      if (result.reason === 'conflict') {
        return {
          message: `This ${type} was changed in another tab or by someone else at ${formatDateTime(result.updatedAt, settings.timezone)}. Nothing was saved: copy your changes, reload the page, and apply them again.`,
          values,
        };
      }
      if (result.reason === 'slug-taken') return { errors: { slug: ['Another post already uses that permalink.'] }, values };
      return { message: 'This post does not exist any more.', values };
    }

    revalidatePath('/', 'layout');
    const post = result.post;
    const saved =
      post.status === 'scheduled' ? 'scheduled' : existing?.status === 'published' && post.status === 'published' ? 'updated' : post.status;
    redirect(`${editorPath(type, post.id)}?saved=${saved}`);
  },
);

/** Deletes one post after the confirmation page. */
export async function deletePostAction(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const id = Number(formData.get('id'));
  const post = Number.isSafeInteger(id) ? await getPostById(id) : undefined;
  if (!post || !canEditPost(author, post)) redirect('/admin?notice=missing');
  await deletePostsByIds({ ids: [post.id] });
  revalidatePath('/', 'layout');
  redirect(post.type === 'page' ? '/admin/pages?notice=deleted' : '/admin?notice=deleted');
}

const bulkInput = z.object({
  action: z.enum(['publish', 'draft', 'delete']),
  ids: z.array(z.coerce.number().int().positive()).min(1).max(500),
});

/** Publish, revert to draft or delete the ticked posts; posts the author may not edit are skipped. */
export async function bulkPostsAction(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const parsed = bulkInput.safeParse({ action: formData.get('action'), ids: formData.getAll('ids') });
  const back = formData.get('type') === 'page' ? '/admin/pages' : '/admin';
  if (!parsed.success) redirect(`${back}?notice=none`);
  const settings = await getSettings();
  let done = 0;
  const deletable: number[] = [];
  for (const id of parsed.data.ids) {
    const post = await getPostWithLabelsById(id);
    if (!post || !canEditPost(author, post)) continue;
    if (parsed.data.action === 'delete') {
      deletable.push(id);
      continue;
    }
    const result = await savePostChecked({
      id,
      authorId: post.authorId,
      editorId: author.id,
      title: post.title,
      body: post.body,
      labels: post.labels,
      action: parsed.data.action,
      timeZone: settings.timezone,
    });
    if (result.ok) done++;
  }
  if (deletable.length) await deletePostsByIds({ ids: deletable });
  revalidatePath('/', 'layout');
  redirect(`${back}?notice=${parsed.data.action}&n=${done + deletable.length}`);
}

/** Puts an old revision's title, body and labels back, as a new save (so it can be undone too). */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const revision = await getRevisionById(Number(formData.get('revisionId')));
  const post = revision ? await getPostById(revision.postId) : undefined;
  if (!revision || !post || !canEditPost(author, post)) redirect('/admin?notice=missing');
  const settings = await getSettings();
  const result = await savePostChecked({
    id: post.id,
    authorId: post.authorId,
    editorId: author.id,
    title: revision.title,
    body: revision.body,
    labels: parseLabels(revision.labels),
    action: post.status === 'published' ? 'publish' : post.status === 'scheduled' ? 'schedule' : 'draft',
    scheduleAt: post.status === 'scheduled' ? (post.publishedAt ?? undefined) : undefined,
    timeZone: settings.timezone,
  });
  if (!result.ok) redirect(`${editorPath(post.type, post.id)}/revisions?notice=failed`);
  revalidatePath('/', 'layout');
  redirect(`${editorPath(post.type, post.id)}?saved=restored`);
}
