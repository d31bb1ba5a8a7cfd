import { defineConfig, devices } from '@playwright/test';
import { emptyBlog, firstRunProject, port, reliability, use } from './playwright.config';

// Load and corpus runs in a real browser, for `npm run test:reliability` (after scripts/reliability.ts,
// on the build `npm test` made): hundreds of comments and every XSS payload, too slow for the journeys.
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { ...use, baseURL },
  projects: [
    firstRunProject('first-run', baseURL),
    { name: 'reliability', testMatch: reliability, dependencies: ['first-run'], use: { ...devices['Desktop Chrome'], baseURL } },
  ],
  webServer: [emptyBlog(port, 'reliability')],
});
