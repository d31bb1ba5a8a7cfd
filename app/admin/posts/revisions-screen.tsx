import Link from 'next/link';
import { getRevisionById, listRevisionsByPostId } from '@/db/posts';
import type { Post } from '@/db/schema';
import { formatDateTime } from '@/lib/reading/dates';
import { sideBySide, wordChanges } from '@/lib/posts/revision-diff';
import { restoreRevisionAction } from './actions';

const cell = {
  same: '',
  changed: 'bg-amber-50 dark:bg-amber-950/40',
  removed: 'bg-red-50 dark:bg-red-950/40',
  added: 'bg-green-50 dark:bg-green-950/40',
};

/** Every saved version of a post; any two side by side, and any one restorable. */
export async function RevisionsScreen({
  post,
  a,
  b,
  timeZone,
  editHref,
}: {
  post: Post;
  a?: string;
  b?: string;
  timeZone: string;
  editHref: string;
}) {
  const list = await listRevisionsByPostId(post.id);
  const pick = (raw: string | undefined, fallback: number | undefined) => {
    const id = Number(raw);
    return list.some((r) => r.id === id) ? id : fallback;
  };
  const newerId = pick(b, list[0]?.id);
  const olderId = pick(a, list[1]?.id ?? list[0]?.id);
  const [older, newer] = await Promise.all([
    olderId ? getRevisionById(olderId) : undefined,
    newerId ? getRevisionById(newerId) : undefined,
  ]);
  const label = (r: (typeof list)[number]) => `${formatDateTime(r.createdAt, timeZone)}${r.authorName ? ` by ${r.authorName}` : ''}`;

  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href={editHref} className="link">
          ← Back to the editor
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Revisions of “{post.title}”</h1>
      {list.length === 0 ? (
        <p className="mt-6">No revisions yet.</p>
      ) : (
        <form method="get" className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-3 py-2">Older</th>
                <th scope="col" className="px-3 py-2">Newer</th>
                <th scope="col" className="px-3 py-2">Saved</th>
                <th scope="col" className="px-3 py-2">Title</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {list.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <input type="radio" name="a" value={r.id} defaultChecked={r.id === olderId} aria-label={`Compare from ${label(r)}`} />
                  </td>
                  <td className="px-3 py-2">
                    <input type="radio" name="b" value={r.id} defaultChecked={r.id === newerId} aria-label={`Compare to ${label(r)}`} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{label(r)}</td>
                  <td className="px-3 py-2">{r.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="border-t border-stone-200 p-3 dark:border-stone-800">
            <button type="submit" className="btn-secondary">
              Compare
            </button>
          </div>
        </form>
      )}

      {older && newer ? (
        <section aria-label="Comparison" className="mt-8">
          <p className="mb-3 text-sm">
            Title:{' '}
            {wordChanges(older.title, newer.title).map((part, i) =>
              part.kind === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'removed' ? (
                <del key={i} className="bg-red-100 dark:bg-red-900/60">
                  {part.text}
                </del>
              ) : (
                <ins key={i} className="bg-green-100 no-underline dark:bg-green-900/60">
                  {part.text}
                </ins>
              ),
            )}
          </p>
          <div className="overflow-x-auto rounded-lg ring-1 ring-stone-200 dark:ring-stone-800">
            <table className="w-full table-fixed font-mono text-xs">
              <thead className="bg-stone-100 text-left dark:bg-stone-800">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {formatDateTime(older.createdAt, timeZone)}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {formatDateTime(newer.createdAt, timeZone)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sideBySide(older.body, newer.body).map((row, i) => (
                  <tr key={i} data-change={row.kind} className="align-top">
                    <td className={`border-r border-stone-200 px-3 py-1 break-words whitespace-pre-wrap dark:border-stone-800 ${row.left === null ? '' : cell[row.kind]}`}>
                      {row.left}
                    </td>
                    <td className={`px-3 py-1 break-words whitespace-pre-wrap ${row.right === null ? '' : cell[row.kind]}`}>{row.right}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            {[older, newer]
              .filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
              .map((r) => (
                <form key={r.id} action={restoreRevisionAction}>
                  <input type="hidden" name="revisionId" value={r.id} />
                  <button type="submit" className="btn-secondary">
                    Restore the version of {formatDateTime(r.createdAt, timeZone)}
                  </button>
                </form>
              ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
