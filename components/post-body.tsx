import { getMediaSizes } from '@/db/media';
import { mediaHashesIn, withResponsiveImages } from '@/lib/media/responsive-images';

/**
 * A stored post body: already sanitised on save by lib/posts/sanitize.ts, so it is trusted here.
 * Uploaded images get their responsive widths and intrinsic size at render time.
 */
export async function PostBody({ html }: { html: string }) {
  const hashes = mediaHashesIn(html);
  const body = hashes.length > 0 ? withResponsiveImages(html, await getMediaSizes(hashes)) : html;
  return (
    <div
      className="prose prose-stone max-w-none font-serif text-[1.0625rem] leading-relaxed prose-headings:font-sans prose-a:text-accent prose-img:rounded-md prose-pre:font-mono dark:prose-invert dark:prose-a:text-orange-300"
      dangerouslySetInnerHTML={{ __html: body }}
    />
  );
}
