import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold tracking-widest text-stone-600 uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Sorry, the page you were looking for does not exist.</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-400">
        It may have moved, or the address may have a typo in it.
      </p>
      <p className="mt-8">
        <Link href="/" className="link font-medium">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
