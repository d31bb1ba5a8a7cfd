import { defineConfig, devices, type PlaywrightTestConfig, type Project } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium';

export const port = Number(process.env.E2E_PORT ?? 3100);
// A second server over the demo blog (npm run db:seed), for the reader-site journeys.
const seededPort = port + 1;
// A second empty blog (port + 2), so journeys run two at a time without sharing a blog.
// (port + 7 is trusted-proxy.spec.ts's own server.)
const secondPort = port + 2;
const url = (p: number) => `http://127.0.0.1:${p}`;
const reader = /reader-site|feeds|accessibility/;
const firstRun = /first-run\.spec\.ts/;
// Load and corpus runs: `npm run test:reliability` (playwright.reliability.config.ts), not here.
export const reliability = /e2e\/reliability\//;
// The journeys on the second blog: with the reader specs (which a free worker takes once one blog's
// journeys are done) they take about as long as the first blog's (measured per file, see README).
const onSecondBlog = /\/(comments|editor|authors|bad-input|page-cache)\.spec\.ts/;

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>[number];

export const use: PlaywrightTestConfig['use'] = {
  trace: 'retain-on-failure',
  screenshot: 'only-on-failure',
  launchOptions: { executablePath: findChromium(), args: chromiumArgs },
};

/** The newcomer creates a blog; the journeys after it run on the blog it made. */
export function firstRunProject(name: string, baseURL: string): Project {
  return { name, testMatch: firstRun, use: { ...devices['Desktop Chrome'], baseURL } };
}

/**
 * `npm start`'s server over an empty database in `.e2e/<folder>`. Both servers run the one build
 * `npm run test:e2e` makes (dist/server.js). Readers in these specs come from many addresses, told
 * by X-Forwarded-For from loopback: the suite trusts loopback as its proxy (TRUST_PROXY), as a blog
 * behind nginx would.
 */
export function emptyBlog(serverPort: number, folder: string, extraEnv: Record<string, string> = {}): WebServer {
  return {
    command: `node -e "require('fs').rmSync('.e2e/${folder}',{recursive:true,force:true})" && node dist/server.js`,
    url: url(serverPort),
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATABASE_URL: `.e2e/${folder}/blog.db`, AUTH_SECRET: '', NODE_ENV: 'production', PORT: String(serverPort), TRUST_PROXY: 'loopback', IMPORT_ALLOW_HOSTS: '127.0.0.1', STATS_FLUSH_MS: '200', ...extraEnv },
    stdout: 'pipe',
    stderr: 'pipe',
  };
}
// A real SMTP server for the email journeys (test/mail-catcher.ts); its caught mail is read over HTTP.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const mailApiURL = `http://127.0.0.1:${smtpPort + 1}`;

export default defineConfig({
  testDir: 'e2e',
  testIgnore: reliability,
  // Two at a time, never two on one blog: each project below has a blog to itself and runs its
  // files one after another (a spec may change blog-wide settings while it runs).
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { ...use, baseURL: url(port) },
  projects: [
    firstRunProject('first-run', url(port)),
    firstRunProject('first-run-2', url(secondPort)),
    {
      name: 'journeys',
      testIgnore: [firstRun, reader, reliability, onSecondBlog],
      dependencies: ['first-run'],
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: url(port) },
    },
    {
      name: 'journeys-2',
      testMatch: onSecondBlog,
      testIgnore: reliability,
      dependencies: ['first-run-2'],
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: url(secondPort) },
    },
    {
      name: 'reader',
      testMatch: reader,
      // The demo blog needs no first run; the dependency only puts the readers in the same phase
      // as the journeys (Playwright runs a project's dependencies first, phase after phase), so
      // they share the two workers instead of running before them.
      dependencies: ['first-run'],
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: url(seededPort) },
    },
  ],
  webServer: [
    {
      // A real SMTP server for the email journeys; started beside the blogs, maybe after them: a
      // blog's sender simply retries until it answers.
      command: `npx tsx test/mail-catcher.ts --smtp ${smtpPort} --http ${smtpPort + 1}`,
      url: `${mailApiURL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    // Only the first blog sends mail (to the catcher): both blogs' first runs make the same admin
    // address, and the email journeys must see only their own blog's mail.
    emptyBlog(port, 'empty', {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Field Notes <blog@example.com>',
      SITE_URL: url(port),
      MAIL_PER_MINUTE: '600',
    }),
    emptyBlog(secondPort, 'empty-2'),
    {
      command:
        `node -e "require('fs').rmSync('.e2e/seeded',{recursive:true,force:true})" && ` +
        `npm run --silent db:seed && node dist/server.js`,
      url: url(seededPort),
      reuseExistingServer: false,
      timeout: 120_000,
      env: { DATABASE_URL: '.e2e/seeded/blog.db', AUTH_SECRET: '', NODE_ENV: 'production', PORT: String(seededPort), TRUST_PROXY: 'loopback', STATS_FLUSH_MS: '200' },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
