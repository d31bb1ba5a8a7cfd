import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAuthSecret } from '../accounts/auth-secret';
import { authSecretPath, databasePath, siteUrl } from './config';

describe('databasePath', () => {
  it('defaults to data/blog.db under the working folder', () => {
    expect(databasePath({})).toBe(path.resolve('data/blog.db'));
  });

  it('accepts a plain path, a file: path and a file:// URL', () => {
    expect(databasePath({ DATABASE_URL: '/srv/blog/site.db' })).toBe('/srv/blog/site.db');
    expect(databasePath({ DATABASE_URL: 'file:db/x.db' })).toBe(path.resolve('db/x.db'));
    expect(databasePath({ DATABASE_URL: 'file:///srv/blog/site.db' })).toBe('/srv/blog/site.db');
  });
});

describe('siteUrl', () => {
  it('takes http and https origins and ignores anything else', () => {
    expect(siteUrl({ SITE_URL: 'https://blog.example.org' })?.origin).toBe('https://blog.example.org');
    expect(siteUrl({ SITE_URL: 'javascript:alert(1)' })).toBeNull();
    expect(siteUrl({ SITE_URL: 'not a url' })).toBeNull();
    expect(siteUrl({})).toBeNull();
  });
});

describe('getAuthSecret', () => {
  it('prefers AUTH_SECRET from the environment', () => {
    expect(getAuthSecret({ AUTH_SECRET: 'from-env', DATABASE_URL: '/nonexistent/x.db' })).toBe('from-env');
  });

  it('generates a secret beside the database with mode 0600 and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-secret-'));
    const env = { DATABASE_URL: path.join(dir, 'nested', 'blog.db') };
    const secret = getAuthSecret(env);
    const file = authSecretPath(env);
    expect(file).toBe(path.join(dir, 'nested', 'auth-secret'));
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(getAuthSecret(env)).toBe(secret);
  });
});
