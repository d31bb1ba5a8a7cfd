import 'server-only';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import {
  claimNextMail,
  getCommentForMail,
  getFollowerById,
  getPostForMail,
  markMailFailed,
  markMailForRetry,
  markMailSent,
  queueDuePostMailings,
  saveRenderedMail,
  wantsReplyNotices,
} from '@/db/mail-outbox';
import type { MailMessage } from '@/db/schema';
import { getSettings } from '@/db/settings';
import { formatDateHeader } from '@/lib/reading/dates';
import { mailSetup, smtpHostLabel, type MailSettings } from '@/lib/mail/config';
import { decideRetry, RETRY_DELAYS_MS, type SendFailure } from '@/lib/mail/retry';
import { commentNotice, postMail, replyNotice, type Mail } from '@/lib/mail/templates';
import { signMailLink } from '@/lib/mail/tokens';

/**
 * The one background sender (server.ts runs it in the primary process): takes messages from the
 * outbox one at a time, paced to MAIL_PER_MINUTE, and records each SMTP answer. Requests never
 * wait for it: they only write rows. Also the clock for followers' mail: each round it queues the
 * posts whose time has come, scheduled ones included.
 *
 * Delivery is at least once, with a stable Message-ID: a message is marked sent only after the
 * SMTP server accepted it, so a crash between the server's "250" and that write sends it again on
 * restart, under the same Message-ID (written with the content before the first try), which mail
 * servers and clients use to drop the copy.
 */

export type SenderOptions = {
  settings: MailSettings;
  secret: string;
  /** How often an idle sender looks for work. */
  pollMs?: number;
  /** How long a claimed message is held; a send is abandoned well before it ends. */
  leaseMs?: number;
  retryDelaysMs?: number[];
  log?: (line: string) => void;
};

type Outcome = { kind: 'sent' } | { kind: 'retry' } | { kind: 'failed' } | { kind: 'idle' };

export class MailSender {
  private readonly settings: MailSettings;
  private readonly secret: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly retryDelaysMs: number[];
  private readonly log: (line: string) => void;
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastSendAt = 0;

