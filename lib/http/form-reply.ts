/**
 * The browser's side of the route-handler forms (comments, sign-in, autosave, image upload): one
 * way to send a form and read the JSON answer, checked against its shape instead of trusted with a
 * cast. Every such route answers a refusal as `{ message, errors? }` with a 4xx (see
 * server/comment-post.ts, app/login/submit, app/api/*), and success in its own shape.
 *
 * The shapes readers' pages need are checked here by hand, without zod: the comment form ships on
 * every post page, and even zod/mini put 23 KB (gzipped) of script on each, against a budget of
 * 10 KB for all of the project's own. The admin's shapes are zod schemas (lib/http/admin-replies.ts);
 * anything with zod's `safeParse` fits `ReplyShape`.
 */

export type FieldErrors = Record<string, string[] | undefined>;

/** Checks an answer's body: zod's `safeParse` contract, so a zod schema is a shape too. */
export type ReplyShape<T> = { safeParse(body: unknown): { success: true; data: T } | { success: false } };

/** A shape from a plain check that returns the value, or undefined when the body is not it. */
export function shape<T>(check: (body: unknown) => T | undefined): ReplyShape<T> {
  return {
    safeParse(body) {
      const data = check(body);
      return data === undefined ? { success: false } : { success: true, data };
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** `{ message?, errors? }`, each part kept only when it is what it claims to be. */
const refusal = shape((body) => {
  if (!isRecord(body)) return undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  if (body.message !== undefined && message === undefined) return undefined;
  let errors: FieldErrors | undefined;
  if (body.errors !== undefined) {
    if (!isRecord(body.errors)) return undefined;
    errors = {};
    for (const [field, list] of Object.entries(body.errors)) {
      if (list === undefined) continue;
      if (!isStringList(list)) return undefined;
      errors[field] = list;
    }
  }
  return { message, errors };
});

export type FormReply<T> =
  | { kind: 'ok'; status: number; data: T }
  /** A 4xx/5xx, or a 2xx not in the success shape; `message` when the server gave one. */
  | { kind: 'refused'; status: number; message?: string; errors: FieldErrors }
  /** Not JSON at all (a proxy's error page, a cut-off body). */
  | { kind: 'unreadable'; status: number };

/** Reads a route handler's answer: the success shape on 2xx, the refusal shape otherwise. */
export async function readFormReply<T>(response: Response, success: ReplyShape<T>): Promise<FormReply<T>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { kind: 'unreadable', status: response.status };
  }
  if (response.ok) {
    const parsed = success.safeParse(body);
    if (parsed.success) return { kind: 'ok', status: response.status, data: parsed.data };
  }
  const refused = refusal.safeParse(body);
  return {
    kind: 'refused',
    status: response.status,
    message: refused.success ? refused.data.message : undefined,
    errors: (refused.success && refused.data.errors) || {},
  };
}

/**
 * POSTs a form asking for JSON and reads the answer. A network failure throws (as fetch does), so
 * the caller can say the connection is the problem and keep what was typed.
 */
export async function postForm<T>(url: string, body: FormData, success: ReplyShape<T>): Promise<FormReply<T>> {
  const response = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' } });
  return readFormReply(response, success);
}

// What the readers' routes answer on success.

const COMMENT_STATUSES = ['published', 'pending', 'spam'] as const;

/** POST /comments (server/comment-post.ts): where the new comment is. */
export const commentStored = shape((body) => {
  if (!isRecord(body) || typeof body.location !== 'string') return undefined;
  const status = COMMENT_STATUSES.find((s) => s === body.status);
  return status ? { status, location: body.location } : undefined;
});

/** POST /login/submit: where to go, signed in. */
export const signedIn = shape((body) => (isRecord(body) && typeof body.location === 'string' ? { location: body.location } : undefined));
