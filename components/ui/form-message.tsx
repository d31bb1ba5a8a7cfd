/** A form-level message (what went wrong, or what to do), announced to screen readers. */
export function FormMessage({ id, message, tone = 'error' }: { id: string; message?: string; tone?: 'error' | 'success' }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {message ? (
        <p
          className={
            tone === 'error'
              ? 'rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200'
              : 'rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200'
          }
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
