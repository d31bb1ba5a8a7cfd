import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuthor } from '@/db/authors';
import { backupDatabase, checkDatabaseFile } from '@/db/backup';
import { closeDb } from '@/db/client';
import { confirmFollower, requestFollow } from '@/db/followers';
import { listOutboxIds, queueMail } from '@/db/mail-outbox';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { startMailCatcher } from '@/test/mail-catcher';

/**
 * Durability under load, against the production build in .next (run after `npm run test:e2e`):
 *  1. SIGTERM while a comment is half sent: the request completes, the process exits by itself
 *     and the database is closed cleanly (no -wal left behind).
 *  2. 50 clients post 1,000 comments while readers load the post: every acknowledged comment
 *     is stored exactly once, no 5xx, no SQLITE_BUSY; a backup taken meanwhile is verified.
 *  3. The backup serves as a working blog.
 *  4. Ten times: SIGKILL at a random moment under load, integrity_check, restart: every
 *     comment acknowledged before the kill is there, once.
 *  5. One worker killed under load: the others keep serving, and it is replaced.
 *  6. The mail outbox: the server is SIGKILLed three times while it sends 300 messages to a real
 *     SMTP server on localhost; after the last restart every message has arrived, each at least
 *     once, and no more copies than kills (the README's promise: at least once, same Message-ID).
 * `npm run test:reliability` then runs the load and corpus runs that need a browser
 * (e2e/reliability/, playwright.reliability.config.ts): 200 comments from 20 clients at once, and
 * every XSS payload as a comment, a post, a page, the Header Ads and a label.
 * Exits 1 with the reason on the first broken promise; prints the measured numbers.
 */

const PORT = Number(process.env.RELIABILITY_PORT ?? 3190);
const CLIENTS = 50;
const COMMENTS = 1000;
const KILL_ROUNDS = 10;
const secret = 'reliability-check-secret-0123456789abcdef';
const root = mkdtempSync(path.join(tmpdir(), 'blogstead-reliability-'));
const dbPath = path.join(root, 'live', 'blog.db');

class Broken extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Broken(message);
}

