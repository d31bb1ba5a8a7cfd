import { getCurrentAuthor } from '@/auth';
import { createMedia } from '@/db/media';
import { MAX_UPLOAD_BYTES, originalPath, processUpload, UploadError } from '@/lib/media/media';
import { crossOriginRefusal } from '@/lib/http/same-origin';

/** Image upload from the editor (button, drag-and-drop or paste) and the media library. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return Response.json({ message: refusal }, { status: 403 });
  const author = await getCurrentAuthor();
  if (!author) return Response.json({ message: 'Please sign in to upload images.' }, { status: 401 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    return Response.json({ message: 'Images can be at most 10 MB.' }, { status: 413 });
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('file');
  } catch {
    return Response.json({ message: 'The upload could not be read; please try again.' }, { status: 400 });
  }
  if (!(file instanceof File)) return Response.json({ message: 'Choose an image to upload.' }, { status: 400 });
  try {
    const image = await processUpload(Buffer.from(await file.arrayBuffer()));
    const record = await createMedia({
      ...image,
      filename: file.name.slice(0, 200) || 'image',
      uploadedBy: author.id,
    });
    return Response.json(
      { id: record.id, src: originalPath(record.hash, record.format), width: record.width, height: record.height },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof UploadError) return Response.json({ message: error.message }, { status: error.status });
    throw error;
  }
}
