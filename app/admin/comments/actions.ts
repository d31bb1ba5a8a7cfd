'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { deleteCommentsByIds, filterModeratableCommentIds, setCommentsStatus } from '@/db/comments';

const actions = ['approve', 'spam', 'pending', 'delete'] as const;
const input = z.object({
  action: z.enum(actions),
  ids: z.array(z.coerce.number().int().positive()).min(1).max(500),
  tab: z.enum(['pending', 'published', 'spam']).catch('pending'),
});

/**
 * Approve, mark as spam, hold again or delete comments: one from its row's button
 * ("approve:123"), or the ticked ones with the bulk action. Authors moderate comments on their
 * own posts; admins moderate all.
 */
export async function moderateComments(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const single = formData.get('single');
  const [singleAction, singleId] = typeof single === 'string' ? single.split(':') : [];
  const parsed = input.safeParse({
    action: singleAction ?? formData.get('action'),
    ids: singleId ? [singleId] : formData.getAll('ids'),
    tab: formData.get('tab'),
  });
  const tab = parsed.success ? parsed.data.tab : 'pending';
  if (!parsed.success) redirect(`/admin/comments?status=${tab}&notice=none`);

  const ids = await filterModeratableCommentIds(parsed.data.ids, author);
  if (parsed.data.action === 'delete') await deleteCommentsByIds({ ids });
  else {
    const status = parsed.data.action === 'approve' ? 'published' : parsed.data.action === 'spam' ? 'spam' : 'pending';
    await setCommentsStatus({ ids, status });
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/comments?status=${tab}&notice=${parsed.data.action}&n=${ids.length}`);
}
