import Link from 'next/link';

/** The pages a mail's links open: a heading, a few words, maybe one button, in the blog's own frame. */
export function EmailNotice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <article className="mx-auto max-w-prose py-4">
      <h1 className="font-serif text-3xl font-semibold">{title}</h1>
      <div className="mt-4 flex flex-col gap-4 text-lg leading-relaxed text-stone-800 dark:text-stone-200">{children}</div>
      <p className="mt-8">
        <Link href="/" className="link">
          ← Back to the blog
        </Link>
      </p>
    </article>
  );
}
