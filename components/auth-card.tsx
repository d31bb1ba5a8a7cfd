import Link from 'next/link';

/** The calm, centred frame of the sign-in and first-run setup screens. */
export function AuthCard({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-sm font-semibold tracking-widest text-stone-600 uppercase dark:text-stone-400">
          <Link href="/" className="hover:text-accent">
            Blogstead
          </Link>
        </p>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8 dark:bg-stone-900 dark:ring-stone-800">
          <h1 className="font-serif text-2xl font-semibold">{title}</h1>
          {intro ? <div className="mt-2 text-sm text-stone-600 dark:text-stone-400">{intro}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
      </div>
    </main>
  );
}
