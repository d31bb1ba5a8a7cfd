import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real SMTP server on localhost for tests (smtp-server, the package nodemailer's authors test
 * with), keeping every message it accepts, parsed by mailparser. Nothing here is a mock: the blog
 * talks SMTP to it exactly as it would to a provider. Tests can make it refuse recipients (a 4xx
 * "try later" or a 5xx "never") or answer slowly.
 *
 * Run as a script it serves the caught mail as JSON too, for the e2e specs:
 *   tsx test/mail-catcher.ts --smtp 2525 --http 2526   →   GET /messages
 */

export type CaughtMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  receivedAt: number;
};

export type CatcherOptions = {
  port?: number;
  /** An error for this recipient, as an SMTP reply: `{ code: 450, message }` (try later) or 550 (never). */
  refuse?: (address: string) => { code: number; message: string } | undefined;
  /** Milliseconds to wait before answering each message's data. */
  delayMs?: () => number;
};

export type MailCatcher = {
  port: number;
  messages: CaughtMail[];
  /** Waits until a message matches, polling the list (no fixed sleep). */
  waitFor: (match: (mail: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
};

export async function startMailCatcher(options: CatcherOptions = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const delay = options.delayMs?.() ?? 0;
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            headers,
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms (${messages.length} caught)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const catcher = await startMailCatcher({ port: arg('smtp', 2525) });
  const api = http.createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (req.method === 'GET' && req.url?.startsWith('/messages')) {
      const to = new URL(req.url, 'http://localhost').searchParams.get('to')?.toLowerCase();
      const list = to ? catcher.messages.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : catcher.messages;
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify(list));
    }
    res.statusCode = 404;
    res.end();
  });
  api.listen(arg('http', 2526), '127.0.0.1');
  const stop = () => void catcher.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1]?.endsWith('mail-catcher.ts')) void main();
