'use client';

import { ErrorNotice, errorDigest } from './error-notice';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice digest={errorDigest(error)} retry={retry} />;
}
