import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from './processes';
import { findBinary } from './tools';

export type StaticPage = { location: string; file: string; contentType: string };

const SAFE_PATH = /^[\w./-]+$/;
const SAFE_TYPE = /^[\w.+/-]+(\s*;\s*[\w.-]+=[\w.-]+)*$/;

function safe(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`nginx config: unsafe ${what} ${JSON.stringify(value)}`);
  return value;
}

/**
 * A config that touches nothing outside `prefix`: no daemon, pid, error log and temp folders in
 * the prefix, no access log (the app keeps none either), and one exact location per page so each
 * answers with its own bytes and content type (`types {}` stops nginx guessing one from the name).
 */
export function nginxConfig({ prefix, port, workers, pages }: { prefix: string; port: number; workers: number | 'auto'; pages: StaticPage[] }): string {
  const p = safe(prefix, SAFE_PATH, 'folder');
  const locations = pages.map(
    (page) => `    location = ${safe(page.location, SAFE_PATH, 'location')} {
      types {}
      default_type "${safe(page.contentType, SAFE_TYPE, 'content type')}";
      alias ${safe(page.file, SAFE_PATH, 'file')};
    }`,
  );
  return `daemon off;
worker_processes ${workers === 'auto' ? 'auto' : Math.max(1, Math.round(workers))};
pid ${p}/nginx.pid;
error_log ${p}/error.log warn;

events {
  worker_connections 1024;
}

http {
  access_log off;
  client_body_temp_path ${p}/temp/body;
  proxy_temp_path ${p}/temp/proxy;
  fastcgi_temp_path ${p}/temp/fastcgi;
  uwsgi_temp_path ${p}/temp/uwsgi;
  scgi_temp_path ${p}/temp/scgi;
  sendfile on;
  tcp_nopush on;
  # Node keeps a connection open for any number of requests; nginx would close it after 1,000.
  keepalive_requests 1000000;
  keepalive_timeout 65s;

  server {
    listen 127.0.0.1:${port};
${locations.join('\n')}
  }
}
`;
}

export type NginxServer = Server & { prefix: string };

/**
 * nginx serving `pages` on `port` from a fresh temporary folder, which `stop()` removes. The
 * folder is world-readable because nginx started as root runs its workers as `nobody`.
 */
export async function startNginx({
  port,
  workers,
  pages,
}: {
  port: number;
  workers: number | 'auto';
  pages: { location: string; body: Buffer; contentType: string }[];
}): Promise<NginxServer> {
  const binary = findBinary('nginx');
  if (!binary) throw new Error('nginx is not installed (npm run bench installs it: apt-get install -y nginx-light)');
  const prefix = mkdtempSync(path.join(tmpdir(), 'blogstead-bench-nginx-'));
  chmodSync(prefix, 0o755);
  mkdirSync(path.join(prefix, 'pages'), { mode: 0o755 });
  mkdirSync(path.join(prefix, 'temp'), { mode: 0o755 });
  const files = pages.map((page, i) => {
    const file = path.join(prefix, 'pages', String(i));
    writeFileSync(file, page.body, { mode: 0o644 });
    return { location: page.location, file, contentType: page.contentType };
  });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ prefix, port, workers, pages: files }));
  // -e: the error log before the config is read, which would otherwise be /var/log/nginx's.
  const child = spawn(binary, ['-p', `${prefix}/`, '-c', conf, '-e', path.join(prefix, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(prefix, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      // SIGTERM is nginx's fast shutdown: the master stops its workers and exits.
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = (() => {
        try {
          return readFileSync(path.join(prefix, 'error.log'), 'utf8');
        } catch {
          return '';
        }
      })();
      await stop();
      throw new Error(`nginx exited with ${child.exitCode} before answering:\n${log}`);
    }
    try {
      const res = await fetch(`${url}${pages[0]?.location ?? '/'}`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx on ${url} did not answer within 10 s`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { name: 'nginx', port, child, pid: child.pid!, url, stop, prefix };
}
