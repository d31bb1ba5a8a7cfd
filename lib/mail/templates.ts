import { convert } from 'html-to-text';
import { escapeHtml, splitAtMore } from '../posts/content';
import { sanitizeMailHtml } from '../posts/sanitize';
import { oneLine } from './config';

/**
 * Every mail the blog sends, as subject, plain text and HTML. The HTML looks like the blog (its
 * title, its accent colour, the same serif heading) with inline styles only, loads nothing from
 * anywhere (no images, no fonts, no pixels), and the text part says everything the HTML does.
 */
export type Mail = { subject: string; text: string; html: string };

type Blog = { title: string; origin: string };

const ACCENT = '#b4410f';
const INK = '#1c1917';
const MUTED = '#57534e';
const SANS = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const SERIF = "Georgia,'Times New Roman',serif";

const e = escapeHtml;

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${e(href)}" style="display:inline-block;background:${ACCENT};color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${e(label)}</a></p>`;
}

function paragraph(html: string): string {
  return `<p style="margin:0 0 16px">${html}</p>`;
}

function layout(blog: Blog, { heading, bodyHtml, footerHtml }: { heading: string; bodyHtml: string; footerHtml: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${e(heading)}</title></head>
<body style="margin:0;padding:0;background:#f5f5f4;color:${INK};font-family:${SANS};font-size:16px;line-height:1.6">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f5f5f4"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:600px;background:#ffffff;border-top:4px solid ${ACCENT};border-radius:8px">
<tr><td style="padding:24px 28px 0"><a href="${e(blog.origin)}/" style="color:${INK};text-decoration:none;font-family:${SERIF};font-size:26px;font-weight:600">${e(blog.title)}</a></td></tr>
<tr><td style="padding:16px 28px 8px"><h1 style="margin:0 0 16px;font-family:${SERIF};font-size:22px;line-height:1.3;font-weight:600">${e(heading)}</h1>${bodyHtml}</td></tr>
<tr><td style="padding:16px 28px 24px;border-top:1px solid #e7e5e4;color:${MUTED};font-size:13px;line-height:1.5">${footerHtml}</td></tr>
</table></td></tr></table></body></html>`;
}

function textLayout(blog: Blog, { heading, body, footer }: { heading: string; body: string; footer: string }): string {
  return `${blog.title}\n${'='.repeat(Math.min(blog.title.length, 60) || 1)}\n\n${heading}\n\n${body.trim()}\n\n-- \n${footer.trim()}\n`;
}

function subject(blog: Blog, text: string): string {
  return oneLine(`[${blog.title}] ${text}`).slice(0, 250);
}

/** Quoted comment text: plain text, paragraphs kept. */
function quoted(body: string): { html: string; text: string } {
  const html = body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return {
    html: `<blockquote style="margin:0 0 16px;padding:4px 0 4px 16px;border-left:3px solid ${ACCENT};color:${INK}">${html}</blockquote>`,
    text: body
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  };
}

export type CommentNoticeInput = {
  blog: Blog;
  post: { title: string; permalink: string };
  comment: { id: number; authorName: string; authorEmail: string | null; authorUrl: string | null; body: string; status: 'pending' | 'published' | 'spam' };
};

/** To the post's author and the blog's notification addresses: a new comment, with where to act on it. */
export function commentNotice({ blog, post, comment }: CommentNoticeInput): Mail {
  const held = comment.status === 'pending';
  const heading = held ? `A comment on “${post.title}” is awaiting moderation` : `New comment on “${post.title}”`;
  const view = `${blog.origin}${post.permalink}#c${comment.id}`;
  const moderate = `${blog.origin}/admin/comments/${comment.id}`;
  const who = [comment.authorName, comment.authorEmail, comment.authorUrl].filter(Boolean).join(' · ');
  const q = quoted(comment.body);
  const bodyHtml =
    paragraph(`<strong>${e(comment.authorName)}</strong>${comment.authorEmail || comment.authorUrl ? ` <span style="color:${MUTED}">(${e([comment.authorEmail, comment.authorUrl].filter(Boolean).join(' · '))})</span>` : ''} wrote:`) +
    q.html +
    (held ? paragraph('Readers will not see it until you approve it.') : '') +
    button(moderate, held ? 'Approve, mark as spam or delete' : 'Moderate this comment') +
    paragraph(`<a href="${e(view)}" style="color:${ACCENT}">${held ? 'Open the post' : 'See it on the post'}</a>`);
  const text =
    `${who} wrote:\n\n${q.text}\n\n` +
    (held ? 'Readers will not see it until you approve it.\n\n' : '') +
    `Approve, mark as spam or delete (you will be asked to sign in):\n${moderate}\n\n${held ? 'The post' : 'See it on the post'}:\n${view}`;
  const why = 'You get this because you write for this blog or are named in its Settings under “Email new comments to”.';
  return {
    subject: subject(blog, held ? `Comment awaiting moderation: “${post.title}”` : `New comment: “${post.title}”`),
    html: layout(blog, { heading, bodyHtml, footerHtml: e(why) }),
    text: textLayout(blog, { heading, body: text, footer: why }),
  };
}

