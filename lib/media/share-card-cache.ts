import { createHash } from 'node:crypto';

/** Everything a share card shows: the card is a function of these and nothing else. */
export type ShareCardContent = {
  title: string;
  blogTitle: string;
  /** "Author · date", as drawn (the date in the blog's time zone). */
  byline: string;
  /** The cover's /media/ path, or ''; uploads never change under their name. */
  cover: string;
  /** The drawing's own version (components/share-card.tsx), so a new design is fetched again. */
  design: number;
};

/**
 * A card's version: a hash of what it shows, not of the post's updatedAt, because renaming the
 * author, retitling the blog or changing its time zone changes the card without touching the
 * post. It names the card in the cache and is its strong ETag.
 */
export function shareCardVersion(content: ShareCardContent): string {
  const { title, blogTitle, byline, cover, design } = content;
  return createHash('sha256').update(JSON.stringify([design, title, blogTitle, byline, cover])).digest('base64url').slice(0, 27);
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 has it for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Drawn share cards kept in memory: one per post (a new version replaces the old one), the
 * least recently used dropped past `maxBytes`, and a card asked for while it is being drawn
 * waits for that drawing instead of starting another. Memory rather than files beside the
 * database: nothing to clean up when a post changes or goes, nothing added to backups, and a
 * restart only means each card is drawn once more when next asked for.
 */
export class ShareCardCache {
  private readonly cards = new Map<number, { version: string; png: Uint8Array<ArrayBuffer> }>();
  private readonly drawing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The card of this post at this version, drawn with `draw` only when not already kept. */
  async get(postId: number, version: string, draw: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
    const kept = this.cards.get(postId);
    if (kept?.version === version) {
      // Map order is insertion order: moving the entry to the end marks it recently used.
      this.cards.delete(postId);
      this.cards.set(postId, kept);
      return kept.png;
    }
    const key = `${postId}:${version}`;
    let pending = this.drawing.get(key);
    if (!pending) {
      pending = draw().then(
        (png) => {
          this.drawing.delete(key);
          this.keep(postId, version, png);
          return png;
        },
        (error: unknown) => {
          this.drawing.delete(key);
          throw error;
        },
      );
      this.drawing.set(key, pending);
    }
    return pending;
  }

  /** How many cards and bytes are kept. */
  get size(): { cards: number; bytes: number } {
    return { cards: this.cards.size, bytes: this.bytes };
  }

  private keep(postId: number, version: string, png: Uint8Array<ArrayBuffer>): void {
    const old = this.cards.get(postId);
    if (old) {
      this.cards.delete(postId);
      this.bytes -= old.png.byteLength;
    }
    // A card larger than the whole budget is served but not kept.
    if (png.byteLength > this.maxBytes) return;
    this.cards.set(postId, { version, png });
    this.bytes += png.byteLength;
    for (const [id, card] of this.cards) {
      if (this.bytes <= this.maxBytes) break;
      this.cards.delete(id);
      this.bytes -= card.png.byteLength;
    }
  }
}
