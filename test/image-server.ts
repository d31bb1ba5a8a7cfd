import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export type ImageServer = {
  /** http://127.0.0.1:PORT — the only address these servers ever listen on. */
  origin: string;
  port: number;
  png: Buffer;
  /** Every request path, in the order they arrived. */
  requests: string[];
  /** The most requests the server was answering at the same moment. */
  maxInFlight: () => number;
  close: () => Promise<void>;
};

/**
 * A stand-in for an old blog's image host, on loopback only. Routes:
 * /img/NAME.png an image (after `delayMs`), /redirect?to=URL a 302, /huge a body with no length
 * that never stops, anything else 404. It counts what reaches it, so a test can prove that a
 * refused address was never fetched.
 */
export async function startImageServer({ delayMs = 0 }: { delayMs?: number } = {}): Promise<ImageServer> {
  // Noise does not compress, so the image's size is predictable (about 30 KB).
  const raw = Buffer.alloc(100 * 100 * 3, 0).map((_, i) => (i * 7919) % 251);
  const png = await sharp(raw, { raw: { width: 100, height: 100, channels: 3 } }).png().toBuffer();
  const requests: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    } else if (url.pathname.startsWith('/img/')) {
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png), delayMs);
    } else if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else {
      res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    png,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
