import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { session } from '@/test/next-auth-mock';
import { authorFormAction, parseForm, publicFormAction } from './form-action';
import { redirectOf } from '@/test/redirect-of';

vi.mock('next-auth', () => import('@/test/next-auth-mock'));

const schema = z.object({ name: z.string().trim().min(1, 'Give a name.'), secret: z.string().min(3, 'Too short.') });
const spec = { schema, values: ['name'], input: (values: Record<string, string>, formData: FormData) => ({ ...values, secret: formData.get('secret') }), refused: 'Fix it.' };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

let authorId: number;
let adminId: number;

beforeAll(async () => {
  await migrateDatabase();
  adminId = (await createAuthor({ name: 'Ada', email: 'ada@example.com', role: 'admin', passwordHash: 'x' })).id;
  authorId = (await createAuthor({ name: 'Bo', email: 'bo@example.com', role: 'author', passwordHash: 'y' })).id;
});

beforeEach(() => {
  session.current = null;
});

describe('parseForm', () => {
  it('gives the parsed input and what was typed', () => {
    expect(parseForm(spec, form({ name: ' Ann ', secret: 'abcd' }))).toEqual({ ok: true, input: { name: 'Ann', secret: 'abcd' }, values: { name: ' Ann ' } });
  });

  it('refuses with every field error, the message and what was typed, never the secret', () => {
    expect(parseForm(spec, form({ name: '  ', secret: 'ab' }))).toEqual({
      ok: false,
      state: { errors: { name: ['Give a name.'], secret: ['Too short.'] }, message: 'Fix it.', values: { name: '  ' } },
    });
  });
});

describe('authorFormAction', () => {
  const run = vi.fn(async (input: z.output<typeof schema>, { author }: { author: { id: number } }) => ({ message: `${input.name} by ${author.id}` }));
  const action = authorFormAction(spec, run);
  const adminAction = authorFormAction({ ...spec, adminOnly: 'Admins only.' }, run);

  it('sends a visitor to /login before reading the form', async () => {
    run.mockClear();
    expect(await redirectOf(() => action({}, form({ name: '', secret: '' })))).toBe('/login');
    expect(run).not.toHaveBeenCalled();
  });

  it('runs the body with the signed-in author and the parsed input', async () => {
    session.current = { user: { id: String(authorId), sv: 0 } };
    expect(await action({}, form({ name: 'Ann', secret: 'abcd' }))).toEqual({ message: `Ann by ${authorId}` });
  });

  it('refuses a form that does not parse without running the body', async () => {
    session.current = { user: { id: String(authorId), sv: 0 } };
    run.mockClear();
    expect(await action({}, form({ name: '', secret: 'abcd' }))).toMatchObject({ errors: { name: ['Give a name.'] }, message: 'Fix it.' });
    expect(run).not.toHaveBeenCalled();
  });

  it('lets only admins through an admin form, checked before the form is read', async () => {
    session.current = { user: { id: String(authorId), sv: 0 } };
    expect(await adminAction({}, form({}))).toEqual({ message: 'Admins only.' });
    session.current = { user: { id: String(adminId), sv: 0 } };
    expect(await adminAction({}, form({ name: 'Ann', secret: 'abcd' }))).toEqual({ message: `Ann by ${adminId}` });
  });

  it('does not believe a session whose version has moved on (signed out elsewhere)', async () => {
    session.current = { user: { id: String(authorId), sv: 7 } };
    expect(await redirectOf(() => action({}, form({ name: 'Ann', secret: 'abcd' })))).toBe('/login');
  });
});

describe('publicFormAction', () => {
  it('needs no session, and a body that returns nothing gives an empty state', async () => {
    const action = publicFormAction(spec, async () => undefined);
    expect(await action({}, form({ name: 'Ann', secret: 'abcd' }))).toEqual({});
    expect(await action({}, form({ name: 'Ann', secret: '' }))).toMatchObject({ errors: { secret: ['Too short.'] } });
  });
});
