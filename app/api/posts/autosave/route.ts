import { canEditPost, getCurrentAuthor } from '@/auth';
import { AUTOSAVE_COALESCE_MS, getPostById, saveAutosaveRevision, savePostChecked } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { postInput } from '@/lib/posts/post-input';
import { crossOriginRefusal } from '@/lib/http/same-origin';

/**
 * The editor's autosave, every few seconds while the author types. A draft is saved in place
 * (created on the first autosave); a published or scheduled post only gets a revision, so
 * half-finished edits never reach readers. Answers JSON; the editor keeps the caret where it is.
 */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return Response.json({ message: refusal }, { status: 403 });
  const author = await getCurrentAuthor();
  if (!author) return Response.json({ message: 'Your session has ended; sign in again to keep saving.' }, { status: 401 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ message: 'Autosave could not read the form.' }, { status: 400 });
  }
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
  const parsed = postInput.safeParse({
    title: text('title') ?? '',
    body: text('body') ?? '',
    labels: text('labels'),
    intent: 'draft',
    commentPolicy: text('commentPolicy'),
    slug: text('slug'),
    searchDescription: text('searchDescription'),
  });
  // Autosave waits until there is something to keep; the Save buttons give the messages.
  if (!parsed.success) return Response.json({ skipped: true }, { status: 202 });

  const id = Number(text('id')) || undefined;
  const existing = id ? await getPostById(id) : undefined;
  if (id && (!existing || !canEditPost(author, existing))) {
    return Response.json({ message: 'This post does not exist or is not yours to edit.' }, { status: 404 });
  }
  if (existing && existing.status !== 'draft') {
    await saveAutosaveRevision({ postId: existing.id, title: parsed.data.title, body: parsed.data.body, labels: parsed.data.labels, authorId: author.id });
    return Response.json({ id: existing.id, updatedAt: existing.updatedAt.getTime(), kept: 'revision' });
  }
  const settings = await getSettings();
  const result = await savePostChecked({
    id,
    type: text('type') === 'page' ? 'page' : 'post',
    authorId: existing?.authorId ?? author.id,
    editorId: author.id,
    title: parsed.data.title,
    body: parsed.data.body,
    labels: parsed.data.labels,
    action: 'draft',
    slug: parsed.data.slug || undefined,
    searchDescription: parsed.data.searchDescription,
    commentPolicy: parsed.data.commentPolicy,
    expectedUpdatedAt: id ? Number(text('updatedAt')) || undefined : undefined,
    coalesceRevisionMs: AUTOSAVE_COALESCE_MS,
    timeZone: settings.timezone,
  });
  if (!result.ok) {
    const message =
      result.reason === 'conflict'
        ? 'This post was changed elsewhere; autosave stopped so nothing is overwritten. Reload to see the other version.'
        : 'Autosave could not save this post.';
    return Response.json({ message }, { status: 409 });
  }
  return Response.json({ id: result.post.id, updatedAt: result.post.updatedAt.getTime(), kept: 'draft' });
}
