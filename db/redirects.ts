import 'server-only';
import { eq } from 'drizzle-orm';
import { labelPath } from '@/lib/permalink';
import { getDb } from './client';
import { getRedirectTarget } from './posts';
import { labelRedirects, labels } from './schema';

/**
 * Where an old address lives now: a post or page whose address changed (or came from another
 * blog), or a label whose old archive address an import brought (WordPress's /category/news).
 */
export async function getOldAddressTarget(fromPath: string, now = new Date()): Promise<string | undefined> {
  const post = await getRedirectTarget(fromPath, now);
  if (post) return post;
  const label = getDb()
    .select({ name: labels.name })
    .from(labelRedirects)
    .innerJoin(labels, eq(labels.id, labelRedirects.labelId))
    .where(eq(labelRedirects.fromPath, fromPath))
    .get();
  return label ? labelPath(label.name) : undefined;
}
