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
