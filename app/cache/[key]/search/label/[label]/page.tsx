import LabelPage from '@/app/(site)/search/label/[label]/page';
import { cachedPaging } from '../../../key';

export { generateMetadata } from '@/app/(site)/search/label/[label]/page';
export const dynamic = 'force-static';

/** A label's page; an older one (?updated-max=…) has its paging in the key. */
export default async function CachedLabelPage({ params }: { params: Promise<{ key: string; label: string }> }) {
  return LabelPage({ params, searchParams: Promise.resolve(await cachedPaging(params)) });
}
