import type { Post } from '@/db/schema';

const styles: Record<Post['status'], string> = {
  published: 'bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300',
  scheduled: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  draft: 'bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300',
};

const words: Record<Post['status'], string> = { published: 'Published', scheduled: 'Scheduled', draft: 'Draft' };

export function StatusBadge({ status }: { status: Post['status'] }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${styles[status]}`}>{words[status]}</span>;
}
