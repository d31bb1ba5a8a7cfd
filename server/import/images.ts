import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';
import { createMedia } from '@/db/media';
import type { ImageCopyStats } from '@/lib/import/report';
import { MAX_UPLOAD_BYTES, originalPath, processUpload, UploadError } from '@/lib/media/media';
import { describeBytes, FetchProblem, parseAllowedHosts, safeGet, urlRefusal, type AllowedHost } from '@/lib/http/safe-fetch';

/** Blogger's and WordPress's image hosts, where a link around an image points at its full size. */
const IMAGE_URL = /\.(jpe?g|png|gif|webp|avif)(\?.*)?$|^https?:\/\/(\d\.bp\.blogspot\.com|blogger\.googleusercontent\.com|lh\d\.googleusercontent\.com)\//i;

export type ImageCopyOptions = {
  /** Count what would be copied, fetching nothing. */
  dryRun?: boolean;
  /** Hosts fetched from despite the address rules, as IMPORT_ALLOW_HOSTS writes them (the default). */
  allowHosts?: string;
  /** How many images are fetched at the same time. */
  concurrency?: number;
  /** What all of one import's fetches may take together. */
  budget?: { bytes: number; seconds: number };
};

/** One backup cannot make the blog download without end, however many images it names. */
export const IMPORT_IMAGE_BUDGET = { bytes: 200 * 1024 * 1024, seconds: 5 * 60 };
const CONCURRENCY = 4;
const PER_IMAGE_SECONDS = 20;

const describeSeconds = (seconds: number) => (seconds >= 60 ? `${Math.round(seconds / 60)} minutes` : `${seconds} s`);

/**
 * One copier per import: each address is fetched once however many posts show it, a few at a
 * time, within the import's budget, and only from public addresses (lib/http/safe-fetch.ts).
 */
export class ImageCopier {
  private readonly done = new Map<string, Promise<string | null>>();
  readonly stats: ImageCopyStats;
  private readonly dryRun: boolean;
  private readonly allowed: AllowedHost[];
  private readonly concurrency: number;
  private readonly budget: { bytes: number; seconds: number };
  private readonly stop = new AbortController();
  private clock?: NodeJS.Timeout;
  private fetched = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly uploadedBy: number | null,
    options: ImageCopyOptions = {},
  ) {
    this.dryRun = options.dryRun ?? false;
    this.stats = this.dryRun ? { copied: 0, wouldCopy: 0, failed: [] } : { copied: 0, failed: [] };
    this.allowed = parseAllowedHosts(options.allowHosts ?? process.env.IMPORT_ALLOW_HOSTS);
    this.concurrency = Math.max(1, options.concurrency ?? CONCURRENCY);
    this.budget = options.budget ?? IMPORT_IMAGE_BUDGET;
  }

  /**
   * Copies every image a post shows (and the full-size image a link around it opens) into the
   * media library and points the post at the copies. An image that cannot be fetched stays
   * linked where it was, and the report lists it. A dry run only counts them.
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
    if (this.dryRun) {
      for (const url of urls) this.count(url);
      return html;
    }
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

  /** Stops the import's clock once its posts are read, so no timer outlives the import. */
  finish(): void {
    clearTimeout(this.clock);
  }

  /** What a dry run can tell without any traffic: the scheme, and addresses written as IP literals. */
  private count(url: string): void {
    if (this.done.has(url)) return;
    this.done.set(url, Promise.resolve(null));
    const refusal = urlRefusal(url, this.allowed);
    if (refusal) this.stats.failed.push({ url, reason: refusal });
    else this.stats.wouldCopy!++;
  }

  private copy(url: string): Promise<string | null> {
    let pending = this.done.get(url);
    if (!pending) {
      pending = this.inTurn(() => this.fetchAndStore(url));
      this.done.set(url, pending);
    }
    return pending;
  }

  /** Runs at most `concurrency` fetches at once; a finished one hands its turn to the next waiting. */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Past the budget, every fetch in flight is cut off and none is started. */
  private spend(bytes: number): void {
    this.fetched += bytes;
    if (this.fetched > this.budget.bytes) this.halt(`this import had already fetched ${describeBytes(this.budget.bytes)} of images`);
  }

  private halt(why: string): void {
    if (this.stop.signal.aborted) return;
    this.stats.stopped = why;
    this.stop.abort(new FetchProblem(`not copied: ${why}`));
    this.finish();
  }

  private async fetchAndStore(url: string): Promise<string | null> {
    const timeout = AbortSignal.timeout(PER_IMAGE_SECONDS * 1000);
    try {
      this.stop.signal.throwIfAborted();
      this.clock ??= setTimeout(() => this.halt(`this import had already spent ${describeSeconds(this.budget.seconds)} fetching images`), this.budget.seconds * 1000).unref();
      const fetched = await safeGet(url, {
        maxBytes: MAX_UPLOAD_BYTES,
        allowHosts: this.allowed,
        signal: AbortSignal.any([timeout, this.stop.signal]),
        onData: (bytes) => this.spend(bytes),
      });
      const image = await processUpload(fetched.body);
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'image').slice(0, 200);
      const record = await createMedia({ ...image, filename: name, uploadedBy: this.uploadedBy });
      this.stats.copied++;
      return originalPath(record.hash, record.format);
    } catch (error) {
      this.stats.failed.push({ url, reason: this.explain(url, error, timeout) });
      return null;
    }
  }

  private explain(url: string, error: unknown, timeout: AbortSignal): string {
    if (this.stop.signal.aborted) return (this.stop.signal.reason as FetchProblem).message;
    if (timeout.aborted) return `it took longer than ${PER_IMAGE_SECONDS} s`;
    if (error instanceof FetchProblem || error instanceof UploadError) return error.message;
    console.error('image copy failed:', url, error);
    return 'it could not be copied';
  }
}

function absolute(src: string): string {
  return src.startsWith('//') ? `https:${src}` : src;
}
