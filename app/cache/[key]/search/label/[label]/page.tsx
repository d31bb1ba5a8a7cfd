import LabelPage from '@/app/(site)/search/label/[label]/page';

export { generateMetadata } from '@/app/(site)/search/label/[label]/page';
export const dynamic = 'force-static';

/** A label's first page (older pages carry ?updated-max= and render live). */
export default function CachedLabelPage({ params }: { params: Promise<{ label: string }> }) {
  return LabelPage({ params, searchParams: Promise.resolve({}) });
}
