import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { countAuthorContent, listAuthors } from '@/db/authors';
import { FormMessage } from '@/components/ui/form-message';
import { deleteAuthorAction } from '../../actions';
import { findManagedAuthor } from '../../find-author';

export const metadata: Metadata = { title: 'Delete author' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Delete this author?" with the choice of who receives what they wrote, so nothing is lost. */
export default async function DeleteAuthorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  await connection();
  const admin = await requireAuthor();
  const author = await findManagedAuthor(admin, (await params).id);
  // Nobody deletes their own account; the list offers no link to this page for it.
  if (author.id === admin.id) notFound();
  const [content, everyone, { error }] = await Promise.all([countAuthorContent(author.id), listAuthors(), searchParams]);
  const heirs = everyone.filter((a) => a.id !== author.id);
  const owned = [plural(content.posts, 'post', 'posts'), plural(content.pages, 'page', 'pages'), plural(content.media, 'image', 'images')];
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">Delete {author.name}?</h1>
      <p className="mt-4">
        <strong>{author.name}</strong> ({author.email}) will be deleted and can no longer sign in. This cannot be undone; disabling
        them instead keeps the account for later.
      </p>
      <p className="mt-2">
        Nothing they made is lost: their {owned[0]}, {owned[1]} and {owned[2]}, and their revisions, go to the author you choose.
        Published posts keep their addresses and show that author&rsquo;s name.
      </p>
      {error === 'heir' ? (
        <div className="mt-4">
          <FormMessage id="delete-author-error" message="Please choose another author to receive their posts and pages." />
        </div>
      ) : null}
      <form action={deleteAuthorAction} className="mt-6 flex flex-col gap-6">
        <input type="hidden" name="id" value={author.id} />
        <div>
          <label htmlFor="heir" className="mb-1 block text-sm font-medium">
            Give their posts and pages to
          </label>
          <select
            id="heir"
            name="heirId"
            defaultValue={admin.id}
            className="field"
            aria-invalid={error === 'heir' ? true : undefined}
            aria-describedby={error === 'heir' ? 'delete-author-error' : undefined}
          >
            {heirs.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === admin.id ? `${a.name} (you)` : a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800">
            Delete author
          </button>
          <Link href="/admin/authors" className="btn-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
