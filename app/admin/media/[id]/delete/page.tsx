import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { canEditPost, requireAuthor } from '@/auth';
import { getMediaById, listPostsUsingMedia } from '@/db/media';
import { deleteMediaAction } from '../../actions';

export const metadata: Metadata = { title: 'Delete image' };

export default async function DeleteMediaPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const item = await getMediaById(Number((await params).id));
  if (!item) notFound();
  const { named, hiddenCount } = await listPostsUsingMedia({ hash: item.hash, mayEdit: (post) => canEditPost(author, post) });
  const total = named.length + hiddenCount;
  const hidden =
    hiddenCount === 0
      ? null
      : `${named.length > 0 ? 'and ' : ''}${hiddenCount} unpublished ${hiddenCount === 1 ? 'post by another author' : 'posts by other authors'}`;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">Delete this image?</h1>
      <p className="mt-4">“{item.filename}” will be deleted with its resized copies. This cannot be undone.</p>
      {total > 0 ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          <p className="font-semibold">It is still used in {total === 1 ? 'this post' : `these ${total} posts`}; they would show a broken image:</p>
          <ul className="mt-2 list-disc pl-5">
            {named.map((p) => (
              <li key={p.id}>
                {/* Another author's published post opens on the blog: its editor is not this author's to open. */}
                <Link href={p.editable || !p.permalink ? `/admin/${p.type === 'page' ? 'pages' : 'posts'}/${p.id}` : p.permalink} className="link">
                  {p.title}
                </Link>
              </li>
            ))}
            {hidden ? <li>{hidden}</li> : null}
          </ul>
        </div>
      ) : null}
      <form action={deleteMediaAction} className="mt-6 flex gap-3">
        <input type="hidden" name="id" value={item.id} />
        <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800">
          {total > 0 ? 'Delete anyway' : 'Delete image'}
        </button>
        <Link href="/admin/media" className="btn-secondary">
          Cancel
        </Link>
      </form>
    </div>
  );
}
