import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { resolveAddress, type Address } from '@/db/addresses';
import { addressFromSegments } from '@/lib/posts/permalink';

/**
 * What a reader route's segments name (db/addresses.ts decides); an address that moved is
 * followed here for good (308), so a route only renders a post or page, or calls notFound().
 */
export async function readAddress(segments: string[]): Promise<Exclude<Address, { kind: 'redirect' }>> {
  const path = addressFromSegments(segments);
  if (path === null) return { kind: 'none' };
  const address = await resolveAddress({ path });
  if (address.kind === 'redirect') permanentRedirect(address.to);
  return address;
}
