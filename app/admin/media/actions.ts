'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAuthor } from '@/auth';
import { createMedia, deleteMediaById, getMediaById } from '@/db/media';
import { processUpload, removeMediaFiles, UploadError } from '@/lib/media/media';

/** The media library's upload form (works without JavaScript). */
export async function uploadMediaAction(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) redirect('/admin/media?error=Choose+an+image+to+upload.');
  let error: string | null = null;
  try {
    const image = await processUpload(Buffer.from(await file.arrayBuffer()));
    await createMedia({ ...image, filename: file.name.slice(0, 200) || 'image', uploadedBy: author.id });
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    error = e.message;
  }
  if (error) redirect(`/admin/media?error=${encodeURIComponent(error)}`);
  revalidatePath('/admin/media');
  redirect('/admin/media?notice=uploaded');
}

/** Deletes an image after the confirmation page has shown where it is still used. */
export async function deleteMediaAction(formData: FormData): Promise<void> {
  const author = await requireAuthor();
  const item = await getMediaById(Number(formData.get('id')));
  if (!item) redirect('/admin/media');
  if (author.role !== 'admin' && item.uploadedBy !== author.id) redirect('/admin/media?error=Only+an+admin+can+delete+images+others+uploaded.');
  await deleteMediaById(item.id);
  await removeMediaFiles(item.hash, item.format, item.variants);
  revalidatePath('/', 'layout');
  redirect('/admin/media?notice=deleted');
}
