import { PageEntry, type Rendered } from './page-entry';

/**
 * Whole reader pages kept in memory, least recently used dropped past a byte budget. A miss is
 * rendered once: readers who ask for the same key while it renders wait for that render.
 */
export class PageCache {
  private readonly entries = new Map<string, PageEntry>();
  private readonly rendering = new Map<string, Promise<PageEntry | Rendered>>();
  private used = 0;

  constructor(private readonly budgetBytes: number) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: Math.round(this.used) };
  }

  get(key: string): PageEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * The entry for `key`, rendering it once if absent. A response that may not be kept (a cookie
   * set, a status other than those below) comes back as it was rendered, to its own requester and
   * to anyone who waited for it: they asked for the same key, so the same answer is theirs too.
   */
  async getOrRender(key: string, render: () => Promise<Rendered>): Promise<{ result: PageEntry | Rendered; hit: boolean }> {
    const hit = this.get(key);
    if (hit) return { result: hit, hit: true };
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = render().then((rendered) => {
        if (!storable(rendered)) return rendered;
        const entry = new PageEntry(rendered);
        this.put(key, entry);
        return entry;
      });
      this.rendering.set(key, pending);
      const forget = () => this.rendering.delete(key);
      pending.then(forget, forget);
    }
    return { result: await pending, hit: false };
  }

  private put(key: string, entry: PageEntry) {
    if (entry.bytes > this.budgetBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.used -= old.bytes;
    this.entries.set(key, entry);
    this.used += entry.bytes;
    for (const [oldest, value] of this.entries) {
      if (this.used <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.used -= value.bytes;
    }
  }
}

/** Pages, old-address redirects and not-found answers are the same for every reader of a key. */
const STORABLE = new Set([200, 301, 308, 404, 410]);

function storable({ status, headers }: Rendered): boolean {
  return STORABLE.has(status) && !headers.some(([name]) => name === 'set-cookie');
}