  constructor(options: SenderOptions) {
    this.settings = options.settings;
    this.secret = options.secret;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    // A hung server must not hold a message past its lease, or a second sender could take it too.
    this.sendTimeoutMs = Math.min(45_000, Math.floor(this.leaseMs * 0.75));
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.log = options.log ?? ((line) => console.log(line));
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops taking messages; a send in progress finishes (and is recorded) first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
    this.transport = null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => (this.running = null));
    }, ms);
    this.timer.unref?.();
  }

  /** Sends until nothing is due, then sleeps for pollMs. */
  private async round(): Promise<void> {
    try {
      await queueDuePostMailings();
      for (;;) {
        if (this.stopped) return;
        const gap = 60_000 / this.settings.perMinute - (Date.now() - this.lastSendAt);
        if (gap > 0) {
          this.schedule(gap);
          return;
        }
        const outcome = await this.sendOne();
        if (outcome.kind === 'idle') break;
      }
    } catch (error) {
      this.log(`mail: the outbox could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule(this.pollMs);
  }

  private async sendOne(): Promise<Outcome> {
    const claimed = await claimNextMail({ leaseMs: this.leaseMs });
    if (!claimed) return { kind: 'idle' };
    let message = claimed;
    if (message.subject === null || message.messageId === null) {
      const written = await this.write(message);
      if ('notSent' in written) {
        await markMailFailed({ id: message.id, response: `not sent: ${written.notSent}` });
        return { kind: 'failed' };
      }
      const content = {
        subject: written.subject,
        textBody: written.text,
        htmlBody: written.html,
        extraHeaders: written.extraHeaders,
        messageId: message.messageId ?? this.newMessageId(),
      };
      await saveRenderedMail({ id: message.id, ...content });
      message = { ...message, ...content };
    }
    this.lastSendAt = Date.now();
    try {
      const info = await this.deliver(message);
      await markMailSent({ id: message.id, response: String(info.response ?? 'accepted') });
      return { kind: 'sent' };
    } catch (error) {
      const failure = error as SendFailure;
      const decision = decideRetry(failure, message.attempts, new Date(), this.retryDelaysMs);
      if (decision.kind === 'retry') {
        await markMailForRetry({ id: message.id, at: decision.at, response: decision.answer });
        this.log(`mail: #${message.id} to ${message.toAddress} will be retried at ${decision.at.toISOString()}: ${decision.answer}`);
        return { kind: 'retry' };
      }
      await markMailFailed({ id: message.id, response: decision.answer });
      this.log(`mail: #${message.id} to ${message.toAddress} failed: ${decision.answer}`);
      return { kind: 'failed' };
    }
  }

  private newMessageId(): string {
    const domain = this.settings.from.address.split('@')[1] ?? 'blogstead.invalid';
    return `<${randomUUID()}@${domain}>`;
  }

  private async deliver(message: MailMessage): Promise<{ response?: string }> {
    this.transport ??= nodemailer.createTransport({
      ...parseConnectionUrl(this.settings.smtpUrl),
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    const transport = this.transport;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Dropping the connection is the only way to stop nodemailer mid-send; the next send opens another.
        transport.close();
        if (this.transport === transport) this.transport = null;
        reject(Object.assign(new Error(`no answer from the SMTP server within ${this.sendTimeoutMs / 1000} s`), { code: 'ETIMEDOUT' }));
      }, this.sendTimeoutMs);
    });
    try {
      // Address objects, never strings built here: a name or address cannot add a header line.
      return await Promise.race([
        transport.sendMail({
          from: { name: this.settings.from.name, address: this.settings.from.address },
          to: { name: '', address: message.toAddress },
          subject: message.subject ?? '',
          text: message.textBody ?? '',
          html: message.htmlBody ?? undefined,
          messageId: message.messageId ?? undefined,
          headers: message.extraHeaders ?? undefined,
          disableFileAccess: true,
          disableUrlAccess: true,
        }),
        timeout,
      ]);
    } catch (error) {
      // A pool that lost its connection can hang on its next message: start afresh after any failure.
      transport.close();
      if (this.transport === transport) this.transport = null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The content of a message queued by reference (a comment, a reply, a post), or why it is no longer to be sent. */
  private async write(message: MailMessage): Promise<(Mail & { extraHeaders: Record<string, string> | null }) | { notSent: string }> {
    if (message.subject !== null) {
      return { subject: message.subject, text: message.textBody ?? '', html: message.htmlBody ?? '', extraHeaders: message.extraHeaders };
    }
    const settings = await getSettings();
    const blog = { title: settings.blogTitle, origin: this.settings.origin };
    const unsubscribe = (url: string) => ({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    if (message.kind === 'comment' || message.kind === 'reply') {
      const found = message.commentId === null ? undefined : await getCommentForMail(message.commentId);
      if (!found?.post.permalink) return { notSent: 'the comment or its post is gone' };
      const post = { title: found.post.title, permalink: found.post.permalink };
      if (message.kind === 'comment') {
        if (found.comment.status === 'spam') return { notSent: 'the comment was marked as spam' };
        return { ...commentNotice({ blog, post, comment: found.comment }), extraHeaders: null };
      }
      if (found.comment.status !== 'published') return { notSent: 'the reply is no longer published' };
      if (!(await wantsReplyNotices(message.toAddress))) return { notSent: 'the reader stopped reply notices' };
      const token = signMailLink({ purpose: 'replies', email: message.toAddress, issuedAt: Date.now() }, this.secret);
      const page = `${blog.origin}/email/unsubscribe/${token}`;
      return {
        ...replyNotice({ blog, post, reply: found.comment, unsubscribeUrl: page }),
        extraHeaders: unsubscribe(`${blog.origin}/email/unsubscribe?token=${token}`),
      };
    }
    if (message.kind === 'post') {
      const [post, follower] = await Promise.all([
        message.postId === null ? undefined : getPostForMail(message.postId),
        message.followerId === null ? undefined : getFollowerById(message.followerId),
      ]);
      if (!follower || follower.status !== 'confirmed') return { notSent: 'the follower unsubscribed' };
      if (!post?.permalink || !post.publishedAt || post.status === 'draft') return { notSent: 'the post is no longer published' };
      const token = signMailLink({ purpose: 'unfollow', followerId: follower.id, email: follower.email, issuedAt: Date.now() }, this.secret);
      return {
        ...postMail({
          blog,
          post: { ...post, permalink: post.permalink, publishedAt: formatDateHeader(post.publishedAt, settings.timezone) },
          unsubscribeUrl: `${blog.origin}/email/unsubscribe/${token}`,
        }),
        extraHeaders: unsubscribe(`${blog.origin}/email/unsubscribe?token=${token}`),
      };
    }
    return { notSent: 'the message has no content' };
  }
}

/**
 * Starts the sender when SMTP_URL, MAIL_FROM and SITE_URL are set; otherwise says once what is
 * missing, and mail waits in the outbox (Admin → Settings says so too).
 */
export function startMailSender(secret: string): MailSender | null {
  const setup = mailSetup();
  if (!setup.ready) {
    console.log(`mail: not sending, messages wait in the outbox. ${setup.problems.join(' ')}`);
    return null;
  }
  const sender = new MailSender({ settings: setup.settings, secret });
  sender.start();
  console.log(`mail: sending through ${smtpHostLabel(setup.settings.smtpUrl)}, at most ${setup.settings.perMinute} a minute`);
  return sender;
}
