'use client';

import { useRef, useState } from 'react';
import { z } from 'zod';
import { importStreamLine, type ImportProgress, type ImportReport } from '@/lib/import/report';
import { FormMessage } from '@/components/ui/form-message';
import { ImportReportView } from './import-report';

type State =
  | { step: 'idle' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'working'; progress: ImportProgress }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; message: string };

const refusalMessage = z.object({ message: z.string() });

/** JSON, or undefined for anything that is not (a cut-off line, a proxy's error page). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * The backup upload. Without JavaScript it is a plain multipart form answered with the report
 * page; with it, the upload and the import show one progress bar and the report appears here.
 */
export function ImportForm() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const form = useRef<HTMLFormElement>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setState({ step: 'failed', message: 'Choose a backup file to import.' });
      return;
    }
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let outcome: State | undefined;
    xhr.open('POST', '/api/import');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.upload.onprogress = (e) => setState({ step: 'uploading', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen || xhr.status !== 200) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const parsed = importStreamLine.safeParse(parseJson(line));
        if (!parsed.success) {
          outcome = { step: 'failed', message: 'The import answered something this page cannot read; check Recent imports below.' };
          continue;
        }
        const message = parsed.data;
        if (message.progress) setState({ step: 'working', progress: message.progress });
        if (message.report) outcome = { step: 'done', report: message.report };
        if (message.error) outcome = { step: 'failed', message: message.error };
      }
      seen = end + 1;
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        const refusal = refusalMessage.safeParse(parseJson(xhr.responseText));
        setState({ step: 'failed', message: refusal.success ? refusal.data.message : `The server answered ${xhr.status}.` });
        return;
      }
      readLines();
      setState(outcome ?? { step: 'failed', message: 'The import stopped without a report; check Recent imports below.' });
      if (outcome?.step === 'done') form.current?.reset();
    };
    xhr.onerror = () => setState({ step: 'failed', message: 'The connection was lost during the import. Nothing was changed unless the report below says so; try again.' });
    setState({ step: 'uploading', loaded: 0, total: file.size });
    xhr.send(data);
  }

  const busy = state.step === 'uploading' || state.step === 'working';
  let value = 0;
  let label = '';
  if (state.step === 'uploading') {
    value = state.total ? state.loaded / state.total : 0;
    label = `Uploading: ${megabytes(state.loaded)} of ${megabytes(state.total)}`;
  } else if (state.step === 'working') {
    const p = state.progress;
    value = p.phase === 'writing' ? 1 : p.totalBytes ? p.bytes / p.totalBytes : 0;
    label =
      p.phase === 'writing'
        ? `Writing ${p.posts.toLocaleString('en-US')} posts and pages and ${p.comments.toLocaleString('en-US')} comments…`
        : `Reading the backup: ${p.posts.toLocaleString('en-US')} posts and pages, ${p.comments.toLocaleString('en-US')} comments so far`;
  }

  return (
    <div className="space-y-4">
      <form
        ref={form}
        action="/api/import"
        method="post"
        encType="multipart/form-data"
        onSubmit={submit}
        className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
      >
        <div>
          <label htmlFor="import-file" className="mb-1 block font-medium">
            Backup file
          </label>
          <input id="import-file" name="file" type="file" accept=".xml,.atom,application/xml,application/atom+xml,text/xml" required aria-describedby="import-file-help" className="block w-full text-sm file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:font-medium file:text-stone-800 hover:file:bg-stone-100 dark:file:border-stone-600 dark:file:bg-stone-800 dark:file:text-stone-100" />
          <p id="import-file-help" className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Blogger: Settings → Back up content (or Google Takeout’s <code>feed.atom</code>). WordPress: Tools → Export → All content. Up to 512 MB.
          </p>
        </div>
        <fieldset className="space-y-2">
          <legend className="sr-only">Options</legend>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="dryRun" className="mt-1" />
            <span>
              <span className="font-medium">Dry run</span>
              <span className="block text-sm text-stone-600 dark:text-stone-400">Check the file and show what would be imported, without changing anything.</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="copyImages" className="mt-1" />
            <span>
              <span className="font-medium">Copy images into the media library</span>
              <span className="block text-sm text-stone-600 dark:text-stone-400">
                Fetches every image the posts show and serves it from this blog. Unchecked, images stay linked where they are.
              </span>
            </span>
          </label>
        </fieldset>
        <button type="submit" className="btn-primary" disabled={busy} aria-disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        {busy ? (
          <div>
            <label htmlFor="import-progress" className="mb-1 block text-sm">
              {label}
            </label>
            <progress id="import-progress" max={1} value={value} className="h-2 w-full accent-orange-700" />
          </div>
        ) : null}
      </form>
      <FormMessage id="import-message" message={state.step === 'failed' ? state.message : undefined} />
      {state.step === 'done' ? <ImportReportView report={state.report} heading={state.report.dryRun ? 'Dry run finished' : 'Import finished'} /> : null}
    </div>
  );
}
