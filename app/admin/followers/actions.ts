'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { deleteFollowersByIds } from '@/db/followers';

const input = z.object({ ids: z.array(z.coerce.number().int().positive()).min(1).max(10_000) });

/** Removes followers outright (their address is forgotten, and any mail still waiting for them goes too). */
export async function removeFollowers(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  if (author.role !== 'admin') redirect('/admin');
  const single = formData.get('single');
  const parsed = input.safeParse({ ids: typeof single === 'string' ? [single] : formData.getAll('ids') });
  if (!parsed.success) redirect('/admin/followers?notice=none');
  const removed = await deleteFollowersByIds({ ids: parsed.data.ids });
  redirect(`/admin/followers?notice=removed&n=${removed}`);
}
