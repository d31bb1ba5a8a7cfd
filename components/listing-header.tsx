import Link from 'next/link';

/** Blogger's status line over a filtered listing: "Showing posts with label Garden. Show all posts". */
export function ListingHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <header className="mb-8 rounded-lg border border-stone-200 bg-white px-5 py-4 dark:border-stone-800 dark:bg-stone-900">
      <h1 className="font-serif text-2xl font-semibold">{title}</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {children}{' '}
        <Link href="/" className="link">
          Show all posts
        </Link>
      </p>
    </header>
  );
}
