import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { listPublishingAuthors } from '@/db/authors';
import { listLabelsWithCounts } from '@/db/labels';
import { countPostsByMonth, listSitemapEntries } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { currentOffsetSeconds } from '@/lib/reading/dates';
import { archivePath, authorPath, labelPath } from '@/lib/posts/permalink';
import { getSiteOrigin } from '@/server/site-origin';

/** Every public page: home, posts, static pages, labels, archives and authors. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const settings = await getSettings();
  const [origin, entries, labels, months, authors] = await Promise.all([
    getSiteOrigin(),
    listSitemapEntries(),
    listLabelsWithCounts(),
    countPostsByMonth({ offsetSeconds: currentOffsetSeconds(settings.timezone) }),
    listPublishingAuthors(),
  ]);
  const url = (path: string) => new URL(path, origin).toString();
  const years = [...new Set(months.map((m) => m.year))];
  return [
    { url: url('/'), lastModified: entries[0]?.updatedAt, changeFrequency: 'daily', priority: 1 },
    ...entries.map((e) => ({ url: url(e.permalink), lastModified: e.updatedAt, priority: e.type === 'post' ? 0.8 : 0.5 })),
    ...labels.map((l) => ({ url: url(labelPath(l.name)), priority: 0.4 })),
    ...years.map((y) => ({ url: url(archivePath(y)), priority: 0.3 })),
    ...months.map((m) => ({ url: url(archivePath(m.year, m.month)), priority: 0.3 })),
    ...authors.filter((a) => a.slug).map((a) => ({ url: url(authorPath(a.slug!)), priority: 0.3 })),
  ];
}
