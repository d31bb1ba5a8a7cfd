import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { createComment, deleteCommentsByIds, listPublishedCommentsByPostId, setCommentsStatus } from './comments';
import { migrateDatabase } from './migrate';
import { listPopularPosts, savePost } from './posts';

let authorId: number;

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Popular', email: 'popular@example.com' })).id;
});

const post = (title: string) => savePost({ authorId, title, body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
let serial = 0;
const comment = (postId: number, status: 'published' | 'pending' | 'spam') =>
  createComment({ postId, authorName: 'R', body: `c${serial++}`, status, ipHash: `ip${serial}`, createdAt: new Date() });
const shown = async (id: number) => (await listPopularPosts({ limit: 50 })).find((p) => p.id === id)?.comments;

describe('Popular Posts by comments', () => {
  it('follows comments through moderation: only published ones count, and removals uncount', async () => {
    const p = await post('Talked about');
    const a = await comment(p.id, 'published');
    await comment(p.id, 'published');
    const held = await comment(p.id, 'pending');
    await comment(p.id, 'spam');
    expect(await shown(p.id)).toBe(2);
    await setCommentsStatus({ ids: [held.id], status: 'published' });
    expect(await shown(p.id)).toBe(3);
    await setCommentsStatus({ ids: [a.id], status: 'spam' });
    expect(await shown(p.id)).toBe(2);
    await deleteCommentsByIds({ ids: [held.id] });
    expect(await shown(p.id)).toBe(1);
    expect(await shown(p.id)).toBe((await listPublishedCommentsByPostId(p.id)).length);
  });

  it('ranks by published comments, newest first on a tie, and leaves out posts with none or not visible', async () => {
    const quiet = await post('Quiet');
    const busy = await post('Busy');
    const tied = await post('Tied');
    for (let i = 0; i < 40; i++) await comment(busy.id, 'published');
    for (let i = 0; i < 30; i++) await comment(tied.id, 'published');
    const draft = await savePost({ authorId, title: 'Draft', body: '<p>x</p>', labels: [], action: 'draft', timeZone: 'UTC' });
    for (let i = 0; i < 50; i++) await comment(draft.id, 'published');
    const top = (await listPopularPosts({ limit: 2 })).map((p) => p.id);
    expect(top).toEqual([busy.id, tied.id]);
    expect(await shown(quiet.id)).toBeUndefined();
    expect(await shown(draft.id)).toBeUndefined();
  });
});
