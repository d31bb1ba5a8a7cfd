'use client';

import { useState, useSyncExternalStore } from 'react';

const noop = () => () => {};

/** Copy link, and the system share sheet where the browser has one. No third-party script. */
export function ShareActions({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  const canShare = useSyncExternalStore(noop, () => typeof navigator.share === 'function', () => false);

  return (
    <>
      <button
        type="button"
        className="rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
            setTimeout(() => setCopied(false), 2500);
          } catch {
            window.prompt('Copy this link:', url);
          }
        }}
      >
        {copied ? 'Link copied' : 'Copy link'}
      </button>
      {canShare ? (
        <button
          type="button"
          className="rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
          onClick={() => navigator.share({ url, title }).catch(() => {})}
        >
          Share…
        </button>
      ) : null}
      <span role="status" className="sr-only">
        {copied ? 'Link copied to the clipboard' : ''}
      </span>
    </>
  );
}