type Server = { child: ChildProcess; port: number; log: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

const liveServers = new Set<ChildProcess>();

async function startServer(database: string, port: number, extraEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    // Comments come from many addresses, told by X-Forwarded-For from loopback, as behind a proxy.
    env: { ...process.env, DATABASE_URL: database, AUTH_SECRET: secret, NODE_ENV: 'production', PORT: String(port), TRUST_PROXY: 'loopback', WORKERS: '2', NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  liveServers.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      liveServers.delete(child);
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await request(port, 'GET', '/health').catch(() => null);
    if (answer?.status === 200) return { child, port, log, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Broken(`the server did not start:\n${log.join('')}`);
    await sleep(100);
  }
}

async function stop(server: Server, signal: NodeJS.Signals) {
  server.child.kill(signal);
  return server.exited;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type Answer = { status: number; body: string };

function request(port: number, method: string, pathname: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let sequence = 0;
function nextIp() {
  sequence++;
  return `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
}

type Form = { permalink: string; postId: string; shownAt: string };

async function readForm(port: number, permalink: string): Promise<Form> {
  const page = await request(port, 'GET', permalink);
  check(page.status === 200, `the post page answered ${page.status}`);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1];
  const postId = field('postId');
  const shownAt = field('shownAt');
  check(postId && shownAt, 'the comment form has no postId or shownAt field');
  // Past the 2-second "filled in by a bot" rule, so comments are published, not held.
  await sleep(2_100);
  return { permalink, postId, shownAt };
}

/** One comment as the form sends it; each from its own address and email, so the flood rule (per address or email) lets it in. */
function sendComment(port: number, form: Form, token: string) {
  const fields = new URLSearchParams({
    postId: form.postId,
    shownAt: form.shownAt,
    submissionKey: `k-${token}-${'x'.repeat(16)}`,
    name: `Reader ${token}`,
    email: `${token}@example.com`,
    website: '',
    body: `Comment ${token} says hello.`,
  });
  return request(port, 'POST', '/comments', {
    body: fields.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-forwarded-for': nextIp() },
  });
}

/** Counts each acknowledged comment on the public post page: each must appear exactly once. */
async function verifyStored(port: number, permalink: string, acknowledged: Set<string>, context: string) {
  const page = await request(port, 'GET', permalink);
  check(page.status === 200, `${context}: the post page answered ${page.status}`);
  // Only the rendered comment list: the page's inline hydration data repeats every text.
  const start = page.body.indexOf('id="comments"');
  const end = page.body.indexOf('id="comment-form"', start);
  check(start >= 0 && end > start, `${context}: the post page has no comment section`);
  const counts = new Map<string, number>();
  for (const match of page.body.slice(start, end).matchAll(/Comment (\S+) says hello\./g)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  const missing = [...acknowledged].filter((token) => !counts.has(token));
  const doubled = [...counts].filter(([, n]) => n > 1).map(([token]) => token);
  check(missing.length === 0, `${context}: ${missing.length} acknowledged comments are missing (e.g. ${missing.slice(0, 3).join(', ')})`);
  check(doubled.length === 0, `${context}: comments stored more than once: ${doubled.slice(0, 3).join(', ')}`);
  return counts.size;
}

type LoadResult = { acknowledged: Set<string>; statuses: Map<number, number>; readerStatuses: Map<number, number>; errors: number; ms: number };

/**
 * `clients` writers share `total` comments while `readers` load the post page until the writers
 * are done. `result` fills in as answers arrive, so a backup or a kill can look mid-load.
 */
function load(port: number, form: Form, { total, clients, readers, prefix }: { total: number; clients: number; readers: number; prefix: string }) {
  const result: LoadResult = { acknowledged: new Set(), statuses: new Map(), readerStatuses: new Map(), errors: 0, ms: 0 };
  const bump = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
  const started = performance.now();
  let next = 0;
  let writing = true;
  const writer = async () => {
    while (next < total && result.errors <= 20) {
      const token = `${prefix}-${next++}`;
      try {
        const answer = await sendComment(port, form, token);
        bump(result.statuses, answer.status);
        if (answer.status === 201) result.acknowledged.add(token);
      } catch {
        result.errors++; // the connection broke: unacknowledged, so no promise was made
      }
    }
  };
  const reader = async () => {
    while (writing && result.errors <= 20) {
      try {
        bump(result.readerStatuses, (await request(port, 'GET', form.permalink)).status);
      } catch {
        result.errors++;
      }
    }
  };
  const done = (async () => {
    const readerLoops = Array.from({ length: readers }, reader);
    await Promise.all(Array.from({ length: clients }, writer));
    writing = false;
    await Promise.all(readerLoops);
    result.ms = performance.now() - started;
    return result;
  })();
  return { result, done };
}

function fiveHundreds(map: Map<number, number>) {
  return [...map].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
}

async function seed(database: string): Promise<void> {
  process.env.DATABASE_URL = database;
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Reliability', email: 'reliability@example.com' })).id;
  await savePost({ authorId, title: 'Load test', body: '<p>Comment away.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
  closeDb();
}

async function permalinkOf(port: number): Promise<string> {
  const home = await request(port, 'GET', '/');
  check(home.status === 200, `the home page answered ${home.status}`);
  const link = /href="(\/\d{4}\/\d{2}\/[^"]+\.html)"/.exec(home.body)?.[1];
  check(link, 'the home page links to no post');
  return link;
}

async function gracefulShutdown(form: Form) {
  const server = await startServer(dbPath, PORT);
  const fields = new URLSearchParams({
    postId: form.postId,
    shownAt: form.shownAt,
    submissionKey: `k-sigterm-${'x'.repeat(16)}`,
    name: 'Last reader',
    email: 'last@example.com',
    website: '',
    body: 'Comment sigterm says hello.',
  }).toString();
  // Half the comment is sent, then the server is told to stop, then the rest arrives.
  let inFlight!: http.ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = (inFlight = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method: 'POST',
        path: '/comments',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(fields),
          accept: 'application/json',
          'x-forwarded-for': nextIp(),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    ));
    req.on('error', reject);
    req.write(fields.slice(0, 40));
  });
  await sleep(300);
  const signalled = performance.now();
  server.child.kill('SIGTERM');
  await sleep(700);
  const refused = await request(PORT, 'GET', '/health').then(
    () => false,
    () => true,
  );
  inFlight.end(fields.slice(40));
  const response = await answer;
  const { code, signal } = await server.exited;
  const ms = performance.now() - signalled;
  check(refused, 'after SIGTERM the server still accepted a new connection');
  check(response.status === 201, `the comment in flight at SIGTERM got ${response.status}: ${response.body}`);
  // Next's handler ends with exit code 143 (128 + SIGTERM) after a clean shutdown; a crash would be 1,
  // and a process that ignored the signal handler would report signal SIGTERM instead.
  check(signal === null && code === 143, `after SIGTERM the server ended with code ${code}, signal ${signal}`);
  check(!existsSync(`${dbPath}-wal`), 'the database was not closed cleanly on exit (its -wal file is still there)');
  check(checkDatabaseFile(dbPath).comments === 1, 'the comment sent during shutdown is not in the database');
  console.log(`SIGTERM: the request in flight completed (201), exit code 143 ${Math.round(ms)} ms after the signal, database closed cleanly.`);
}

/** The worker processes of a server started by `npm start` (children of its primary). */
function workerPids(primary: number): number[] {
  try {
    return readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function workerDeath(server: Server, permalink: string) {
  const before = workerPids(server.child.pid!);
  check(before.length >= 2, `expected at least two workers, found ${before.length}`);
  const victim = before[0]!;
  let ok = 0;
  let failed = 0;
  const deadline = performance.now() + 4_000;
  // A connection handed to the worker just as it died may never be answered: give up on it after 5 s.
  const read = () =>
    Promise.race([request(PORT, 'GET', permalink), sleep(5_000).then(() => null)]).catch(() => null);
  const readers = Array.from({ length: 16 }, async () => {
    while (performance.now() < deadline) {
      const answer = await read();
      if (answer?.status === 200) ok++;
      else failed++;
    }
  });
  await sleep(1_000);
  const okBefore = ok;
  process.kill(victim, 'SIGKILL');
  const killedAt = performance.now();
  await Promise.all(readers);
  const replacedWithin = await (async () => {
    for (;;) {
      const now = workerPids(server.child.pid!);
      if (now.length === before.length && !now.includes(victim)) return performance.now() - killedAt;
      if (performance.now() - killedAt > 30_000) throw new Broken(`the killed worker was not replaced (workers now: ${now.join(', ')})`);
      await sleep(50);
    }
  })();
  // Only requests the dead worker was answering can fail: at most one per reader.
  check(failed <= 16, `${failed} reads failed when one worker died; only those in flight on it may`);
  check(ok - okBefore >= 16, `the other workers served only ${ok - okBefore} reads in the 3 s after one died`);
  const after = await Promise.all(Array.from({ length: 40 }, read));
  check(after.every((answer) => answer?.status === 200), 'reads failed after the worker was replaced');
  console.log(
    `Worker death: ${ok} reads served and ${failed} cut off while one of ${before.length} workers was killed; ` +
      `replaced in ${Math.round(replacedWithin)} ms; 40 reads after it all answered 200.`,
  );
}

const MAIL_TESTS = 150;
const MAIL_FOLLOWERS = 150;
const MAIL_KILLS = 3;

/**
 * Phase 6. 150 messages queued directly and a post fanned out to 150 followers by the sender
 * itself, sent at 50 a second to a real SMTP server in this process; the whole server SIGKILLed
 * three times mid-stream and restarted. A message taken by a killed sender is taken again once its
 * lease (60 s) is over, under the Message-ID written before its first try.
 */
async function mailOutboxUnderKills() {
  const mailDb = path.join(root, 'mail', 'blog.db');
  mkdirSync(path.dirname(mailDb), { recursive: true });
  process.env.DATABASE_URL = mailDb;
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Mailer', email: 'mailer@example.com' })).id;
  const writeConfirmation = () => ({ subject: 'Confirm', text: 'Confirm.', html: '<p>Confirm.</p>' });
  for (let i = 0; i < MAIL_FOLLOWERS; i++) {
    const asked = await requestFollow({ email: `follower${i}@example.net`, writeConfirmation });
    if (asked.kind === 'queued') await confirmFollower({ id: asked.follower.id, email: asked.follower.email });
  }
  for (let i = 0; i < MAIL_TESTS; i++) {
    await queueMail({ kind: 'test', toAddress: `test${i}@example.net`, subject: `Test ${i}`, textBody: `Message ${i}.`, htmlBody: `<p>Message ${i}.</p>` });
  }
  await savePost({ authorId, title: 'For every follower', body: '<p>Hello, followers.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
  closeDb();

  const catcher = await startMailCatcher();
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${catcher.port}`,
    MAIL_FROM: 'Reliability <blog@example.com>',
    SITE_URL: `http://127.0.0.1:${PORT}`,
    MAIL_PER_MINUTE: '3000',
  };
  // Confirmations, tests, then the post's copies once the sender has fanned it out.
  const expected = MAIL_FOLLOWERS * 2 + MAIL_TESTS;
  const started = performance.now();
  const kills: string[] = [];
  try {
    for (let round = 1; round <= MAIL_KILLS; round++) {
      const server = await startServer(mailDb, PORT, env);
      const before = catcher.messages.length;
      const waitStarted = performance.now();
      while (catcher.messages.length < before + 20 && performance.now() - waitStarted < 30_000) await sleep(5);
      await sleep(Math.floor(Math.random() * 300));
      server.child.kill('SIGKILL');
      await server.exited;
      kills.push(`${catcher.messages.length - before} caught`);
    }
    const server = await startServer(mailDb, PORT, env);
    process.env.DATABASE_URL = mailDb;
    const deadline = performance.now() + 150_000;
    let rows = await listOutboxIds();
    while (rows.length < expected || rows.some((row) => row.status !== 'sent')) {
      check(performance.now() < deadline, `after ${MAIL_KILLS} kills the outbox did not finish: ${JSON.stringify(statusCounts(rows))} of ${expected}`);
      await sleep(250);
      rows = await listOutboxIds();
    }
    closeDb();
    await stop(server, 'SIGTERM');
    const received = new Map<string, number>();
    for (const mail of catcher.messages) received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
    const missing = rows.filter((row) => !row.messageId || !received.has(row.messageId));
    const known = new Set(rows.map((row) => row.messageId));
    const strangers = [...received.keys()].filter((id) => !known.has(id));
    const copies = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
    check(rows.length === expected, `the outbox holds ${rows.length} messages, expected ${expected}`);
    check(missing.length === 0, `${missing.length} messages marked sent never arrived (e.g. #${missing[0]?.id})`);
    check(strangers.length === 0, `${strangers.length} messages arrived that the outbox never held`);
    check(copies <= MAIL_KILLS, `${copies} messages arrived twice; at most one per kill (${MAIL_KILLS}) may`);
    console.log(
      `Mail outbox: ${expected} messages (${MAIL_TESTS} queued, ${MAIL_FOLLOWERS} confirmations, a post fanned out to ${MAIL_FOLLOWERS} followers) ` +
        `through ${MAIL_KILLS} SIGKILLs (${kills.join(', ')} before each): all ${expected} arrived, ${copies} sent twice (allowed: ${MAIL_KILLS}), ` +
        `none lost, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await catcher.close();
  }
}

function statusCounts(rows: { status: string }[]) {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

async function main() {
  check(existsSync('.next/BUILD_ID'), 'no production build in .next: run `npm run test:e2e` (or `npm run build`) first');
  mkdirSync(path.dirname(dbPath), { recursive: true });
  await seed(dbPath);
  const totalStarted = performance.now();

  // Phase 1: graceful shutdown.
  let server = await startServer(dbPath, PORT);
  const form = await readForm(PORT, await permalinkOf(PORT));
  await stop(server, 'SIGTERM');
  await gracefulShutdown(form);

  // Phase 2: 1,000 comments from 50 clients, readers alongside, a backup in the middle.
  server = await startServer(dbPath, PORT);
  const backupFile = path.join(root, 'backup.db');
  const running = load(PORT, form, { total: COMMENTS, clients: CLIENTS, readers: 4, prefix: 'main' });
  // Once the load is well under way, back up the live database: everything acknowledged before
  // the backup started must be in it.
  await sleep(1_500);
  const ackedBeforeBackup = new Set(running.result.acknowledged);
  const backupStarted = performance.now();
  const backupResult = await backupDatabase({ source: dbPath, destination: backupFile });
  const backup = { ms: performance.now() - backupStarted, tables: backupResult.tables };
  const main = await running.done;
  check(ackedBeforeBackup.size > 0 && ackedBeforeBackup.size < COMMENTS, `the backup was not taken during the load (${ackedBeforeBackup.size} acknowledged before it)`);
  const rate = (main.acknowledged.size / main.ms) * 1000;
  console.log(
    `Load: ${main.acknowledged.size}/${COMMENTS} comments acknowledged by ${CLIENTS} clients in ${(main.ms / 1000).toFixed(1)} s ` +
      `(${rate.toFixed(0)} comments/s); statuses ${JSON.stringify(Object.fromEntries(main.statuses))}; ` +
      `reader page loads ${JSON.stringify(Object.fromEntries(main.readerStatuses))}.`,
  );
  check(main.errors === 0, `${main.errors} requests failed at the connection level during the load`);
  check(main.acknowledged.size === COMMENTS, `only ${main.acknowledged.size} of ${COMMENTS} comments were acknowledged`);
  check(fiveHundreds(main.statuses) + fiveHundreds(main.readerStatuses) === 0, 'some requests answered 5xx during the load');
  const busy = server.log.join('').match(/SQLITE_BUSY|database is locked/g)?.length ?? 0;
  check(busy === 0, `the server log shows SQLITE_BUSY ${busy} times`);
  await verifyStored(PORT, form.permalink, main.acknowledged, 'after the load');
  await stop(server, 'SIGTERM');
  const afterLoad = checkDatabaseFile(dbPath);
  check(afterLoad.comments === COMMENTS + 1, `the database holds ${afterLoad.comments} comments, expected ${COMMENTS + 1}`);
  console.log(
    `Backup during the load: ${backup.tables.comments} comments (${ackedBeforeBackup.size} acknowledged before it began), ` +
      `integrity_check ok, ${Math.round(backup.ms)} ms.`,
  );

  // Phase 3: the backup is a working blog.
  const restoredPath = path.join(root, 'restored', 'blog.db');
  mkdirSync(path.dirname(restoredPath), { recursive: true });
  copyFileSync(backupFile, restoredPath);
  server = await startServer(restoredPath, PORT + 1);
  const home = await request(PORT + 1, 'GET', '/');
  const post = await request(PORT + 1, 'GET', form.permalink);
  check(home.status === 200 && post.status === 200, `the restored blog answered ${home.status} for / and ${post.status} for the post`);
  const restoredComments = await verifyStored(PORT + 1, form.permalink, ackedBeforeBackup, 'the restored backup');
  check(restoredComments === backup.tables.comments, `the restored post shows ${restoredComments} comments, the backup holds ${backup.tables.comments}`);
  await stop(server, 'SIGTERM');
  console.log(`Restore: a server on the backup answered 200 for / and the post, with its ${restoredComments} comments.`);

  // Phase 4: SIGKILL at random moments under load.
  const acknowledged = new Set([...main.acknowledged, 'sigterm']);
  const killStats: string[] = [];
  for (let round = 1; round <= KILL_ROUNDS; round++) {
    server = await startServer(dbPath, PORT);
    const roundForm = await readForm(PORT, form.permalink);
    const running = load(PORT, roundForm, { total: 300, clients: 20, readers: 2, prefix: `kill${round}` });
    // Once comments are flowing, at a random moment within the next 1.5 s.
    const loadStarted = performance.now();
    while (running.result.acknowledged.size < 3 && performance.now() - loadStarted < 20_000) await sleep(10);
    await sleep(Math.floor(Math.random() * 1_500));
    const killAfter = Math.round(performance.now() - loadStarted);
    server.child.kill('SIGKILL');
    await server.exited;
    const result = await running.done;
    check(fiveHundreds(result.statuses) + fiveHundreds(result.readerStatuses) === 0, `round ${round}: some requests answered 5xx before the kill`);
    for (const token of result.acknowledged) acknowledged.add(token);
    const tables = checkDatabaseFile(dbPath); // throws unless integrity_check says "ok"
    check((tables.comments ?? 0) >= acknowledged.size, `round ${round}: ${tables.comments} comments stored, ${acknowledged.size} acknowledged`);
    server = await startServer(dbPath, PORT);
    await verifyStored(PORT, form.permalink, acknowledged, `round ${round} after restart`);
    await stop(server, 'SIGTERM');
    killStats.push(`${killAfter} ms/${result.acknowledged.size} acked`);
  }
  console.log(`SIGKILL x${KILL_ROUNDS} (kill time/comments acknowledged that round): ${killStats.join(', ')}; integrity_check ok and every acknowledged comment present after each restart.`);

  // Phase 5: a worker dies under load; the others go on serving and it is replaced.
  server = await startServer(dbPath, PORT);
  await workerDeath(server, form.permalink);
  await stop(server, 'SIGTERM');

  // Phase 6: the mail outbox through SIGKILLs.
  await mailOutboxUnderKills();
  console.log(`Reliability checks passed in ${((performance.now() - totalStarted) / 1000).toFixed(1)} s.`);
}

main()
  .catch((error: unknown) => {
    console.error(`Reliability check FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    // A failed check may leave a server up; it must not outlive this script.
    for (const child of liveServers) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });
