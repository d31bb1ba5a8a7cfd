/**
 * What a reader sees when a page fails: the same calm frame as the 404 page, a way on, and the
 * digest Next logs on the server beside the error, so the owner can find it. Never the error's
 * own message or stack: in production those are server details.
 */
export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold tracking-widest text-stone-600 uppercase dark:text-stone-400">Something went wrong</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Sorry, this page could not be shown.</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400">
        The problem is on the blog&rsquo;s side, not yours. Try again in a moment; if it keeps happening, the blog&rsquo;s owner
        can find what went wrong in the server log.
      </p>
      {digest ? <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">Reference: {digest}</p> : null}
      <p className="mt-8 flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="btn-primary">
          Try again
        </button>
        {/* A plain link on purpose: after an error a full load is the surer way home, and next/link
            made each error chunk 3.9 KB instead of 0.7 KB (gzipped), loaded with every page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="link font-medium">
          Go to the home page
        </a>
      </p>
    </main>
  );
}

/** The digest Next attaches to errors from server components (the same id as in the server log). */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' ? error.digest : undefined;
}
