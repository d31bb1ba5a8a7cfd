import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import Busboy from 'busboy';
import { getCurrentAuthor } from '@/auth';
import { databasePath } from '@/lib/site/config';
import { readBackup } from '@/lib/import/read';
import type { ImportProgress } from '@/lib/import/report';
import { runImport } from '@/server/import/run';
import { ImportError } from '@/lib/import/types';
import { refusalPage } from '@/lib/http/refusal-page';
import { crossOriginRefusal } from '@/lib/http/same-origin';

/** The largest backup accepted: ten years of a busy Blogger blog is well under this. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const TOO_LARGE = `Backups can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. For a larger one, use the command line: npm run import -- FILE`;

class UploadProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Upload = { file: string; name: string; size: number; fields: Record<string, string> };

/** Streams the multipart upload to a file beside the database, never holding it in memory. */
async function receive(request: Request, dir: string): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data') || !request.body) throw new UploadProblem('Choose a backup file to import.', 400);
  const fields: Record<string, string> = {};
  let saved: Promise<{ file: string; name: string }> | undefined;
  let tooLarge = false;
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({ headers: { 'content-type': type }, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });
  } catch {
    throw new UploadProblem('The upload could not be read; please try again.', 400);
  }
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || saved) {
      stream.resume();
      return;
    }
    const file = path.join(dir, 'upload.xml');
    stream.on('limit', () => {
      tooLarge = true;
    });
    saved = pipeline(stream, createWriteStream(file)).then(() => ({ file, name: info.filename || 'backup.xml' }));
  });
  try {
    await pipeline(Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>), parser);
  } catch {
    throw new UploadProblem('The upload was cut off or is not a valid form; please try again.', 400);
  }
  if (tooLarge) throw new UploadProblem(TOO_LARGE, 413);
  if (!saved) throw new UploadProblem('Choose a backup file to import.', 400);
  const { file, name } = await saved;
  const { size } = await stat(file);
  if (size === 0) throw new UploadProblem('The chosen file is empty.', 400);
  return { file, name: name.slice(0, 200), size, fields };
}

/** Without JavaScript the form posts here directly: a refusal is a small page with its status and a way back. */
function errorPage(message: string, status: number): Response {
  return refusalPage({
    status,
    title: 'The backup was not imported',
    message: `${message} Nothing in the blog was changed.`,
    back: { href: '/admin/import', label: 'Back to Import & export' },
  });
}

/**
 * Imports a Blogger or WordPress backup uploaded from Admin → Import & export. Admins only. With
 * `Accept: application/x-ndjson` the answer is a stream of progress lines and then the report
 * (the page's progress bar); a plain form post is answered with a redirect to the report.
 */
export async function POST(request: Request) {
  const wantsStream = (request.headers.get('accept') ?? '').includes('application/x-ndjson');
  const fail = (message: string, status: number) => (wantsStream ? Response.json({ message }, { status }) : errorPage(message, status));
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return fail(refusal, 403);

  const author = await getCurrentAuthor();
  if (!author) return Response.json({ message: 'Please sign in to import a backup.' }, { status: 401 });
  if (author.role !== 'admin') return fail('Only an admin can import a backup.', 403);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 1024 * 1024) return fail(TOO_LARGE, 413);

  const db = databasePath();
  const parent = path.join(db === ':memory:' ? path.resolve('data') : path.dirname(db), 'imports');
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(parent, 'upload-'));
  let upload: Upload;
  try {
    upload = await receive(request, dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof UploadProblem) return fail(error.message, error.status);
    throw error;
  }
  // The file's start tells what it is: a page, a bomb or the wrong XML gets its 4xx before any work.
  try {
    await readBackup(createReadStream(upload.file, { end: 64 * 1024 - 1 }));
  } catch (error) {
    if (error instanceof ImportError && !/cut off/.test(error.message)) {
      await rm(dir, { recursive: true, force: true });
      return fail(error.message, error.status);
    }
  }
  const options = {
    fileName: upload.name,
    totalBytes: upload.size,
    dryRun: upload.fields.dryRun === 'on' || upload.fields.dryRun === 'true',
    copyImages: upload.fields.copyImages === 'on' || upload.fields.copyImages === 'true',
    authorId: author.id,
  };
  const explain = (error: unknown) => {
    if (error instanceof ImportError) return { message: error.message, status: error.status };
    console.error('import failed:', upload.name, error);
    return { message: 'The import failed and nothing was changed. The server log has the details.', status: 500 };
  };

  if (!wantsStream) {
    try {
      const report = await runImport(createReadStream(upload.file), options);
      return Response.redirect(new URL(`/admin/import?run=${report.runId}`, request.url), 303);
    } catch (error) {
      const { message, status } = explain(error);
      return fail(message, status);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await runImport(createReadStream(upload.file), {
          ...options,
          onProgress: (progress: ImportProgress) => send({ progress }),
        });
        send({ report });
      } catch (error) {
        send({ error: explain(error).message });
      } finally {
        await rm(dir, { recursive: true, force: true });
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
