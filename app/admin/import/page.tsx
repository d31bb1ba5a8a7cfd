import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { getImportRunById, listImportRuns } from '@/db/import';
import type { ImportReport } from '@/lib/import/report';
import { formatDateTime } from '@/lib/reading/dates';
import { getSettings } from '@/db/settings';
import { ImportForm } from './import-form';
import { ImportReportView } from './import-report';

export const metadata: Metadata = { title: 'Import & export' };

const exports = [
  { href: '/admin/export/blogger.xml', label: 'Blogger backup (.xml)', about: 'Posts, pages, drafts, labels and comments in Blogger’s “Back up content” format.' },
  { href: '/admin/export/wordpress.xml', label: 'WordPress export (.xml)', about: 'The same as a WXR file for WordPress’s importer, with pending and spam comments too.' },
  { href: '/admin/export/blog.db', label: 'SQLite snapshot (.db)', about: 'Everything, settings and authors included: a consistent copy taken while the blog runs.' },
];

/** Admin → Import & export: bring a Blogger or WordPress blog in, take this one out. Admins only. */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  await connection();
  const author = await requireAuthor();
  if (author.role !== 'admin') notFound();
  const [{ run }, runs, settings] = await Promise.all([searchParams, listImportRuns({ limit: 10 }), getSettings()]);
  const shown = run && /^\d+$/.test(run) ? await getImportRunById(Number(run)) : undefined;
  const shownReport = shown?.status === 'done' ? (shown.report as ImportReport) : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Import &amp; export</h1>
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          Moving from Blogger? Every post keeps its address (<code>/2014/07/post.html</code>, <code>/p/about.html</code>), every label its page and every comment its thread, so links to your old blog land in the same place here. WordPress addresses redirect to their new homes. Importing the same file twice adds nothing.
        </p>
      </div>

      {shownReport ? <ImportReportView report={shownReport} heading={shownReport.dryRun ? 'Dry run finished' : 'Import finished'} /> : null}

      <section aria-labelledby="import-heading" className="space-y-3">
        <h2 id="import-heading" className="font-serif text-2xl font-semibold">
          Import a backup
        </h2>
        <ImportForm />
      </section>

      <section aria-labelledby="export-heading" className="space-y-3">
        <h2 id="export-heading" className="font-serif text-2xl font-semibold">
          Export this blog
        </h2>
        <ul className="divide-y divide-stone-200 rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:divide-stone-800 dark:bg-stone-900 dark:ring-stone-800">
          {exports.map((e) => (
            <li key={e.href} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0 flex-1">
                <p className="font-medium">{e.label}</p>
                <p className="text-sm text-stone-600 dark:text-stone-400">{e.about}</p>
              </div>
              <a href={e.href} download className="btn-secondary">
                Download<span className="sr-only"> {e.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {runs.length ? (
        <section aria-labelledby="runs-heading" className="space-y-3">
          <h2 id="runs-heading" className="font-serif text-2xl font-semibold">
            Recent imports
          </h2>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
            <table className="w-full text-left text-sm">
              <thead className="text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">When</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">File</th>
                  <th scope="col" className="px-4 py-2 font-medium">Result</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => {
                  const report = r.report as ImportReport & { error?: string };
                  const result =
                    r.status === 'failed'
                      ? `Refused: ${report.error ?? 'failed'}`
                      : r.dryRun
                        ? `Dry run: ${report.found.posts} posts, ${report.found.comments} comments found`
                        : `${report.applied?.posts ?? 0} posts, ${report.applied?.pages ?? 0} pages, ${report.applied?.comments ?? 0} comments imported`;
                  return (
                    <tr key={r.id} className="border-t border-stone-200 align-top dark:border-stone-800">
                      <td className="px-4 py-2">{formatDateTime(r.createdAt, settings.timezone)}</td>
                      <td className="hidden max-w-48 truncate px-4 py-2 sm:table-cell" title={r.fileName}>
                        {r.fileName}
                      </td>
                      <td className="px-4 py-2">
                        <span className="block truncate text-xs text-stone-600 sm:hidden dark:text-stone-400">{r.fileName}</span>
                        {r.status === 'done' ? (
                          <Link href={`/admin/import?run=${r.id}`} className="link">
                            {result}
                          </Link>
                        ) : (
                          result
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
