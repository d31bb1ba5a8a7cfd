import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Builds the production app once for all end-to-end specs, and proves the build never
// creates or opens the database: DATABASE_URL points into an empty folder that must stay empty.
const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-build-'));
try {
  execFileSync('npm', ['run', '--silent', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: path.join(dir, 'blog.db'), AUTH_SECRET: '' },
  });
  const left = readdirSync(dir);
  if (left.length > 0) {
    console.error(`next build touched the database folder (${left.join(', ')}); it must not open the database.`);
    process.exit(1);
  }
  console.log('Build checked: the database was not opened during next build.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
