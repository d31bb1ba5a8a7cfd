import MonthArchivePage from '@/app/(site)/[year]/[month]/page';
import { cachedPaging } from '../../key';

export { generateMetadata } from '@/app/(site)/[year]/[month]/page';
export const dynamic = 'force-static';

export default async function CachedMonthArchivePage({ params }: { params: Promise<{ key: string; year: string; month: string }> }) {
  return MonthArchivePage({ params, searchParams: Promise.resolve(await cachedPaging(params)) });
}
