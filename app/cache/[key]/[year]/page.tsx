import YearArchivePage from '@/app/(site)/[year]/page';
import { cachedPaging } from '../key';

export { generateMetadata } from '@/app/(site)/[year]/page';
export const dynamic = 'force-static';

export default async function CachedYearArchivePage({ params }: { params: Promise<{ key: string; year: string }> }) {
  return YearArchivePage({ params, searchParams: Promise.resolve(await cachedPaging(params)) });
}
