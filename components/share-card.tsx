import sharp from 'sharp';
import { ImageResponse } from 'next/og';
import { readMediaFile } from '@/lib/media';
import { getVisiblePostByPermalink } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { formatDateHeader } from '@/lib/dates';
import { permalinkFromSegments } from '@/lib/permalink';

const size = { width: 1200, height: 630 };

/** Where a post's share card is, and what Open Graph and X are told about it. */
export function shareCard(permalink: string) {
  return { url: `${permalink}/share-card.png`, ...size, type: 'image/png', alt: 'The post title on a card with the blog name' };
}

/**
 * A share card for each post, drawn at request time: title, blog name, author and date. A plain
 * address of its own (not Next's opengraph-image file, whose URL carries a build hash and is
 * added only to pages rendered from that route) so cached and live pages name the same card.
 */
export async function drawShareCard({ year, month, slug }: { year: string; month: string; slug: string }): Promise<Response> {
  const permalink = permalinkFromSegments(year, month, slug);
  const [post, settings] = await Promise.all([permalink ? getVisiblePostByPermalink(permalink) : undefined, getSettings()]);
  const title = post?.title ?? settings.blogTitle;
  const cover = post?.coverImage ? await readMediaFile(post.coverImage.replace('/media/', '')) : null;
  if (cover) {
    // The author's cover, cropped to the card's shape, with the title along the bottom.
    const png = await sharp(cover.data).resize(size.width, size.height, { fit: 'cover' }).png().toBuffer();
    return new ImageResponse(
      (
        <div style={{ width: '100%', height: '100%', display: 'flex', position: 'relative' }}>
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
            <div style={{ fontSize: 28, opacity: 0.85, display: 'flex' }}>{settings.blogTitle}</div>
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
        <div style={{ fontSize: 34, color: '#57534e', display: 'flex' }}>{settings.blogTitle}</div>
        <div style={{ fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, display: 'flex' }}>{title}</div>
        <div style={{ fontSize: 30, color: '#57534e', display: 'flex' }}>
          {post ? `${post.authorName} · ${formatDateHeader(post.publishedAt, settings.timezone)}` : ''}
        </div>
      </div>
    ),
    size,
  );
}
