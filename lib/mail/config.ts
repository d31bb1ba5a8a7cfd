import { z } from 'zod';
import { siteUrl, type Env } from '../site/config';

export type MailSettings = {
  /** nodemailer's connection URL: smtp://, smtps://, with user and password when the server wants them. */
  smtpUrl: string;
  from: { name: string; address: string };
  /** Links in mail are built from this, never from a request's Host header. */
  origin: string;
  perMinute: number;
};

export type MailSetup = { ready: true; settings: MailSettings } | { ready: false; problems: string[] };

const address = z.email();

/** Removes what could end a header line or start another: names and subjects are one line, always. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** `Name <addr@host>` or `addr@host`; null when the address is not one. */
export function parseMailbox(raw: string): { name: string; address: string } | null {
  const text = oneLine(raw);
  const angled = /^(.*)<([^<>]+)>$/.exec(text);
  const name = angled ? angled[1]!.trim().replace(/^"(.*)"$/, '$1') : '';
  const addr = (angled ? angled[2]! : text).trim();
  return address.safeParse(addr).success ? { name, address: addr } : null;
}

/**
 * What sending needs, read from the environment: SMTP_URL, MAIL_FROM and SITE_URL (mail links must
 * name the blog's real address: taken from a request, a forged Host header could point a password
 * reset link at someone else's site). With any missing, nothing is sent and mail waits in the outbox.
 */
export function mailSetup(env: Env = process.env): MailSetup {
  const problems: string[] = [];
  const smtpUrl = env.SMTP_URL?.trim() ?? '';
  if (!smtpUrl) problems.push('SMTP_URL is not set (e.g. smtps://user:password@smtp.example.org:465).');
  else {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') problems.push('SMTP_URL must start with smtp:// or smtps://.');
  }
  const rawFrom = env.MAIL_FROM?.trim() ?? '';
  const from = rawFrom ? parseMailbox(rawFrom) : null;
  if (!rawFrom) problems.push('MAIL_FROM is not set (e.g. "My Blog <blog@example.org>").');
  else if (!from) problems.push('MAIL_FROM is not an email address (e.g. "My Blog <blog@example.org>").');
  const site = siteUrl(env);
  if (!site) problems.push("SITE_URL is not set: links in mail are built from the blog's public address (e.g. https://blog.example.org).");
  const perMinuteRaw = env.MAIL_PER_MINUTE?.trim();
  const perMinute = perMinuteRaw ? Number(perMinuteRaw) : 60;
  if (!Number.isSafeInteger(perMinute) || perMinute < 1) problems.push('MAIL_PER_MINUTE must be a whole number of at least 1.');
  if (problems.length > 0 || !from || !site) return { ready: false, problems };
  return { ready: true, settings: { smtpUrl, from, origin: site.origin, perMinute } };
}

/** The SMTP server's host, for the admin page: never the user name or password in the URL. */
export function smtpHostLabel(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'an unreadable SMTP_URL';
  }
}
