import { formatDateHeader } from '@/lib/reading/dates';

/** Blogger's date header over the posts of one day. */
export function DateHeader({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <p className="mb-4 text-xs font-bold tracking-widest text-stone-600 uppercase dark:text-stone-400">
      <time dateTime={date.toISOString()}>{formatDateHeader(date, timeZone)}</time>
    </p>
  );
}
