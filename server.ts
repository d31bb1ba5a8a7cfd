import { createServer } from 'node:http';
import next from 'next';
import { ProxySettingError, applyProxyTrust, proxyTrust, type ProxyTrust } from './lib/trusted-proxy';
import { isAnonymousCommentPost, serveCommentPost } from './server/comment-post';

/**
 * `npm start`: Next's production server behind one step of our own (Next's documented custom-server
 * API). Before Next sees a request, its forwarding headers are rewritten to what can be believed
 * (lib/trusted-proxy.ts, set by TRUST_PROXY), because Next keeps whatever X-Forwarded-For a client
 * sends and has no setting to stop it.
 */
// Whatever the blog writes (database, backups, imports, media) is for this user only.
process.umask(0o077);

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;

let trust: ProxyTrust;
try {
  trust = proxyTrust();
} catch (error) {
  if (!(error instanceof ProxySettingError)) throw error;
  console.error(error.message);
  process.exit(1);
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    applyProxyTrust(req, trust);
    // Readers' comments are answered here, without Next's request path (server/comment-post.ts).
    const answer = isAnonymousCommentPost(req) ? serveCommentPost(req, res) : handle(req, res);
    answer.catch((error: unknown) => {
      console.error('request failed:', error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      res.end('Something went wrong on our side; please try again.');
    });
  });
  server.listen(port, hostname, () => console.log(`Blogstead is listening on http://${hostname ?? 'localhost'}:${port}`));

  // As `next start` does: stop accepting, finish the requests in flight, then exit with 128 + signal,
  // so the database is closed (instrumentation.ts) and a supervisor sees a clean stop.
  let stopping = false;
  const stop = (signal: 'SIGTERM' | 'SIGINT') => {
    if (stopping) return;
    stopping = true;
    const code = signal === 'SIGTERM' ? 143 : 130;
    server.close(() => {
      app.close().finally(() => process.exit(code));
    });
    // Keep-alive connections with nothing in flight would hold close() open.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    idle.unref();
    setTimeout(() => {
      console.error('shutdown: requests still running after 30 s; exiting anyway.');
      process.exit(code);
    }, 30_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
