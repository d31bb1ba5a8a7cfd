// zod/mini: the same checks in a fraction of the bytes, since the comment form ships on every post page.
import * as z from 'zod/mini';

/**
 * The browser's side of the route-handler forms (comments, sign-in, autosave, image upload): one
 * way to send a form and read the JSON answer, checked with zod instead of trusted with a cast.
 * Every such route answers a refusal as `{ message, errors? }` with a 4xx (see
 * server/comment-post.ts, app/login/submit, app/api/*), and success in its own shape.
 */

export type FieldErrors = Record<string, string[] | undefined>;

const refusal = z.object({
  message: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.optional(z.array(z.string())))),
});

export type FormReply<T> =
  | { kind: 'ok'; status: number; data: T }
  /** A 4xx/5xx, or a 2xx not in the success shape; `message` when the server gave one. */
  | { kind: 'refused'; status: number; message?: string; errors: FieldErrors }
  /** Not JSON at all (a proxy's error page, a cut-off body). */
  | { kind: 'unreadable'; status: number };

/** Reads a route handler's answer: the success shape on 2xx, the refusal shape otherwise. */
export async function readFormReply<S extends z.ZodMiniType>(response: Response, success: S): Promise<FormReply<z.output<S>>> {
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
export async function postForm<S extends z.ZodMiniType>(url: string, body: FormData, success: S): Promise<FormReply<z.output<S>>> {
  const response = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' } });
  return readFormReply(response, success);
}

// What each route answers on success.

/** POST /comments (server/comment-post.ts): where the new comment is. */
export const commentStored = z.object({ status: z.enum(['published', 'pending', 'spam']), location: z.string() });

/** POST /login/submit: where to go, signed in. */
export const signedIn = z.object({ location: z.string() });

/** POST /api/posts/autosave: the draft saved (or the live post's changes kept as a revision), or not worth saving yet (202). */
export const autosaved = z.union([
  z.object({ id: z.number(), updatedAt: z.number(), kept: z.enum(['draft', 'revision']) }),
  z.object({ skipped: z.literal(true) }),
]);

/** POST /api/media: the stored image. */
export const uploaded = z.object({ id: z.number(), src: z.string(), width: z.number(), height: z.number() });
