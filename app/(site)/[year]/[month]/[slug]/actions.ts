'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentAuthor } from '@/auth';
import { createComment } from '@/db/comments';
import { getPostById } from '@/db/posts';
import { commentInput } from '@/lib/comments';
import { formValues, type FormState } from '@/lib/form-state';

const fields = ['name', 'email', 'website', 'body'];

/** A reader's comment. Anyone may comment; moderation and spam defence arrive with the comments issue. */
export async function addComment(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, fields);
  const parsed = commentInput.safeParse({ ...values, postId: formData.get('postId') });
  if (!parsed.success) {
    return {
      errors: z.flattenError(parsed.error).fieldErrors,
      message: 'Your comment was not published. Please check the fields marked below.',
      values,
    };
  }

  const post = await getPostById(parsed.data.postId);
  const visible =
    post?.type === 'post' &&
    post.permalink &&
    post.status !== 'draft' &&
    post.publishedAt &&
    post.publishedAt.getTime() <= Date.now();
  if (!post || !visible || !post.permalink) {
    return { message: 'This post is not open for comments.', values };
  }

  const author = await getCurrentAuthor();
  const comment = await createComment({
    postId: post.id,
    authorName: parsed.data.name,
    authorEmail: parsed.data.email?.toLowerCase() ?? null,
    authorUrl: parsed.data.website,
    body: parsed.data.body,
    status: 'published',
    isPostAuthor: author?.id === post.authorId,
  });

  revalidatePath(post.permalink);
  redirect(`${post.permalink}#c${comment.id}`);
}
