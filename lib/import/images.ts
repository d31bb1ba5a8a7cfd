import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import { createMedia } from '@/db/media';
import { MAX_UPLOAD_BYTES, originalPath, processUpload, UploadError } from '@/lib/media';

/** Blogger's and WordPress's image hosts, where a link around an image points at its full size. */
const IMAGE_URL = /\.(jpe?g|png|gif|webp|avif)(\?.*)?$|^https?:\/\/(\d\.bp\.blogspot\.com|blogger\.googleusercontent\.com|lh\d\.googleusercontent\.com)\//i;

export type ImageCopyStats = { copied: number; failed: { url: string; reason: string }[] };

/** One copier per import: each address is fetched once however many posts show it. */
export class ImageCopier {
  private readonly done = new Map<string, Promise<string | null>>();
  readonly stats: ImageCopyStats = { copied: 0, failed: [] };

  constructor(
    private readonly uploadedBy: number | null,
    private readonly timeoutMs = 20_000,
  ) {}

  /**
   * Copies every image a post shows (and the full-size image a link around it opens) into the
   * media library and points the post at the copies. An image that cannot be fetched stays
   * linked where it was, and the report lists it.
   */
  async rewrite(html: string): Promise<string> {
    const urls = new Set<string>();
    let insideLink: string | undefined;
    const parser = new Parser({
      onopentag(name, attribs) {
        if (name === 'a' && attribs.href && /^https?:\/\//i.test(attribs.href) && IMAGE_URL.test(attribs.href)) insideLink = attribs.href;
        if (name === 'img' && attribs.src && /^(https?:)?\/\//i.test(attribs.src)) {
          urls.add(absolute(attribs.src));
          if (insideLink) urls.add(insideLink);
        }
      },
      onclosetag(name) {
        if (name === 'a') insideLink = undefined;
      },
    });
    parser.write(html);
    parser.end();
    if (urls.size === 0) return html;
    const copies = new Map<string, string>();
    await Promise.all(
      [...urls].map(async (url) => {
        const local = await this.copy(url);
        if (local) copies.set(url, local);
      }),
    );
    if (copies.size === 0) return html;
    const swap = (value: string | undefined) => (value ? (copies.get(absolute(value)) ?? value) : value);
    return sanitizeHtml(html, {
      allowedTags: false,
      allowedAttributes: false,
      allowVulnerableTags: true,
      transformTags: {
        img: (tagName, attribs) => {
          const src = swap(attribs.src);
          // A copied image gets its own responsive sizes; the old host's srcset would point away.
          const { srcset: _drop, ...rest } = attribs;
          return { tagName, attribs: src !== attribs.src ? { ...rest, src: src! } : attribs };
        },
        a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: swap(attribs.href)! } : attribs }),
      },
    });
  }

  private copy(url: string): Promise<string | null> {
    let pending = this.done.get(url);
    if (!pending) {
      pending = this.fetchAndStore(url);
      this.done.set(url, pending);
    }
    return pending;
  }

  private async fetchAndStore(url: string): Promise<string | null> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) throw new Error('it is larger than 10 MB');
      const data = await readCapped(response, MAX_UPLOAD_BYTES);
      const image = await processUpload(data);
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'image').slice(0, 200);
      const record = await createMedia({ ...image, filename: name, uploadedBy: this.uploadedBy });
      this.stats.copied++;
      return originalPath(record.hash, record.format);
    } catch (error) {
      const reason = error instanceof UploadError ? error.message : error instanceof Error ? error.message : String(error);
      this.stats.failed.push({ url, reason: reason.replace(/^fetch failed$/, 'it could not be fetched') });
      return null;
    }
  }
}

function absolute(src: string): string {
  return src.startsWith('//') ? `https:${src}` : src;
}

async function readCapped(response: Response, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) throw new Error('it is larger than 10 MB');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
