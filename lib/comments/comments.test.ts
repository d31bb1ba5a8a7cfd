import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentCountLabel, commentInput, submissionIdentity, threadComments } from './comments';

describe('commentCountLabel', () => {
  it('speaks like Blogger', () => {
    expect(commentCountLabel(0)).toBe('No comments');
    expect(commentCountLabel(1)).toBe('1 comment');
    expect(commentCountLabel(12)).toBe('12 comments');
  });
});

describe('commentInput', () => {
  const valid = { postId: '3', name: ' Ann ', email: '', website: '', body: 'Hello\r\nthere ' };

  it('accepts a name and a comment, with optional fields empty', () => {
    const parsed = commentInput.parse(valid);
    expect(parsed).toEqual({ postId: 3, name: 'Ann', email: null, website: null, body: 'Hello\nthere' });
  });

  it('requires a name and a comment', () => {
    const result = commentInput.safeParse({ ...valid, name: '  ', body: '\r\n' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['name', 'body']));
  });

  it('rejects javascript: and other non-web addresses as a website', () => {
    expect(commentInput.safeParse({ ...valid, website: 'javascript:alert(1)' }).success).toBe(false);
    expect(commentInput.safeParse({ ...valid, website: 'https://example.org/me' }).success).toBe(true);
  });

  it('rejects an invalid email but accepts none', () => {
    expect(commentInput.safeParse({ ...valid, email: 'not-an-email' }).success).toBe(false);
  });

  it('rejects a comment over 4,096 characters', () => {
    expect(commentInput.safeParse({ ...valid, body: 'x'.repeat(4097) }).success).toBe(false);
  });
});

describe('threadComments', () => {
  it('puts replies under their top-level comment, one level deep, keeping order', () => {
    const list = [
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 3 },
      { id: 5, parentId: 99 },
    ];
    const threads = threadComments(list);
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [3, 4]],
      [2, []],
      [5, []],
    ]);
  });

  it('threads the 20,000 comments of one imported post within the default timeout', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, parentId: i % 2 === 0 ? null : i }));
    const threads = threadComments(list);
    expect(threads).toHaveLength(10_000);
    expect(threads.every((t, i) => t.id === 2 * i + 1 && t.replies.length === 1 && t.replies[0]!.id === 2 * i + 2)).toBe(true);
  });

  it('gives the same threads as the first, quadratic version for any parent links (cycles and missing parents too)', () => {
    const reference = <T extends { id: number; parentId: number | null }>(list: T[]) => {
      const top = list.filter((c) => c.parentId === null || !list.some((p) => p.id === c.parentId));
      const topIds = new Set(top.map((c) => c.id));
      const rootOf = new Map<number, number>();
      for (const c of list) rootOf.set(c.id, c.parentId ?? c.id);
      const findRoot = (id: number): number => {
        let current = id;
        for (let i = 0; i < 100 && !topIds.has(current); i++) current = rootOf.get(current) ?? current;
        return current;
      };
      return top.map((c) => ({ ...c, replies: list.filter((r) => !topIds.has(r.id) && findRoot(r.id) === c.id) }));
    };
    const comments = fc
      .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 })
      .chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), parentId: fc.option(fc.integer({ min: 1, max: 70 })) }))));
    fc.assert(
      fc.property(comments, (list) => {
        expect(threadComments(list)).toEqual(reference(list));
      }),
      { numRuns: 2000 },
    );
    // A chain deeper than the 100-step walk, as before, keeps only what the walk reaches.
    const chain = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, parentId: i === 0 ? null : i }));
    expect(threadComments(chain)).toEqual(reference(chain));
  });
});

describe('submissionIdentity', () => {
  const sent = { key: 'k'.repeat(24), postId: 7, name: 'Ann', body: 'Hello.' };

  it('is the same for the same form sent again, from any address', () => {
    expect(submissionIdentity(sent)).toBe(submissionIdentity({ ...sent }));
  });

  it('tells apart two readers who got the same cached form', () => {
    const first = submissionIdentity(sent);
    expect(submissionIdentity({ ...sent, name: 'Bo' })).not.toBe(first);
    expect(submissionIdentity({ ...sent, body: 'Hello!' })).not.toBe(first);
    expect(submissionIdentity({ ...sent, postId: 8 })).not.toBe(first);
    expect(submissionIdentity({ ...sent, key: 'j'.repeat(24) })).not.toBe(first);
  });
});
