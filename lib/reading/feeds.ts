import { Feed, type Item } from 'feed';

export type FeedFormat = 'atom' | 'rss' | 'json';

const contentTypes: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Blogger's ?alt= parameter: atom (the default), rss, or json. Null for anything else. */
export function parseFeedFormat(alt: string | null): FeedFormat | null {
  if (alt === null || alt === '' || alt === 'atom') return 'atom';
  if (alt === 'rss') return 'rss';
  if (alt === 'json') return 'json';
  return null;
}

/** Root-relative links and images in a body become absolute, as feed readers need. */
export function absolutizeUrls(html: string, origin: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${origin}/`);
}

export type FeedEntry = {
  id: string;
  title: string;
  path: string;
  published: Date;
  updated: Date;
  authorName: string;
  html: string;
  summary: string;
  labels?: string[];
};

/**
 * One feed in any of the three formats, built by the `feed` library (valid XML escaping,
 * RFC 3339 and RFC 822 dates) rather than by string concatenation.
 */
export function buildFeed({
  origin,
  title,
  description,
  selfPath,
  htmlPath,
  entries,
  format,
  summaryOnly = false,
}: {
  origin: string;
  title: string;
  description?: string;
  /** This feed's own path and query, without ?alt= (added per format). */
  selfPath: string;
  /** The web page the feed mirrors. */
  htmlPath: string;
  entries: FeedEntry[];
  format: FeedFormat;
  summaryOnly?: boolean;
}): { body: string; contentType: string } {
  const withAlt = (alt: FeedFormat) => {
    const url = new URL(selfPath, origin);
    if (alt === 'atom') url.searchParams.delete('alt');
    else url.searchParams.set('alt', alt);
    return url.toString();
  };
  const feed = new Feed({
    id: withAlt('atom'),
    title,
    description: description || title,
    link: new URL(htmlPath, origin).toString(),
    language: 'en',
    updated: entries.reduce<Date>((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0)),
    generator: 'Blogstead',
    feedLinks: { atom: withAlt('atom'), rss: withAlt('rss'), json: withAlt('json') },
    copyright: '',
  });
  for (const entry of entries) {
    const link = new URL(entry.path, origin).toString();
    const item: Item = {
      id: entry.id,
      guid: entry.id,
      title: entry.title,
      link,
      date: entry.updated,
      published: entry.published,
      description: entry.summary,
      content: summaryOnly ? undefined : absolutizeUrls(entry.html, origin),
      author: [{ name: entry.authorName }],
      category: entry.labels?.map((name) => ({ name, term: name })),
    };
    feed.addItem(item);
  }
  const body = format === 'rss' ? feed.rss2() : format === 'json' ? feed.json1() : feed.atom1();
  return { body, contentType: contentTypes[format] };
}
