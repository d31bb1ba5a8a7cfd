import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules are only a guardrail if they fire: each case lints a file that is not in the
// tree, at the place named, with the project's own eslint.config.mjs. (import/no-cycle reads each
// file from disk, so it cannot judge one that is not there: it is left out here.)
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
});

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('eslint.config.mjs', { timeout: 60_000 }, () => {
  it('keeps lib/ free of db/, server/, app/ and Next', async () => {
    expect(await rulesHit('lib/probe.ts', "import { getSettings } from '@/db/settings';\nexport const s = getSettings;\n")).toContain('import/no-restricted-paths');
    expect(await rulesHit('lib/probe.ts', "import { answerCommentPost } from '../server/comment-post';\nexport const a = answerCommentPost;\n")).toContain('import/no-restricted-paths');
    expect(await rulesHit('lib/probe.ts', "import { headers } from 'next/headers';\nexport const h = headers;\n")).toContain('no-restricted-imports');
    expect(await rulesHit('lib/probe.ts', "import { slugify } from '@/lib/posts/slug';\nexport const s = slugify;\n")).toEqual([]);
  });

  it('keeps db/ below the routes, the front server and the auth wiring', async () => {
    expect(await rulesHit('db/probe.ts', "import { auth } from '@/auth';\nexport const a = auth;\n")).toContain('import/no-restricted-paths');
    expect(await rulesHit('db/probe.ts', "import { answerCommentPost } from '@/server/comment-post';\nexport const a = answerCommentPost;\n")).toContain('import/no-restricted-paths');
    expect(await rulesHit('db/probe.ts', "import { slugify } from '@/lib/posts/slug';\nexport const s = slugify;\n")).toEqual([]);
  });

  it('lets nothing outside app/ import from app/', async () => {
    expect(await rulesHit('components/probe.tsx', "import { POST } from '@/app/comments/route';\nexport const p = POST;\n")).toContain('import/no-restricted-paths');
    expect(await rulesHit('server/probe.ts', "import { POST } from '../app/comments/route';\nexport const p = POST;\n")).toContain('import/no-restricted-paths');
  });

  it("keeps server-only modules out of 'use client' files, types included", async () => {
    const client = (line: string) => `'use client';\n${line}\n`;
    expect(await rulesHit('components/probe.tsx', client("import type { Post } from '@/db/schema';\nexport type P = Post;"))).toContain('blogstead/client-boundary');
    expect(await rulesHit('app/admin/probe.tsx', client("export { auth } from '@/auth';"))).toContain('blogstead/client-boundary');
    // Marked `import 'server-only'` though it lives in lib/.
    expect(await rulesHit('components/probe.tsx', client("export { hashPassword } from '@/lib/accounts/password';"))).toContain('blogstead/client-boundary');
    expect(await rulesHit('components/probe.tsx', client("export { slugify } from '@/lib/posts/slug';"))).toEqual([]);
    // The same import in a server component is fine.
    expect(await rulesHit('components/probe.tsx', "import { auth } from '@/auth';\nexport const a = auth;\n")).toEqual([]);
  });

  it('refuses a Drizzle delete or update without where', async () => {
    const db = (line: string) => `import { getDb } from './client';\nimport { posts } from './schema';\nexport function f() {\n  ${line}\n  return [getDb, posts];\n}\n`;
    expect(await rulesHit('db/probe.ts', db('getDb().delete(posts).run();'))).toContain('drizzle/enforce-delete-with-where');
    expect(await rulesHit('db/probe.ts', db("getDb().update(posts).set({ title: 'x' }).run();"))).toContain('drizzle/enforce-update-with-where');
    expect(await rulesHit('db/probe.ts', db("getDb().update(posts).set({ title: 'x' }).where(undefined).run();"))).toEqual([]);
    // A Map's delete is not Drizzle's.
    expect(await rulesHit('db/probe.ts', db('new Map().delete(1);'))).toEqual([]);
  });
});
