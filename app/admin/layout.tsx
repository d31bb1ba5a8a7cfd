import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getCurrentAuthor } from '@/auth';
import { countCommentsByStatus } from '@/db/comments';
import { signOutAction } from './actions';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin' }, robots: { index: false } };

/** The admin frame. Pages check the session themselves; without one there is no navigation to show. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const author = await getCurrentAuthor();
  if (!author) return <>{children}</>;
  const { pending } = await countCommentsByStatus({ authorId: author.role === 'admin' ? undefined : author.id });
  const links = [
    { href: '/admin', label: 'Posts' },
    { href: '/admin/pages', label: 'Pages' },
    { href: '/admin/media', label: 'Media' },
    { href: '/admin/comments', label: 'Comments' },
    { href: '/admin/stats', label: 'Stats' },
    // Authors and settings are the admin's alone; the pages refuse anyone else too.
    ...(author.role === 'admin'
      ? [
          { href: '/admin/authors', label: 'Authors' },
          { href: '/admin/followers', label: 'Followers' },
          { href: '/admin/settings', label: 'Settings' },
          { href: '/admin/import', label: 'Import & export' },
        ]
      : []),
    { href: '/', label: 'View blog' },
  ];

  return (
    <div className="min-h-dvh bg-stone-50 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] dark:bg-stone-950">
      <aside className="border-b border-stone-200 bg-white lg:min-h-dvh lg:border-r lg:border-b-0 dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 lg:flex-col lg:flex-nowrap lg:items-stretch lg:px-4 lg:py-6">
          <Link href="/admin" className="font-serif text-lg font-semibold">
            Blogstead
          </Link>
          <nav aria-label="Admin" className="order-last -mx-3 flex w-full flex-wrap gap-1 text-sm lg:order-none lg:mx-0 lg:mt-6 lg:w-auto lg:flex-col">
            {links.map((link) => (
              <Link
                key={link.href}
                href={link.href}
                className="flex items-center gap-2 rounded-md px-3 py-2 font-medium hover:bg-stone-100 dark:hover:bg-stone-800"
              >
                {link.label}
                {link.href === '/admin/comments' && pending > 0 ? (
                  <span className="rounded-full bg-accent px-2 text-xs font-bold text-white tabular-nums dark:bg-orange-700">
                    {pending}
                    <span className="sr-only"> pending</span>
                  </span>
                ) : null}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm lg:mt-auto lg:flex-col lg:items-stretch lg:border-t lg:border-stone-200 lg:pt-4 dark:lg:border-stone-800">
            <Link href="/admin/profile" className="hidden truncate text-stone-600 hover:underline sm:inline lg:px-3 dark:text-stone-400">
              {author.name}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="btn-secondary w-full">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
      <div className="min-w-0 px-4 py-6 sm:px-8 lg:py-10">{children}</div>
    </div>
  );
}
