import sharp from 'sharp';
import { ImageResponse } from 'next/og';
import { readMediaFile } from '@/lib/media/media';
import type { PostSummary } from '@/db/posts';
import type { Settings } from '@/db/schema';
import { formatDateHeader } from '@/lib/reading/dates';
import type { ShareCardContent } from '@/lib/media/share-card-cache';

const size = { width: 1200, height: 630 };

/** Where a post's share card is, and what Open Graph and X are told about it. */
export function shareCard(permalink: string) {
  return { url: `${permalink}/share-card.png`, ...size, type: 'image/png', alt: 'The post title on a card with the blog name' };
}

/** Bump when the drawing below changes, so browsers holding a card by its ETag fetch the new look. */
export const SHARE_CARD_DESIGN = 1;

/** What a visible post's card shows (see lib/media/share-card-cache.ts: the card's version is a hash of it). */
export function shareCardContent(post: PostSummary, settings: Pick<Settings, 'blogTitle' | 'timezone'>): ShareCardContent {
  return {
    title: post.title,
    blogTitle: settings.blogTitle,
    byline: `${post.authorName} · ${formatDateHeader(post.publishedAt, settings.timezone)}`,
    cover: post.coverImage,
    design: SHARE_CARD_DESIGN,
  };
}

/**
 * A post's share card as PNG bytes: title, blog name, author and date, over the cover when it has
 * one. A plain address of its own (not Next's opengraph-image file, whose URL carries a build
 * hash and is added only to pages rendered from that route) so cached and live pages name the
 * same card; the route draws it once per version and keeps it.
 */
export async function drawShareCard(content: ShareCardContent): Promise<Uint8Array<ArrayBuffer>> {
  const card = await drawCard(content);
  return new Uint8Array(await card.arrayBuffer());
}

async function drawCard({ title, blogTitle, byline, cover: coverPath }: ShareCardContent): Promise<ImageResponse> {
  const cover = coverPath ? await readMediaFile(coverPath.replace('/media/', '')) : null;
  if (cover) {
    // The author's cover, cropped to the card's shape, with the title along the bottom.
    const png = await sharp(cover.data).resize(size.width, size.height, { fit: 'cover' }).png().toBuffer();
    return new ImageResponse(
      (
        <div style={{ width: '100%', height: '100%', display: 'flex', position: 'relative' }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- drawn by ImageResponse (Satori), which only knows <img> */}
          <img src={`data:image/png;base64,${png.toString('base64')}`} width={size.width} height={size.height} alt="" />
          <div
            style={{
              position: 'absolute',
              left: 0,
              right: 0,
              bottom: 0,
              display: 'flex',
              flexDirection: 'column',
              padding: '32px 56px',
              background: 'rgba(12,10,9,0.72)',
              color: '#fafaf9',
            }}
          >
            <div style={{ fontSize: 28, opacity: 0.85, display: 'flex' }}>{blogTitle}</div>
            <div style={{ fontSize: title.length > 60 ? 44 : 56, fontWeight: 700, lineHeight: 1.1, display: 'flex' }}>{title}</div>
          </div>
        </div>
      ),
      size,
    );
  }
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '72px 80px',
          background: '#f5f5f4',
          color: '#1c1917',
          borderTop: '16px solid #b4410f',
        }}
      >
        <div style={{ fontSize: 34, color: '#57534e', display: 'flex' }}>{blogTitle}</div>
        <div style={{ fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, display: 'flex' }}>{title}</div>
        <div style={{ fontSize: 30, color: '#57534e', display: 'flex' }}>{byline}</div>
      </div>
    ),
    size,
  );
}
