import 'server-only';
import { notFound } from 'next/navigation';
import { canEditPost } from '@/auth';
import { getPostWithLabelsById } from '@/db/posts';
import type { Author } from '@/db/schema';

/** The post or page behind an admin URL, or the 404 page if it isn't there or isn't this author's. */
export async function findEditablePost(author: Author, rawId: string, type: 'post' | 'page') {
  const id = Number(rawId);
  const post = Number.isSafeInteger(id) && id > 0 ? await getPostWithLabelsById(id) : undefined;
  if (!post || post.type !== type || !canEditPost(author, post)) notFound();
  return post;
}
