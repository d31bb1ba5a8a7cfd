import { drawShareCard, shareCardContent } from '@/components/share-card';
import { resolveAddress } from '@/db/addresses';
import { getSettings } from '@/db/settings';
import { addressFromSegments } from '@/lib/posts/permalink';
import { ShareCardCache, etagMatches, shareCardVersion } from '@/lib/media/share-card-cache';

// 32 MB: a plain card is about 50 KB and one over a cover photo up to 2 MB (measured), so
// hundreds of plain cards or over a dozen photo cards stay drawn while a share spreads; the rest
// are drawn again (30–350 ms) when next asked for.
const cards = new ShareCardCache(32 * 1024 * 1024);

// Browsers and proxies keep the card but ask again each time; the answer is a 304 after one
// indexed lookup until the card changes, so a retitled post never shows its old card.
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * /YYYY/MM/slug.html/share-card.png: a visible post's card for social networks (see
 * components/share-card.tsx), drawn once per version and kept; anything else is a plain 404,
 * so an address that names no post costs a lookup, not a drawing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ year: string; month: string; slug: string }> }) {
  const { year, month, slug } = await params;
  const path = addressFromSegments([year, month, slug]);
  const [address, settings] = await Promise.all([path === null ? undefined : resolveAddress({ path }), getSettings()]);
  const post = address?.kind === 'post' ? address.post : undefined;
  if (!post) {
    return new Response('No such post.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const content = shareCardContent(post, settings);
  const version = shareCardVersion(content);
  const etag = `"${version}"`;
  if (etagMatches(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': CACHE_CONTROL } });
  }
  const png = await cards.get(post.id, version, () => drawShareCard(content));
  return new Response(png, { headers: { 'content-type': 'image/png', etag, 'cache-control': CACHE_CONTROL } });
}
