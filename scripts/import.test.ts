import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('npm run import -- FILE imports from the command line, and --dry-run only reports', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-cli-'));
  const file = path.join(dir, 'blog.xml');
  writeFileSync(
    file,
    `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-3.post-1</id><published>2012-01-02T03:04:05Z</published>
      <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
      <title type='text'>From the shell</title><content type='html'>hi</content>
      <link rel='alternate' type='text/html' href='http://x.blogspot.com/2012/01/from-shell.html'/></entry></feed>`,
  );
  const env = { ...process.env, DATABASE_URL: path.join(dir, 'blog.db') };
  const cli = (...args: string[]) => run('npx', ['tsx', '--conditions=react-server', 'scripts/import.ts', ...args], { env });
  const dry = await cli(file, '--dry-run');
  expect(dry.stdout).toContain('Dry run — nothing was changed. Found 1 post');
  const real = await cli(file);
  expect(real.stdout).toContain('Imported 1 post, 0 pages and 0 comments');
  const again = await cli(file);
  expect(again.stdout).toContain('1 post and 0 comments were imported before');
  await expect(cli(path.join(dir, 'missing.xml'))).rejects.toMatchObject({ stderr: expect.stringContaining('No such file') });
}, 60_000);
