import 'server-only';
import { headers } from 'next/headers';
import { requestOrigin } from '@/lib/http/request-origin';

/** The blog's public origin for this request (see requestOrigin). */
export async function getSiteOrigin(): Promise<string> {
  return requestOrigin(await headers());
}
