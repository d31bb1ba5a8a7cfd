import YearArchivePage from '@/app/(site)/[year]/page';

export { generateMetadata } from '@/app/(site)/[year]/page';
export const dynamic = 'force-static';

export default function CachedYearArchivePage({ params }: { params: Promise<{ year: string }> }) {
  return YearArchivePage({ params, searchParams: Promise.resolve({}) });
}
