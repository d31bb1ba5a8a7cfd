import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { readAddress } from '@/server/reader-address';

type Params = Promise<{ year: string; month: string; slug: string; rest: string[] }>;

/** Deeper addresses exist only on other blogs (WordPress's /2012/02/16/name/): redirect or 404. */
export default async function DeepOldAddressPage({ params }: { params: Params }) {
  await connection();
  const { year, month, slug, rest } = await params;
  await readAddress([year, month, slug, ...rest]);
  notFound();
}
