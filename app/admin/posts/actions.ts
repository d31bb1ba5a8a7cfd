'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canEditPost, requireAuthor } from '@/auth';
import { getPostById, savePost } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { formValues, type FormState } from '@/lib/form-state';
import { postInput } from '@/lib/post-input';

const fields = ['title', 'body', 'labels', 'commentPolicy'];

/** Saves a draft or publishes. The first publish freezes the post's permalink. */
export async function savePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  const values = formValues(formData, fields);
  const id = Number(formData.get('id') ?? '') || undefined;

  const parsed = postInput.safeParse({ ...values, intent: formData.get('intent') });
  if (!parsed.success) {
    return {
      errors: z.flattenError(parsed.error).fieldErrors,
      message: 'The post was not saved. Please fill in what is marked below.',
      values,
    };
  }

  const existing = id === undefined ? undefined : await getPostById(id);
  if (id !== undefined && (!existing || existing.type !== 'post' || !canEditPost(author, existing))) {
    return { message: 'This post does not exist or is not yours to edit.', values };
  }

  const settings = await getSettings();
  const post = await savePost({
    id,
    authorId: author.id,
    title: parsed.data.title,
    body: parsed.data.body,
    labels: parsed.data.labels,
    publish: parsed.data.intent === 'publish',
    commentPolicy: parsed.data.commentPolicy,
    timeZone: settings.timezone,
  });

  revalidatePath('/', 'layout');
  const saved = existing?.status === 'published' && post.status === 'published' ? 'updated' : post.status;
  redirect(`/admin/posts/${post.id}?saved=${saved}`);
}
