import { drawShareCard } from '@/components/share-card';

/** /YYYY/MM/slug.html/share-card.png: the post's card for social networks (see components/share-card.tsx). */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string; month: string; slug: string }> }) {
  const card = await drawShareCard(await params);
  card.headers.set('Cache-Control', 'public, max-age=3600');
  return card;
}
