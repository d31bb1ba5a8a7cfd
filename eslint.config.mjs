import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

// The layers (README, "How it is built"): routes (app/) and the front server (server/) call db/,
// which calls lib/; never the other way round. Nothing reaches into app/ (a route's files are its own).
const notApp = ['./lib', './db', './server', './components', './scripts', './e2e', './test', './bench', './*.ts', './*.mts'];
const appZone = { target: notApp, from: './app', message: 'Routes are the top layer: move what is shared out of app/.' };
const libZone = {
  target: './lib',
  from: ['./db', './server', './app', './auth.ts', './auth.config.ts', './proxy.ts'],
  message: 'lib/ is pure domain logic: it takes data as arguments and never reads the database or the request itself.',
};
const dbZone = {
  target: './db',
  from: ['./server', './components', './app', './auth.ts', './auth.config.ts', './proxy.ts'],
  message: 'db/ holds the queries: it is called by routes and the server, never the other way round.',
};
const libNext = {
  patterns: [{ group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'lib/ stays free of Next.js so it runs anywhere (scripts, tests, the front server).' }],
};

function boundaries(zones) {
  return { 'import/no-restricted-paths': ['error', { zones, basePath: root }] };
}

// Where an import goes, for the client rule below: '@/x' is the project root (tsconfig paths).
function resolveImport(from, specifier) {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate)) return candidate;
  }
  return null;
}

const serverOnlyFiles = new Map();
function isServerOnly(file) {
  if (!serverOnlyFiles.has(file)) serverOnlyFiles.set(file, /^import 'server-only';$/m.test(readFileSync(file, 'utf8')));
  return serverOnlyFiles.get(file);
}

// A 'use client' file is sent to the browser: it may not import what only the server can run or
// should ever see (the database, the session, the front server, or any module marked
// `import 'server-only'`), not even for a type, so server code can change without the client knowing.
const serverOnlySpecifier = /^(@\/(db|server)(\/|$)|@\/(auth|auth\.config|proxy)$|server-only$|node:|better-sqlite3$|next\/headers$)/;
const clientBoundary = {
  meta: {
    type: 'problem',
    docs: { description: "Client components ('use client') may not import server-only modules." },
    messages: { serverOnly: "'{{ source }}' is server-only; a 'use client' file may not import it. Pass the data in as props, or move the shared type to lib/." },
    schema: [],
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some((statement) => statement.directive === 'use client');
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = resolveImport(context.filename, source);
      if (serverOnlySpecifier.test(source) || (target && (target.startsWith(path.join(root, 'db') + path.sep) || isServerOnly(target)))) {
        context.report({ node, messageId: 'serverOnly', data: { source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

// Our Drizzle handles: the client from getDb() and a transaction's tx.
const drizzleObjectName = ['getDb', 'db', 'tx'];

export default tseslint.config(
  {
    ignores: ['.next/**', 'dist/**', '.e2e/**', '.bench/**', 'bench/data/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { drizzle, blogstead: { rules: { 'client-boundary': clientBoundary } } },
    settings: { 'import/internal-regex': '^@/' },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName }],
      'blogstead/client-boundary': 'error',
      'import/no-cycle': ['error', { ignoreExternal: true }],
      // Warnings fail `npm run lint` (--max-warnings 0), so unused names fail too; `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      ...boundaries([appZone]),
    },
  },
  {
    files: ['db/**'],
    rules: boundaries([appZone, dbZone]),
  },
  {
    files: ['lib/**'],
    rules: { ...boundaries([appZone, libZone]), 'no-restricted-imports': ['error', libNext] },
  },
);
