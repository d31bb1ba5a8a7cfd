import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { getOldAddressTarget } from '@/db/redirects';
import { oldAddressFromSegments } from '@/lib/permalink';

/** Before a 404: an address an imported blog used answers with a permanent redirect to its new home. */
export async function redirectOldAddress(segments: string[]): Promise<void> {
  const path = oldAddressFromSegments(segments);
  if (!path) return;
  const target = await getOldAddressTarget(path);
  if (target) permanentRedirect(target);
}
