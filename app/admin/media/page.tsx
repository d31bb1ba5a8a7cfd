import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { listMedia } from '@/db/media';
import { originalPath } from '@/lib/media/media';
import { FormMessage } from '@/components/ui/form-message';
import { uploadMediaAction } from './actions';

export const metadata: Metadata = { title: 'Media' };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ notice?: string; error?: string }> }) {
  await connection();
  await requireAuthor();
  const [items, params] = await Promise.all([listMedia(), searchParams]);
  const notice = params.notice === 'uploaded' ? 'The image is uploaded.' : params.notice === 'deleted' ? 'The image is deleted.' : undefined;
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="font-serif text-3xl font-semibold">Media</h1>
      <form action={uploadMediaAction} className="mt-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <div>
          <label htmlFor="media-file" className="mb-1 block text-sm font-medium">
            Upload an image
          </label>
          <input id="media-file" name="file" type="file" accept="image/jpeg,image/png,image/gif,image/webp,image/avif" className="text-sm" />
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">JPEG, PNG, GIF, WebP or AVIF, up to 10 MB.</p>
        </div>
        <button type="submit" className="btn-primary">
          Upload
        </button>
      </form>
      <div className="mt-4">
        <FormMessage id="media-message" tone={params.error ? 'error' : 'success'} message={params.error ?? notice} />
      </div>
      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
          No images yet. Upload one here, or drop one into the editor.
        </p>
      ) : (
        <ul className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {items.map((item) => {
            const src = originalPath(item.hash, item.format);
            const thumb = item.variants.includes(320) ? `/media/${item.hash}-320.webp` : src;
            return (
              <li key={item.id} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
                {/* eslint-disable-next-line @next/next/no-img-element -- uploads already have their own 320 px WebP copy; next/image would make another */}
                <img src={thumb} alt={item.filename} width={item.width} height={item.height} loading="lazy" className="aspect-[4/3] w-full object-cover" />
                <div className="p-3 text-xs">
                  <p className="truncate font-medium" title={item.filename}>
                    {item.filename}
                  </p>
                  <p className="text-stone-600 dark:text-stone-400">
                    {item.width}×{item.height} · {size(item.bytes)}
                  </p>
                  <p className="mt-1 truncate font-mono" title={src}>
                    {src}
                  </p>
                  <Link href={`/admin/media/${item.id}/delete`} className="link mt-2 inline-block text-red-700 dark:text-red-400">
                    Delete<span className="sr-only"> {item.filename}</span>
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
