import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A second server over the demo blog (npm run db:seed), for the reader-site journeys.
const seededPort = port + 1;
const seededURL = `http://127.0.0.1:${seededPort}`;
const reader = /reader-site|feeds|accessibility/;
// A real SMTP server for the email journeys (test/mail-catcher.ts); its caught mail is read over HTTP.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
const mailApiURL = `http://127.0.0.1:${smtpPort + 1}`;

export default defineConfig({
  testDir: 'e2e',
  // One production server and one database for the run; specs make their own data.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  projects: [
    // The newcomer creates the blog; every other journey runs on the blog it made.
    { name: 'first-run', testMatch: /first-run\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'journeys',
      testIgnore: [/first-run\.spec\.ts/, reader],
      dependencies: ['first-run'],
      use: { ...devices['Desktop Chrome'] },
    },
    { name: 'reader', testMatch: reader, use: { ...devices['Desktop Chrome'], baseURL: seededURL } },
  ],
  // `npm run test:e2e` builds once before this; both servers run that one build through `npm start`'s
  // server (dist/server.js). Readers in these specs come from many addresses, told by X-Forwarded-For
  // from loopback: the suite trusts loopback as its proxy (TRUST_PROXY), as a blog behind nginx would.
  webServer: [
    {
      // Started beside the blog, maybe after it: the blog's sender simply retries until it answers.
      command: `npx tsx test/mail-catcher.ts --smtp ${smtpPort} --http ${smtpPort + 1}`,
      url: `${mailApiURL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // An empty database: the first-run journey creates the blog.
      command: `node -e "require('fs').rmSync('.e2e/empty',{recursive:true,force:true})" && node dist/server.js`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: '.e2e/empty/blog.db',
        AUTH_SECRET: '',
        NODE_ENV: 'production',
        PORT: String(port),
        TRUST_PROXY: 'loopback',
        IMPORT_ALLOW_HOSTS: '127.0.0.1',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Field Notes <blog@example.com>',
        SITE_URL: baseURL,
        MAIL_PER_MINUTE: '600',
      },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command:
        `node -e "require('fs').rmSync('.e2e/seeded',{recursive:true,force:true})" && ` +
        `npm run --silent db:seed && node dist/server.js`,
      url: seededURL,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { DATABASE_URL: '.e2e/seeded/blog.db', AUTH_SECRET: '', NODE_ENV: 'production', PORT: String(seededPort), TRUST_PROXY: 'loopback' },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
