import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '@/db/authors';
import { getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { updateSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readHeldIds } from '@/lib/comments/held-comments';
import { signFormTime } from '@/lib/comments/moderation';
import { isAnonymousCommentPost, serveCommentPost } from './comment-post';

// The front server's own answer to readers' comments, over real HTTP as server.ts serves it;
// anything it does not answer goes to Next (here a 418, so a test can tell).

let server: http.Server;
let origin: string;
let postId: number;
let heldPostId: number;
let n = 0;

beforeAll(async () => {
  await migrateDatabase();
  await updateSettings({ commentModeration: 'never', notifyEmails: 'owner@example.com' });
  const authorId = (await createAuthor({ name: 'Host', email: 'host@example.com' })).id;
  postId = (await savePost({ authorId, title: 'Open post', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  heldPostId = (await savePost({ authorId, title: 'Held post', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  getDb().$client.prepare(`update posts set comment_policy = 'always' where id = ?`).run(heldPostId);
  server = http.createServer((req, res) => {
    if (isAnonymousCommentPost(req)) void serveCommentPost(req, res);
    else res.writeHead(418).end('to Next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function fields(over: Record<string, string> = {}): Record<string, string> {
  n++;
  return {
    postId: String(postId),
    // Signed a minute ago: past the "sent too fast" hold.
    shownAt: signFormTime(Date.now() - 60_000, getAuthSecret()),
    submissionKey: `fast-path-key-${n}-abcdefghijkl`,
    homepage: '',
    name: `Reader ${n}`,
    email: '',
    website: '',
    body: `Comment number ${n}.`,
    ...over,
  };
}

function multipart(values: Record<string, string>): { type: string; body: Buffer } {
  const boundary = '----testboundary7MA4YWxkTrZu0gW';
  const parts = Object.entries(values).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`) };
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request; `chunked` sends the body in pieces without a Content-Length. */
function send(
  body: Buffer | string,
  headers: Record<string, string>,
  { path = '/comments', method = 'POST', chunked = false }: { path?: string; method?: string; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = http.request(`${origin}${path}`, { method, headers: chunked ? headers : { ...headers, 'content-length': bytes.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (!chunked) return req.end(bytes);
    for (let at = 0; at < bytes.length; at += 16 * 1024) req.write(bytes.subarray(at, at + 16 * 1024));
    req.end();
  });
}

const json = { accept: 'application/json' };
const from = (ip: string) => ({ ...json, 'x-forwarded-for': ip });

function storedBody(key: string): string | undefined {
  return (getDb().$client.prepare('select body from comments where body = ?').get(key) as { body: string } | undefined)?.body;
}

describe('readers posting comments to the front server', () => {
  it('stores a multipart or URL-encoded comment alike and answers as the route did, with the security headers', async () => {
    const form = multipart(fields({ body: 'Sent as multipart.' }));
    const a = await send(form.body, { ...from('10.1.0.1'), 'content-type': form.type });
    const b = await send(new URLSearchParams(fields({ body: 'Sent URL-encoded.' })).toString(), {
      ...from('10.1.0.2'),
      'content-type': 'application/x-www-form-urlencoded',
    });
    for (const answer of [a, b]) {
      expect(answer.status).toBe(201);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'published', location: expect.stringMatching(/\.html#c\d+$/) });
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    }
    expect(storedBody('Sent as multipart.')).toBeDefined();
    expect(storedBody('Sent URL-encoded.')).toBeDefined();
  });

  it('reads the first of a repeated field, as formData().get() did', async () => {
    const f = fields({ body: 'First words count.' });
    const encoded = `${new URLSearchParams(f).toString()}&body=${encodeURIComponent('Second words ignored.')}`;
    const answer = await send(encoded, { ...from('10.1.0.3'), 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(201);
    expect(storedBody('First words count.')).toBeDefined();
    expect(storedBody('Second words ignored.')).toBeUndefined();
  });

  it('without JavaScript, sends the reader back to the comment, or to a refusal page that links back', async () => {
    const ok = await send(new URLSearchParams(fields()).toString(), { 'x-forwarded-for': '10.1.1.1', 'content-type': 'application/x-www-form-urlencoded' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toMatch(/\.html#c\d+$/);
    const refused = await send(new URLSearchParams(fields({ name: ' ' })).toString(), {
      'x-forwarded-for': '10.1.1.2',
      'content-type': 'application/x-www-form-urlencoded',
      referer: 'http://blog.test/2024/01/post.html?x=1',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.body).toContain('Please enter your name.');
    expect(refused.body).toContain('href="/2024/01/post.html?x=1#comment-form"');
  });

  it('remembers a held comment in the signed cookie, keeping the ids the cookie already had', async () => {
    const first = await send(new URLSearchParams(fields({ postId: String(heldPostId) })).toString(), {
      ...from('10.1.2.1'),
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(first.status).toBe(201);
    expect(JSON.parse(first.body).status).toBe('pending');
    const cookie = first.headers['set-cookie']![0]!;
    // As Next's cookies().set wrote it.
    expect(cookie).toMatch(/^blogstead_held=[\d-]+\.[\w-]{22}; Path=\/; Expires=\w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT; Max-Age=604800; HttpOnly; SameSite=lax$/);
    const value = cookie.split(';')[0]!.split('=')[1]!;
    const second = await send(new URLSearchParams(fields({ postId: String(heldPostId) })).toString(), {
      ...from('10.1.2.2'),
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `theme=dark; blogstead_held=${value}`,
    });
    const ids = readHeldIds(second.headers['set-cookie']![0]!.split(';')[0]!.split('=')[1], getAuthSecret());
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(readHeldIds(value, getAuthSecret())[0]);
  });

  it('refuses a body over 64 KB with 413, also when it comes without a Content-Length, and stores nothing', async () => {
    const huge = new URLSearchParams(fields({ body: `Too big ${'x'.repeat(70_000)}` })).toString();
    const headers = { ...from('10.1.3.1'), 'content-type': 'application/x-www-form-urlencoded' };
    const withLength = await send(huge, headers);
    const chunked = await send(huge, headers, { chunked: true });
    for (const answer of [withLength, chunked]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).message).toBe('That comment is too long to send.');
    }
    expect(getDb().$client.prepare(`select count(*) as n from comments where body like 'Too big%'`).get()).toEqual({ n: 0 });
  });

  it('closes the connection after refusing a body it did not read, so the next request on it is not lost', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = (body: string, chunked: boolean) =>
      new Promise<number>((resolve, reject) => {
        const headers = { ...from(`10.1.3.${chunked ? 2 : 3}`), 'content-type': 'application/x-www-form-urlencoded' };
        const req = http.request(`${origin}/comments`, { method: 'POST', agent, headers: chunked ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        if (chunked) for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.slice(at, at + 16 * 1024));
        req.end(chunked ? undefined : body);
      });
    try {
      expect(await viaAgent(new URLSearchParams(fields({ body: 'x'.repeat(200_000) })).toString(), true)).toBe(413);
      expect(await viaAgent(new URLSearchParams(fields({ body: 'After the refused one.' })).toString(), false)).toBe(201);
    } finally {
      agent.destroy();
    }
  });

  it('says a malformed or foreign form could not be read (400), and refuses a post from another site (403)', async () => {
    const cut = await send(`--abc\r\nContent-Disposition: form-data; name="postId"\r\n\r\n${postId}`, { ...from('10.1.4.1'), 'content-type': 'multipart/form-data; boundary=abc' });
    const noBoundary = await send('--x\r\n\r\nhello', { ...from('10.1.4.2'), 'content-type': 'multipart/form-data' });
    const jsonBody = await send('{"postId":1}', { ...from('10.1.4.3'), 'content-type': 'application/json' });
    for (const answer of [cut, noBoundary, jsonBody]) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).message).toBe('The comment form could not be read. Please reload the page and try again.');
    }
    const foreign = await send(new URLSearchParams(fields()).toString(), {
      ...from('10.1.4.4'),
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
  });

  it('stores twenty comments sent at once each exactly once, and refuses the second of two from one address', async () => {
    const sent = Array.from({ length: 20 }, (_, i) => fields({ body: `Crowd comment ${i}.` }));
    const answers = await Promise.all(
      sent.map((f, i) => send(new URLSearchParams(f).toString(), { ...from(`10.2.0.${i}`), 'content-type': 'application/x-www-form-urlencoded' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    for (let i = 0; i < 20; i++) {
      expect(getDb().$client.prepare('select count(*) as n from comments where body = ?').get(`Crowd comment ${i}.`)).toEqual({ n: 1 });
    }
    const pair = await Promise.all(
      [fields(), fields()].map((f) => send(new URLSearchParams(f).toString(), { ...from('10.2.1.1'), 'content-type': 'application/x-www-form-urlencoded' })),
    );
    expect(pair.map((a) => a.status).sort()).toEqual([201, 429]);
  });

  it('leaves to Next a post with a session cookie or a server action header, and any other path or method', async () => {
    const form = new URLSearchParams(fields()).toString();
    const headers = { ...from('10.1.5.1'), 'content-type': 'application/x-www-form-urlencoded' };
    for (const cookie of ['authjs.session-token=abc', '__Secure-authjs.session-token=abc', 'a=1; authjs.session-token.0=abc']) {
      expect((await send(form, { ...headers, cookie })).status, cookie).toBe(418);
    }
    expect((await send(form, { ...headers, 'next-action': 'abc' })).status).toBe(418);
    expect((await send(form, headers, { path: '/comments?m=1' })).status).toBe(418);
    expect((await send(form, headers, { path: '/comments/' })).status).toBe(418);
    expect((await send('', headers, { method: 'GET' })).status).toBe(418);
    expect((await send(form, { ...headers, cookie: 'authjs.csrf-token=x; theme=dark' })).status).toBe(201);
  });
});
