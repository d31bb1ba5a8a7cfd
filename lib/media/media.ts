import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { databasePath } from '../site/config';

/** The largest upload accepted, documented in the README. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Responsive widths made for srcset (never wider than the original). */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920];
const FORMATS = ['jpeg', 'png', 'gif', 'webp', 'avif'] as const;
export type ImageFormat = (typeof FORMATS)[number];
const EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' };
export const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** Uploads live beside the database (never in public/ of the build), so one folder holds the blog. */
export function mediaDir(): string {
  const db = databasePath();
  return path.join(db === ':memory:' ? path.resolve('data') : path.dirname(db), 'media');
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

export type ProcessedImage = {
  hash: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  variants: number[];
};

/**
 * Checks an upload by its content (not its name or claimed type), stores the original under
 * its SHA-256 and WebP copies at the responsive widths. The same file uploaded twice is stored once.
 */
export async function processUpload(data: Buffer): Promise<ProcessedImage> {
  if (data.length === 0) throw new UploadError('The file is empty.', 400);
  if (data.length > MAX_UPLOAD_BYTES) throw new UploadError('Images can be at most 10 MB.', 413);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(data, { animated: true }).metadata();
  } catch {
    throw new UploadError('That file is not an image this blog can use: upload a JPEG, PNG, GIF, WebP or AVIF.', 415);
  }
  const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  if (!format || !FORMATS.includes(format as ImageFormat) || !meta.width || !meta.height) {
    throw new UploadError('That file is not an image this blog can use: upload a JPEG, PNG, GIF, WebP or AVIF.', 415);
  }
  const hash = createHash('sha256').update(data).digest('hex');
  const dir = mediaDir();
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${hash}.${EXTENSIONS[format as ImageFormat]}`), data);

  // Animated GIFs keep only their original; everything else gets responsive WebP copies.
  const height = meta.pageHeight ?? meta.height;
  const animated = (meta.pages ?? 1) > 1;
  const variants = animated ? [] : VARIANT_WIDTHS.filter((w) => w < meta.width!);
  for (const width of variants) {
    const out = await sharp(data).rotate().resize({ width }).webp({ quality: 80 }).toBuffer();
    await writeFile(path.join(dir, `${hash}-${width}.webp`), out);
  }
  return { hash, format: format as ImageFormat, width: meta.width, height, bytes: data.length, variants };
}

export function originalPath(hash: string, format: ImageFormat): string {
  return `/media/${hash}.${EXTENSIONS[format]}`;
}

/** A stored file by its public name, or null when the name isn't one of ours. */
export async function readMediaFile(name: string): Promise<{ data: Buffer; contentType: string } | null> {
  const match = /^([a-f0-9]{64})(-\d{2,4})?\.(jpg|png|gif|webp|avif)$/.exec(name);
  if (!match) return null;
  try {
    return { data: await readFile(path.join(mediaDir(), name)), contentType: CONTENT_TYPES[match[3]!]! };
  } catch {
    return null;
  }
}

export async function removeMediaFiles(hash: string, format: ImageFormat, variants: number[]): Promise<void> {
  const dir = mediaDir();
  const names = [`${hash}.${EXTENSIONS[format]}`, ...variants.map((w) => `${hash}-${w}.webp`)];
  await Promise.all(names.map((n) => rm(path.join(dir, n), { force: true })));
}
