import MonthArchivePage from '@/app/(site)/[year]/[month]/page';

export { generateMetadata } from '@/app/(site)/[year]/[month]/page';
export const dynamic = 'force-static';

export default function CachedMonthArchivePage({ params }: { params: Promise<{ year: string; month: string }> }) {
  return MonthArchivePage({ params, searchParams: Promise.resolve({}) });
}
