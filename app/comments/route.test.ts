import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthor } from '@/db/authors';
import { getCommentById } from '@/db/comments';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { updateSettings } from '@/db/settings';
import { session } from '@/test/next-auth-mock';

// The route is where signed-in authors' comments go (the front server answers everyone else with
// the same code). Only the library boundary is replaced, as in app/admin/guard.test.ts.
vi.mock('next-auth', () => import('@/test/next-auth-mock'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

let postId: number;
let authorId: number;
let n = 0;

beforeAll(async () => {
  await migrateDatabase();
  await updateSettings({ commentModeration: 'always' });
  authorId = (await createAuthor({ name: 'Host', email: 'host@example.com', passwordHash: 'x' })).id;
  postId = (await savePost({ authorId, title: 'Talk', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
});

beforeEach(() => {
  session.current = null;
});

function form(over: Record<string, string> = {}): string {
  n++;
  return new URLSearchParams({ postId: String(postId), submissionKey: `route-key-${n}-abcdefghijkl`, name: 'Host', body: `Reply ${n}`, ...over }).toString();
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://blog.test/comments', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-forwarded-for': `10.3.0.${n}`, ...headers },
    // A stream body needs this in Node's fetch; it is then sent without a Content-Length.
    duplex: 'half',
  } as RequestInit);
}

describe('POST /comments through Next', () => {
  it("publishes a signed-in author's comment at once, marked as the post author's", async () => {
    session.current = { user: { id: String(authorId), sv: 0 } };
    const { POST } = await import('./route');
    const answer = await POST(post(form()));
    expect(answer.status).toBe(201);
    const { status, location } = (await answer.json()) as { status: string; location: string };
    expect(status).toBe('published');
    const comment = await getCommentById(Number(location.split('#c')[1]));
    expect(comment?.isPostAuthor).toBe(true);
  });

  it('refuses a body over 64 KB with 413 when it comes without a Content-Length, as when it says its length', async () => {
    const { POST } = await import('./route');
    const bytes = new TextEncoder().encode(form({ body: 'x'.repeat(70_000) }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    const answer = await POST(post(stream));
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { message: string }).message).toBe('That comment is too long to send.');
  });
});
