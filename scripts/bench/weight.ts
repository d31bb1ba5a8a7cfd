import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type Asset = { url: string; kind: 'script' | 'css' | 'font'; part?: 'framework' | 'project'; bytes: number; gzip: number };
export type PageWeight = {
  html: { bytes: number; gzip: number };
  assets: Asset[];
  js: { framework: number; project: number; total: number };
  css: number;
  fonts: number;
  total: number;
  method: string;
};

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]?.replaceAll('&amp;', '&');
}

/**
 * The chunks every App Router page loads whatever the project does: the root main files and
 * polyfills from .next/build-manifest.json, plus the chunks of Next's own built-in global-error
 * page from the route's client reference manifest (layout router, error boundaries). Anything
 * else a page loads is there because of the project's client components and the libraries they
 * import, so it counts as the project's own. Minified chunks no longer carry module paths, so the
 * manifests are the only reliable record of which module went where.
 */
function frameworkChunks(routeManifest: string): Set<string> {
  const framework = new Set<string>();
  const build = JSON.parse(readFileSync(path.join('.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  for (const f of [...(build.rootMainFiles ?? []), ...(build.polyfillFiles ?? [])]) framework.add(`/_next/${f}`);
  try {
    const sandbox = { self: {} as Record<string, unknown>, globalThis: {} as Record<string, unknown> };
    const code = readFileSync(routeManifest, 'utf8');
    new Function('self', 'globalThis', code)(sandbox.self, sandbox.globalThis);
    const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? sandbox.self.__RSC_MANIFEST) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
    for (const manifest of Object.values(manifests ?? {})) {
      for (const [entry, files] of Object.entries(manifest.entryJSFiles ?? {})) {
        if (entry.includes('/node_modules/next/')) for (const f of files) framework.add(`/_next/${f}`);
      }
    }
  } catch {
    // No manifest for the route: only the root main files count as the framework.
  }
  return framework;
}

/** Gzipped (level 9) size of everything the page makes a reader download, split as above. */
export async function measurePageWeight(baseUrl: string, pagePath: string, routeManifest: string): Promise<PageWeight> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const framework = frameworkChunks(routeManifest);
  const wanted = new Map<string, Asset['kind']>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    // noModule scripts (the legacy polyfills) are never fetched by a browser that runs modules.
    if (src && !/\snomodule/i.test(tag)) wanted.set(src, 'script');
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel') ?? '';
    const href = attr(tag, 'href');
    const as = attr(tag, 'as');
    if (!href) continue;
    if (rel === 'modulepreload' || (rel === 'preload' && as === 'script')) wanted.set(href, 'script');
    else if (rel === 'stylesheet' || (rel === 'preload' && as === 'style')) wanted.set(href, 'css');
    else if (rel === 'preload' && as === 'font') wanted.set(href, 'font');
  }
  const assets: Asset[] = [];
  for (const [url, kind] of wanted) {
    const body = Buffer.from(await (await fetch(new URL(url, baseUrl))).arrayBuffer());
    const pathname = new URL(url, baseUrl).pathname;
    // Fonts are already compressed (woff2) and are sent as they are.
    const size = kind === 'font' ? body.length : gz(body);
    assets.push({ url: pathname, kind, part: kind === 'script' ? (framework.has(pathname) ? 'framework' : 'project') : undefined, bytes: body.length, gzip: size });
  }
  const sum = (xs: Asset[]) => xs.reduce((a, x) => a + x.gzip, 0);
  const scripts = assets.filter((a) => a.kind === 'script');
  const js = { framework: sum(scripts.filter((a) => a.part === 'framework')), project: sum(scripts.filter((a) => a.part === 'project')), total: sum(scripts) };
  const css = sum(assets.filter((a) => a.kind === 'css'));
  const fonts = sum(assets.filter((a) => a.kind === 'font'));
  const htmlSize = { bytes: Buffer.byteLength(html), gzip: gz(html) };
  return {
    html: htmlSize,
    assets,
    js,
    css,
    fonts,
    total: htmlSize.gzip + js.total + css + fonts,
    method:
      'gzip -9 of each <script src>, modulepreload and preload as=script/style of the post page (noModule skipped); fonts preloaded by next/font at their woff2 size. Framework = root main files and polyfills in .next/build-manifest.json plus the chunks of Next\'s built-in global-error entry in the route\'s client reference manifest; project = every other chunk the page loads (its client components and the libraries they import).',
  };
}
