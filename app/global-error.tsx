'use client';

import { ErrorNotice, errorDigest } from './error-notice';
import './globals.css';

// Replaces the root layout when that fails, so it brings its own document and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <title>Something went wrong</title>
        <ErrorNotice digest={errorDigest(error)} retry={retry} />
      </body>
    </html>
  );
}
