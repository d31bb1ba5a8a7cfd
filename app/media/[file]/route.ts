import { readMediaFile } from '@/lib/media/media';

/** Uploaded images, named by content hash: they never change, so browsers and proxies keep them for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = await readMediaFile((await params).file);
  if (!file) return new Response('No such image.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.data.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
}
