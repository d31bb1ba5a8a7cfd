import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listMedia } from '@/db/media';
import { migrateDatabase } from '@/db/migrate';
import { startImageServer, type ImageServer } from '@/test/image-server';
import { ImageCopier } from './images';
import { runImport } from './run';
import { summariseImport } from '@/lib/import/summary';

/*
 * Every server here listens on 127.0.0.1 and every address in a backup points at loopback:
 * if a check failed, the request would land on a test server, never on another machine.
 */

async function* text(body: string): AsyncGenerator<string> {
  yield body;
}

let nextId = 1;
/** A one-post Blogger backup whose body is this HTML. */
function backup(html: string): string {
  const id = nextId++;
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>
  <id>tag:blogger.com,1999:blog-8.post-${Date.now()}${id}</id>
  <published>2015-03-01T10:00:00Z</published>
  <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
  <title type='text'>Pictures ${id}</title>
  <content type='html'>${escaped}</content>
  <link rel='alternate' type='text/html' href='https://eight.blogspot.com/2015/03/pictures-${Date.now()}-${id}.html'/>
  <author><name>Eight</name></author>
</entry></feed>`;
}

const imgs = (...urls: string[]) => urls.map((u) => `<p><img src="${u}" alt=""></p>`).join('');

const servers: ImageServer[] = [];
async function server(options?: { delayMs?: number }): Promise<ImageServer> {
  const started = await startImageServer(options);
  servers.push(started);
  return started;
}

beforeAll(async () => {
  await migrateDatabase();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('copying images during an import', () => {
  it('refuses an image on a loopback address and never connects to it', async () => {
    vi.stubEnv('IMPORT_ALLOW_HOSTS', '');
    const host = await server();
    const url = `${host.origin}/img/a.png`;
    const report = await runImport(text(backup(imgs(url))), { fileName: 'a.xml', copyImages: true });
    expect(report.images).toMatchObject({ copied: 0, failed: [{ url, reason: 'refused: loopback address' }] });
    expect(host.requests).toEqual([]);
  });

  it('copies from a host that IMPORT_ALLOW_HOSTS names, and from no other port of it', async () => {
    const host = await server();
    const other = await server();
    vi.stubEnv('IMPORT_ALLOW_HOSTS', `example.invalid, 127.0.0.1:${host.port}`);
    const report = await runImport(text(backup(imgs(`${host.origin}/img/b.png`, `${other.origin}/img/b.png`))), { fileName: 'b.xml', copyImages: true });
    expect(report.images?.copied).toBe(1);
    expect(report.images?.failed).toEqual([{ url: `${other.origin}/img/b.png`, reason: 'refused: loopback address' }]);
    expect(host.requests).toEqual(['/img/b.png']);
    expect(other.requests).toEqual([]);
  });

  it('refuses a name that resolves to loopback when it connects, even with 127.0.0.1 allowed', async () => {
    const host = await server();
    vi.stubEnv('IMPORT_ALLOW_HOSTS', '127.0.0.1');
    const url = `http://localhost:${host.port}/img/c.png`;
    const report = await runImport(text(backup(imgs(url))), { fileName: 'c.xml', copyImages: true });
    expect(report.images).toMatchObject({ copied: 0, failed: [{ url, reason: 'refused: loopback address' }] });
    expect(host.requests).toEqual([]);
  });

  it('checks every redirect hop: the allowed host cannot send the import to a host that is not', async () => {
    const host = await server();
    const other = await server();
    vi.stubEnv('IMPORT_ALLOW_HOSTS', `127.0.0.1:${host.port}`);
    const viaName = `${host.origin}/redirect?to=${encodeURIComponent(`http://localhost:${host.port}/img/d.png`)}`;
    const viaPort = `${host.origin}/redirect?to=${encodeURIComponent(`${other.origin}/img/d.png`)}`;
    const report = await runImport(text(backup(imgs(viaName, viaPort))), { fileName: 'd.xml', copyImages: true });
    expect(report.images?.copied).toBe(0);
    // The reason says what was refused, never what the host behind it would have answered.
    expect(report.images?.failed).toHaveLength(2);
    expect(report.images?.failed).toEqual(
      expect.arrayContaining([
        { url: viaName, reason: 'refused: loopback address' },
        { url: viaPort, reason: 'refused: loopback address' },
      ]),
    );
    expect(host.requests.filter((r) => r.startsWith('/img/'))).toEqual([]);
    expect(other.requests).toEqual([]);
  });

  it('fetches at most four images at a time, however many a post shows', async () => {
    const host = await server({ delayMs: 150 });
    vi.stubEnv('IMPORT_ALLOW_HOSTS', '127.0.0.1');
    const urls = Array.from({ length: 12 }, (_, i) => `${host.origin}/img/many-${i}.png`);
    const report = await runImport(text(backup(imgs(...urls))), { fileName: 'e.xml', copyImages: true });
    expect(report.images?.failed).toEqual([]);
    expect(report.images?.copied).toBe(12);
    expect(host.requests).toHaveLength(12);
    expect(host.maxInFlight()).toBeLessThanOrEqual(4);
    expect(host.maxInFlight()).toBeGreaterThan(1);
  });

  it('a dry run fetches nothing and stores nothing, and says how many images it would copy', async () => {
    const host = await server();
    vi.stubEnv('IMPORT_ALLOW_HOSTS', '127.0.0.1');
    const mediaBefore = (await listMedia()).length;
    const urls = [`${host.origin}/img/f1.png`, `${host.origin}/img/f2.png`, 'http://127.0.0.2/img/f3.png', 'ftp://127.0.0.1/f4.png'];
    const report = await runImport(text(backup(imgs(...urls))), { fileName: 'f.xml', dryRun: true, copyImages: true });
    expect(host.requests).toEqual([]);
    expect((await listMedia()).length).toBe(mediaBefore);
    expect(report.images).toEqual({ copied: 0, wouldCopy: 2, failed: [{ url: 'http://127.0.0.2/img/f3.png', reason: 'refused: loopback address' }] });
    expect(summariseImport(report)).toContain('Would try to copy 2 images into the media library (a dry run fetches none); 1 would be refused and stay linked where they are.');
  });

  it('stops fetching once the import has fetched its budget of bytes; the rest stay linked, with the reason', async () => {
    const host = await server();
    const copier = new ImageCopier(null, { allowHosts: '127.0.0.1', concurrency: 1, budget: { bytes: Math.floor(host.png.length * 2.5), seconds: 300 } });
    const urls = Array.from({ length: 6 }, (_, i) => `${host.origin}/img/budget-${i}.png`);
    const html = await copier.rewrite(imgs(...urls));
    expect(copier.stats.copied).toBe(2);
    expect(host.requests.length).toBeLessThanOrEqual(3);
    expect(copier.stats.failed.map((f) => f.url)).toEqual(urls.slice(2));
    for (const { reason } of copier.stats.failed) expect(reason).toMatch(/^not copied: this import had already fetched \d+ (KB|MB) of images$/);
    for (const url of urls.slice(2)) expect(html).toContain(url);
  });

  it('stops fetching once the import has spent its time budget', async () => {
    const host = await server({ delayMs: 300 });
    const copier = new ImageCopier(null, { allowHosts: '127.0.0.1', concurrency: 1, budget: { bytes: 200 * 1024 * 1024, seconds: 0.45 } });
    const urls = Array.from({ length: 5 }, (_, i) => `${host.origin}/img/slow-${i}.png`);
    const started = Date.now();
    await copier.rewrite(imgs(...urls));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(copier.stats.copied).toBe(1);
    expect(host.requests).toHaveLength(2);
    expect(copier.stats.failed).toHaveLength(4);
    for (const { reason } of copier.stats.failed) expect(reason).toBe('not copied: this import had already spent 0.45 s fetching images');
  });

  it('says why an allowed host’s image was not copied: too large, or what it answered', async () => {
    const host = await server();
    const copier = new ImageCopier(null, { allowHosts: '127.0.0.1' });
    await copier.rewrite(imgs(`${host.origin}/huge`, `${host.origin}/missing.png`));
    expect(copier.stats.failed).toHaveLength(2);
    expect(copier.stats.failed).toEqual(
      expect.arrayContaining([
        { url: `${host.origin}/huge`, reason: 'it is larger than 10 MB' },
        { url: `${host.origin}/missing.png`, reason: 'the server answered 404' },
      ]),
    );
  });
});
