import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The suite's own servers trust loopback as their proxy (playwright.config.ts). This one runs the
// same build as the README's `npm start` with TRUST_PROXY unset: a blog exposed directly.
const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const url = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'blogstead-direct-'));
  server = spawn(process.execPath, ['dist/server.js'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: path.join(dir, 'blog.db'), AUTH_SECRET: 'direct-exposure-secret', NODE_ENV: 'production', TRUST_PROXY: '' },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => (await fetch(`${url}/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [200] })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('exposed directly, a client cannot escape the sign-in lock by writing X-Forwarded-For', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: url });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const answer = await api.post('/login/submit', {
      form: { email: 'owner@example.com', password: `guess ${i}` },
      headers: { 'x-forwarded-for': `203.0.113.${i + 1}`, accept: 'application/json' },
    });
    statuses.push(answer.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  await api.dispose();
});

test('exposed directly, X-Forwarded-Host and -Proto change no link and turn on no HSTS', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: url });
  const feed = await api.get('/feeds/posts/default', { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).not.toContain('evil.example');
  expect(xml).toContain(`http://127.0.0.1:${port}/`);
  expect(feed.headers()['strict-transport-security']).toBeUndefined();
  await api.dispose();
});
