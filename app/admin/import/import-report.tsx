import type { ImportReport } from '@/lib/import/report';
import { summariseImport } from '@/lib/import/summary';

/** An import's report: the summary sentences, then what was skipped and why, with examples. */
export function ImportReportView({ report, heading }: { report: ImportReport; heading: string }) {
  const [headline, ...rest] = summariseImport(report).filter((line) => !line.startsWith('Skipped '));
  return (
    <section aria-label="Import report" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
      <h2 className="font-serif text-xl font-semibold">{heading}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {report.fileName} · {report.format === 'wordpress' ? 'WordPress export' : 'Blogger backup'} · {report.seconds} s
      </p>
      <p className="mt-3">{headline}</p>
      {rest.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {rest.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {report.skipped.length ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">
            Skipped: {report.skipped.reduce((n, s) => n + s.count, 0)} entries
          </summary>
          <table className="mt-2 w-full text-left">
            <thead className="text-stone-600 dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">What</th>
                <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap">How many</th>
                <th scope="col" className="py-1 font-medium">Why</th>
              </tr>
            </thead>
            <tbody>
              {report.skipped.map((s) => (
                <tr key={`${s.what}-${s.reason}`} className="border-t border-stone-200 align-top dark:border-stone-800">
                  <td className="py-1 pr-3">
                    {s.what}
                    {s.examples.length ? <span className="block text-xs text-stone-600 dark:text-stone-400">e.g. {s.examples.join(', ')}</span> : null}
                  </td>
                  <td className="py-1 pr-3 tabular-nums">{s.count}</td>
                  <td className="py-1">{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {report.images?.failed.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Images not copied: {report.images.failed.length}</summary>
          <ul className="mt-2 space-y-1 break-all">
            {report.images.failed.slice(0, 50).map((f) => (
              <li key={f.url}>
                {f.url} — {f.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
