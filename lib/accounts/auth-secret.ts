import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { authSecretPath, type Env } from '../site/config';

const cache = new Map<string, string>();

/**
 * AUTH_SECRET from the environment, else one generated on first start and kept beside the
 * database (mode 0600), so a fresh machine needs no setup and sessions survive restarts.
 */
export function getAuthSecret(env: Env = process.env): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = authSecretPath(env);
  let secret = cache.get(file);
  if (!secret) {
    secret = readSecret(file) ?? createSecret(file);
    cache.set(file, secret);
  }
  return secret;
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function createSecret(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process won the race; then its secret is the one to use.
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readSecret(file);
    if (!existing) throw new Error(`The secret file ${file} exists but is empty; delete it and restart.`);
    return existing;
  }
}