export type ReplyNoticeInput = {
  blog: Blog;
  post: { title: string; permalink: string };
  reply: { id: number; authorName: string; body: string };
  unsubscribeUrl: string;
};

/** To a commenter who ticked "Email me replies": a reply in their thread, now published. */
export function replyNotice({ blog, post, reply, unsubscribeUrl }: ReplyNoticeInput): Mail {
  const heading = `${reply.authorName} replied on “${post.title}”`;
  const view = `${blog.origin}${post.permalink}#c${reply.id}`;
  const q = quoted(reply.body);
  const bodyHtml = q.html + button(view, 'Read the conversation');
  const why = 'You get this because you ticked “Email me replies” when you commented.';
  return {
    subject: subject(blog, `New reply on “${post.title}”`),
    html: layout(blog, {
      heading,
      bodyHtml,
      footerHtml: `${e(why)} <a href="${e(unsubscribeUrl)}" style="color:${MUTED}">Stop reply notices</a>.`,
    }),
    text: textLayout(blog, { heading, body: `${q.text}\n\nRead the conversation:\n${view}`, footer: `${why}\nStop reply notices: ${unsubscribeUrl}` }),
  };
}

export type PostMailInput = {
  blog: Blog;
  post: { title: string; permalink: string; body: string; authorName: string; publishedAt: string };
  unsubscribeUrl: string;
};

/** To a follower: a new post, its first part up to "Read more", and the way to the rest. */
export function postMail({ blog, post, unsubscribeUrl }: PostMailInput): Mail {
  const url = `${blog.origin}${post.permalink}`;
  const { intro, hasMore } = splitAtMore(post.body);
  const introHtml = sanitizeMailHtml(intro, blog.origin);
  const introText = convert(introHtml, { wordwrap: 72, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] });
  const byline = `${post.authorName} · ${post.publishedAt}`;
  const bodyHtml =
    `<p style="margin:0 0 16px;color:${MUTED};font-size:14px">${e(byline)}</p>` +
    `<div style="font-size:16px;line-height:1.65">${introHtml}</div>` +
    button(url, hasMore ? 'Read more' : 'Read it on the blog');
  const why = `You get this because you follow ${blog.title} by email.`;
  return {
    subject: subject(blog, post.title),
    html: layout(blog, {
      heading: post.title,
      bodyHtml,
      footerHtml: `${e(why)} <a href="${e(unsubscribeUrl)}" style="color:${MUTED}">Unsubscribe</a>.`,
    }),
    text: textLayout(blog, {
      heading: post.title,
      body: `${byline}\n\n${introText}\n\n${hasMore ? 'Read more' : 'Read it on the blog'}:\n${url}`,
      footer: `${why}\nUnsubscribe: ${unsubscribeUrl}`,
    }),
  };
}

/** Double opt-in: nothing is sent to a follower until they open this. */
export function followConfirmation({ blog, confirmUrl }: { blog: Blog; confirmUrl: string }): Mail {
  const heading = `Confirm that you want to follow ${blog.title}`;
  const body = 'Someone, probably you, asked to get new posts of this blog by email at this address.';
  const after = 'Nothing is sent until you confirm. If it was not you, ignore this mail. The link works for two days.';
  return {
    subject: subject(blog, 'Confirm your subscription'),
    html: layout(blog, { heading, bodyHtml: paragraph(e(body)) + button(confirmUrl, 'Confirm my subscription') + paragraph(e(after)), footerHtml: e(blog.origin) }),
    text: textLayout(blog, { heading, body: `${body}\n\nConfirm:\n${confirmUrl}\n\n${after}`, footer: blog.origin }),
  };
}

/** "Forgot your password?": a one-time link, valid for an hour. */
export function passwordResetMail({ blog, name, resetUrl }: { blog: Blog; name: string; resetUrl: string }): Mail {
  const heading = 'Choose a new password';
  const body = `Hello ${name}, someone (probably you) asked to set a new password for your account on ${blog.title}.`;
  const after =
    'The link works once, within an hour. Setting a new password signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.';
  return {
    subject: subject(blog, 'Choose a new password'),
    html: layout(blog, { heading, bodyHtml: paragraph(e(body)) + button(resetUrl, 'Choose a new password') + paragraph(e(after)), footerHtml: e(blog.origin) }),
    text: textLayout(blog, { heading, body: `${body}\n\n${resetUrl}\n\n${after}`, footer: blog.origin }),
  };
}

/** Admin → Settings → "Send a test email". */
export function testMail({ blog, sentBy }: { blog: Blog; sentBy: string }): Mail {
  const heading = 'Mail from your blog works';
  const body = `${sentBy} sent this test from Admin → Settings. Comment notices, reply notices, new posts for followers and password resets will arrive like this.`;
  return {
    subject: subject(blog, 'Test email'),
    html: layout(blog, { heading, bodyHtml: paragraph(e(body)), footerHtml: e(blog.origin) }),
    text: textLayout(blog, { heading, body, footer: blog.origin }),
  };
}
