import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, mediaDir, processUpload, readMediaFile, UploadError } from './media';

describe('processUpload', () => {
  it('stores the original by hash and WebP copies narrower than it', async () => {
    const png = await sharp({ create: { width: 700, height: 300, channels: 3, background: '#123456' } }).png().toBuffer();
    const image = await processUpload(png);
    expect(image).toMatchObject({ format: 'png', width: 700, height: 300, variants: [320, 640] });
    expect(existsSync(path.join(mediaDir(), `${image.hash}.png`))).toBe(true);
    const variant = await readMediaFile(`${image.hash}-640.webp`);
    expect(variant?.contentType).toBe('image/webp');
    expect((await sharp(variant!.data).metadata()).width).toBe(640);
  });

  it('refuses what is not an image, whatever its name, with 415', async () => {
    await expect(processUpload(Buffer.from('<svg onload=alert(1)>'))).rejects.toMatchObject({ status: 415 });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    await expect(processUpload(svg)).rejects.toBeInstanceOf(UploadError);
  });

  it('refuses a file over the limit with 413 before decoding it', async () => {
    await expect(processUpload(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).rejects.toMatchObject({ status: 413 });
  });

  it('serves only names it made', async () => {
    expect(await readMediaFile('../../etc/passwd')).toBeNull();
    expect(await readMediaFile(`${'0'.repeat(64)}.png`)).toBeNull();
  });
});
