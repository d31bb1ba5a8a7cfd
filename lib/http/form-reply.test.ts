import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { commentStored, readFormReply, signedIn } from './form-reply';

const created = commentStored;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('readFormReply', () => {
  it('gives the success shape of a 2xx, checked', async () => {
    expect(await readFormReply(json(201, { status: 'pending', location: '/2024/05/x.html#c3' }), created)).toEqual({
      kind: 'ok',
      status: 201,
      data: { status: 'pending', location: '/2024/05/x.html#c3' },
    });
  });

  it("gives a refusal's message and field errors", async () => {
    expect(await readFormReply(json(400, { message: 'Check the fields.', errors: { name: ['Please enter your name.'] } }), created)).toEqual({
      kind: 'refused',
      status: 400,
      message: 'Check the fields.',
      errors: { name: ['Please enter your name.'] },
    });
    expect(await readFormReply(json(429, { message: 'Too quick.' }), created)).toEqual({ kind: 'refused', status: 429, message: 'Too quick.', errors: {} });
  });

  it('never trusts a body that is not what it claims: a 2xx in the wrong shape is refused, junk has no message', async () => {
    expect(await readFormReply(json(200, { location: 42 }), created)).toEqual({ kind: 'refused', status: 200, message: undefined, errors: {} });
    expect(await readFormReply(json(500, { message: ['not', 'a', 'string'] }), created)).toEqual({ kind: 'refused', status: 500, message: undefined, errors: {} });
    expect(await readFormReply(new Response('<h1>Bad gateway</h1>', { status: 502 }), created)).toEqual({ kind: 'unreadable', status: 502 });
  });

  it('checks the readers\' shapes by hand exactly: a wrong status, a missing field or a stray type is refused', () => {
    expect(commentStored.safeParse({ status: 'published', location: '/x' })).toEqual({ success: true, data: { status: 'published', location: '/x' } });
    expect(commentStored.safeParse({ status: 'deleted', location: '/x' }).success).toBe(false);
    expect(commentStored.safeParse({ status: 'pending' }).success).toBe(false);
    expect(commentStored.safeParse(['pending', '/x']).success).toBe(false);
    expect(signedIn.safeParse({ location: '/admin' })).toEqual({ success: true, data: { location: '/admin' } });
    expect(signedIn.safeParse(null).success).toBe(false);
  });

  it('takes a zod schema as a shape too (the admin forms use them)', async () => {
    const schema = z.object({ id: z.number() });
    expect(await readFormReply(json(200, { id: 3 }), schema)).toEqual({ kind: 'ok', status: 200, data: { id: 3 } });
    expect((await readFormReply(json(200, { id: '3' }), schema)).kind).toBe('refused');
  });

  it('keeps field errors only when every list is strings', async () => {
    expect(await readFormReply(json(400, { message: 'No.', errors: { name: [1] } }), created)).toEqual({ kind: 'refused', status: 400, message: undefined, errors: {} });
  });
});
