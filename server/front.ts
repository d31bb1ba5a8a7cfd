import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { openReaderStateReader } from '@/db/reader-cache';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { MAX_CACHED_QUERY, cacheKey, isCacheableRead, pagingPart, withoutTracking } from '@/lib/reading/page-cache';
import { requestOrigin } from '@/lib/http/request-origin';
import { chooseEncoding, PageEntry, type Rendered } from './page-entry';
import { PageCache } from './page-cache';

export type FrontOptions = {
  /** Next's own handler, for everything the cache does not answer. */
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** A Unix socket where Next alone answers: misses are rendered through it and read whole. */
  renderSocket: string;
  budgetBytes: number;
  /** Seconds a shared cache (a CDN) may reuse a page without asking; 0 = always ask. */
  sharedMaxAge: number;
};

// Headers that make a request personal or not a plain page load: such requests go to Next.
const NAVIGATION_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'authorization'];
// What Next must not see when it renders a page for everyone: the cache encodes and validates.
const NOT_FOR_RENDER = new Set(['cookie', 'accept-encoding', 'if-none-match', 'if-modified-since', 'range', 'if-range', 'connection', 'keep-alive']);

/**
 * The page cache in front of Next: anonymous reads of reader pages are answered from memory,
 * rendered by Next once per key (lib/reading/page-cache.ts says which requests and what the key holds).
 */
export class Front {
  private readonly cache: PageCache;
  private readonly agent: http.Agent;
  private stateReader: ReturnType<typeof openReaderStateReader> | null = null;

  constructor(private readonly options: FrontOptions) {
    this.cache = new PageCache(options.budgetBytes);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  }

  /** Answers the request if it is a cacheable read (true), else leaves it to the caller (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    // Tracking parameters never reach the page, cached or not.
    const clean = withoutTracking(req.url ?? '/');
    if (clean !== null) req.url = clean;
    const key = this.keyFor(req);
    if (!key) return false;
    this.serve(req, res, key).catch((error: unknown) => {
      console.error('page cache:', error);
      if (!res.headersSent) this.options.next(req, res).catch(() => res.destroy());
      else res.destroy();
    });
    return true;
  }

  close() {
    this.stateReader?.close();
    this.agent.destroy();
  }

  get stats() {
    return this.cache.size;
  }

  private keyFor(req: IncomingMessage): string | null {
    const { headers } = req;
    if (NAVIGATION_HEADERS.some((name) => headers[name] !== undefined)) return null;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      return null;
    }
    const cookieNames = (headers.cookie ?? '').split(';').map((c) => c.split('=', 1)[0]!.trim()).filter(Boolean);
    if (!isCacheableRead({ method: req.method!, pathname: url.pathname, queryNames: [...url.searchParams.keys()], cookieNames })) return null;
    const q = url.searchParams.get('q');
    if (q !== null && q.length > MAX_CACHED_QUERY) return null;
    let origin: string;
    try {
      origin = new URL(requestOrigin(headerGetter(headers))).origin;
    } catch {
      return null;
    }
    let state: { version: number; dueAt: number };
    try {
      this.stateReader ??= openReaderStateReader();
      state = this.stateReader.state();
    } catch (error) {
      // A database too busy to answer: render live, never serve a page that may be stale.
      console.warn(`page cache: ${(error as Error).message}`);
      return null;
    }
    const paging = pagingPart(url.searchParams);
    // A page kept from an https request carries HSTS, one from http does not: with SITE_URL set the
    // origin is the same for both, so the scheme the reader arrived over is part of the key too.
    const scheme = header(headers, 'x-forwarded-proto') === 'https' ? 'https' : 'http';
    return `${cacheKey({ ...state, origin, paging })} ${scheme} ${url.pathname}${q === null ? '' : `?q=${q}`}`;
  }

  private async serve(req: IncomingMessage, res: ServerResponse, key: string) {
    const { result, hit } = await this.cache.getOrRender(key, () => this.render(req));
    if (!(result instanceof PageEntry)) {
      sendRendered(res, req.method === 'HEAD', result);
      return;
    }
    const entry = result;
    const encoding = chooseEncoding(header(req.headers, 'accept-encoding'), entry);
    // A page with per-reader values (a comment form) is fresh for each reader: no validator to
    // reuse an old copy with, and no shared cache may hand one reader's values to another.
    const cacheControl = entry.personal
      ? 'private, no-cache'
      : `public, no-cache${this.options.sharedMaxAge > 0 ? `, s-maxage=${this.options.sharedMaxAge}` : ''}`;
    const common: [string, string][] = [
      ['cache-control', cacheControl],
      ['vary', 'Accept-Encoding'],
      ['x-cache', hit ? 'HIT' : 'MISS'],
    ];
    if (!entry.personal) common.push(['etag', entry.tag(encoding)]);
    const ifNoneMatch = header(req.headers, 'if-none-match');
    if (ifNoneMatch && !entry.personal && entry.status === 200 && entry.matches(ifNoneMatch)) {
      res.writeHead(304, common.flat());
      res.end();
      return;
    }
    const parts = await entry.body(encoding, getAuthSecret());
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const headers: [string, string][] = [...entry.headers, ...common, ['content-length', String(length)]];
    if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
    res.writeHead(entry.status, headers.flat());
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (parts.length === 1) {
      res.end(parts[0]);
      return;
    }
    res.cork();
    for (const part of parts) res.write(part);
    res.end();
  }

  /** Next renders the page as for an anonymous reader; the whole response is read back. */
  private render(req: IncomingMessage): Promise<Rendered> {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!NOT_FOR_RENDER.has(name)) headers[name] = value;
    return new Promise((resolve, reject) => {
      const inner = http.request(
        { socketPath: this.options.renderSocket, agent: this.agent, method: 'GET', path: req.url, headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('end', () => {
            const pairs: [string, string][] = [];
            for (let i = 0; i < answer.rawHeaders.length; i += 2) pairs.push([answer.rawHeaders[i]!.toLowerCase(), answer.rawHeaders[i + 1]!]);
            resolve({ status: answer.statusCode ?? 500, headers: pairs, body: Buffer.concat(chunks) });
          });
        },
      );
      inner.on('error', reject);
      inner.end();
    });
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function headerGetter(headers: IncomingHttpHeaders): Pick<Headers, 'get'> {
  return { get: (name: string) => header(headers, name.toLowerCase()) ?? null };
}

/** A response that may not be kept, passed on as Next rendered it. */
function sendRendered(res: ServerResponse, head: boolean, rendered: Rendered) {
  const headers = rendered.headers.filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name));
  headers.push(['content-length', String(rendered.body.length)]);
  res.writeHead(rendered.status, headers.flat());
  res.end(head ? undefined : rendered.body);
}
