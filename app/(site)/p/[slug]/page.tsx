import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PostBody } from '@/components/post-body';
import { readAddress } from '@/server/reader-address';

type Params = Promise<{ slug: string }>;

async function findPage(params: Params) {
  const { slug } = await params;
  const address = await readAddress(['p', slug]);
  return address.kind === 'page' ? address.page : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const page = await findPage(params);
  if (!page) return {};
  return { title: page.title, description: page.searchDescription || page.excerpt || undefined, alternates: { canonical: page.permalink } };
}

/** A static page (About, Contact …) at Blogger's /p/slug.html. */
export default async function StaticPage({ params }: { params: Params }) {
  await connection();
  const page = await findPage(params);
  if (!page) notFound();
  return (
    <article className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-8 dark:bg-stone-900 dark:ring-stone-800">
      <h1 className="mb-4 font-serif text-3xl leading-tight font-semibold sm:text-4xl">{page.title}</h1>
      <PostBody html={page.body} />
    </article>
  );
}
