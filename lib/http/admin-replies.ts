import * as z from 'zod/mini';

/** What the admin's route handlers answer on success, read with postForm (lib/http/form-reply.ts). */

/** POST /api/posts/autosave: the draft saved (or the live post's changes kept as a revision), or not worth saving yet (202). */
export const autosaved = z.union([
  z.object({ id: z.number(), updatedAt: z.number(), kept: z.enum(['draft', 'revision']) }),
  z.object({ skipped: z.literal(true) }),
]);

/** POST /api/media: the stored image. */
export const uploaded = z.object({ id: z.number(), src: z.string(), width: z.number(), height: z.number() });
