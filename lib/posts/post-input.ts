import { z } from 'zod';
import { htmlToText, parseLabels, toPostHtml } from './content';

export const MAX_LABELS_LENGTH = 200;

/** What the editor sends. The body is sanitised here, so nothing downstream sees raw HTML. */
export const postInput = z
  .object({
    title: z
      .string()
      .transform((v) => v.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, 'Please give the post a title.').max(300, 'Please keep the title under 300 characters.')),
    body: z
      .string()
      .max(2_000_000, 'The post is too long: keep it under 2 MB of text.')
      .transform((v) => toPostHtml(v)),
    labels: z
      .string()
      .max(MAX_LABELS_LENGTH, `Labels can have ${MAX_LABELS_LENGTH} characters in all, as on Blogger.`)
      .optional()
      .transform((v) => parseLabels(v ?? '')),
    intent: z.enum(['draft', 'publish', 'schedule']).catch('draft'),
    commentPolicy: z.enum(['inherit', 'always', 'never', 'closed']).catch('inherit'),
    slug: z
      .string()
      .max(200, 'Please keep the permalink under 200 characters.')
      .optional()
      .transform((v) => v?.trim() ?? ''),
    searchDescription: z
      .string()
      .max(300, 'Please keep the search description under 300 characters.')
      .optional()
      .transform((v) => (v ?? '').replace(/\s+/g, ' ').trim()),
    scheduleAt: z.string().max(40).optional(),
    coverImage: z
      .string()
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || /^\/media\/[a-f0-9]{64}\.(jpg|png|gif|webp|avif)$/.test(v), 'Choose a cover image from the media library.'),
  })
  .superRefine((value, ctx) => {
    if (!htmlToText(value.body) && !/<img\s/i.test(value.body)) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Please write something in the post.' });
    }
  });

