import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { signFormTime } from '@/lib/comments/moderation';
import { SplicedGzip } from './gzip-splice';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** A response as Next rendered it, read whole. */
export type Rendered = { status: number; headers: [string, string][]; body: Buffer };

/**
 * The per-reader values a cached page carries, found by what the comment form renders: its
 * one-submission key and its signed "shown at" time. Each is replaced everywhere it occurs (the
 * form field and React's copy of the props in the page's inline data) by a fresh value of the
 * same length for every reader, so the "sent too fast" hold and the double-submit guard work on
 * a cached page exactly as on a live one.
 */
const READER_VALUES = [
  { name: 'submissionKey', pattern: /name="submissionKey" value="([A-Za-z0-9_-]{24})"/, fresh: () => randomBytes(18).toString('base64url') },
  { name: 'shownAt', pattern: /name="shownAt" value="(\d{13}\.[A-Za-z0-9_-]{22})"/, fresh: (secret: string) => signFormTime(Date.now(), secret) },
] as const;

// Headers that describe one transfer, not the page: the cache writes its own.
const PER_TRANSFER = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'etag', 'cache-control', 'vary', 'set-cookie']);

export class PageEntry {
  readonly status: number;
  readonly headers: [string, string][];
  readonly identityLength: number;
  readonly etag: string;
  /** Fixed runs of the body with a per-reader value between each pair, in `slots` order. */
  private readonly runs: Buffer[];
  private readonly slots: (typeof READER_VALUES)[number][];
  private compressed = new Map<Exclude<Encoding, 'identity'>, Promise<Buffer>>();
  private spliced: SplicedGzip | null = null;
  readonly bytes: number;

  constructor(rendered: Rendered) {
    this.status = rendered.status;
    this.headers = rendered.headers.filter(([name]) => !PER_TRANSFER.has(name) && !name.startsWith('x-nextjs'));
    const { runs, slots } = splitAtReaderValues(rendered.body);
    this.runs = runs;
    this.slots = slots;
    this.identityLength = rendered.body.length;
    this.etag = createHash('sha1').update(rendered.body).digest('base64url').slice(0, 22);
    this.bytes = rendered.body.length * 1.3 + 2048;
  }

  get personal(): boolean {
    return this.slots.length > 0;
  }

  /** Encodings this entry can send; a page with per-reader values is spliced as gzip only. */
  canSend(encoding: Encoding): boolean {
    return encoding !== 'br' || !this.personal;
  }

  tag(encoding: Encoding): string {
    return `"${this.etag}${encoding === 'identity' ? '' : `-${encoding === 'br' ? 'br' : 'gz'}`}"`;
  }

  matches(ifNoneMatch: string): boolean {
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === this.tag('identity') || t === this.tag('gzip') || t === this.tag('br'));
  }

  /** The body for one reader, as buffers to write in order. */
  async body(encoding: Encoding, secret: string): Promise<Buffer[]> {
    // One fresh value per kind, written everywhere that kind occurs.
    const fresh = this.personal ? new Map(READER_VALUES.map((kind) => [kind, Buffer.from(kind.fresh(secret))])) : null;
    const values = this.slots.map((slot) => fresh!.get(slot)!);
    if (encoding === 'identity') return this.runs.flatMap((run, i) => (i === 0 ? [run] : [values[i - 1]!, run]));
    if (this.personal) {
      this.spliced ??= new SplicedGzip(this.runs);
      return this.spliced.assemble(values);
    }
    let pending = this.compressed.get(encoding);
    if (!pending) {
      const whole = this.runs[0]!;
      pending =
        encoding === 'br'
          ? brotliAsync(whole, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: whole.length } })
          : gzipAsync(whole, { level: 6 });
      this.compressed.set(encoding, pending);
    }
    return [await pending];
  }
}

function splitAtReaderValues(body: Buffer): { runs: Buffer[]; slots: (typeof READER_VALUES)[number][] } {
  // Only pages with a comment form carry values; the check is on the text once, at store time.
  const text = body.toString('latin1');
  const found: { at: number; length: number; slot: (typeof READER_VALUES)[number] }[] = [];
  for (const slot of READER_VALUES) {
    const value = slot.pattern.exec(text)?.[1];
    if (!value) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) found.push({ at, length: value.length, slot });
  }
  found.sort((a, b) => a.at - b.at);
  const runs: Buffer[] = [];
  let from = 0;
  for (const { at, length } of found) {
    runs.push(body.subarray(from, at));
    from = at + length;
  }
  runs.push(body.subarray(from));
  return { runs, slots: found.map((f) => f.slot) };
}

/** The encoding to send for an Accept-Encoding header; anything unreadable means identity. */
export function chooseEncoding(acceptEncoding: string | undefined, entry: PageEntry): Encoding {
  if (!acceptEncoding || acceptEncoding.length > 256) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br') && entry.canSend('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}
