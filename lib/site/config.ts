import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Env = Record<string, string | undefined>;

/**
 * Where the SQLite database lives. DATABASE_URL may be a plain path or a file: URL;
 * relative paths are taken from the folder the blog is started in.
 */
export function databasePath(env: Env = process.env): string {
  const raw = env.DATABASE_URL?.trim() || 'data/blog.db';
  if (raw === ':memory:') return raw;
  if (raw.startsWith('file://')) return fileURLToPath(raw);
  const file = raw.startsWith('file:') ? raw.slice('file:'.length) : raw;
  return path.resolve(file);
}

/** The generated AUTH_SECRET is kept beside the database, so one folder holds all state. */
export function authSecretPath(env: Env = process.env): string {
  const db = databasePath(env);
  const dir = db === ':memory:' ? path.resolve('data') : path.dirname(db);
  return path.join(dir, 'auth-secret');
}

/** The public origin for absolute links (feeds, metadata). Unset means "the host the reader used". */
export function siteUrl(env: Env = process.env): URL | null {
  const raw = env.SITE_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
