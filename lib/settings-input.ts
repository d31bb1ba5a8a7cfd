import { z } from 'zod';
import { isValidTimeZone } from './dates';
import { normaliseNewlines } from './content';
import { GADGETS, type GadgetId } from './gadgets';
import { sanitizePostHtml } from './sanitize';

/** The admin's Settings form: the blog's basics and how comments are moderated. */
export const settingsInput = z.object({
  blogTitle: z.string().trim().min(1, 'Please give your blog a title.').max(100, 'Please keep the title under 100 characters.'),
  blogDescription: z.string().trim().max(500, 'Please keep the description under 500 characters.'),
  postsPerPage: z.coerce
    .number({ error: 'Please enter a number of posts.' })
    .int('Please enter a whole number.')
    .min(1, 'Show at least 1 post per page.')
    .max(50, 'Show at most 50 posts per page.'),
  timezone: z.string().trim().refine(isValidTimeZone, 'Please choose a time zone such as Europe/London or America/New_York.'),
  commentModeration: z.enum(['always', 'older', 'never'], { error: 'Please choose when comments are held.' }),
  moderateAfterDays: z.coerce
    .number({ error: 'Please enter a number of days.' })
    .int('Please enter a whole number of days.')
    .min(0, 'Days cannot be negative.')
    .max(3650, 'Please enter at most 3650 days.'),
  trustApprovedCommenters: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  blockedWords: z
    .string()
    .max(20_000, 'The blocked words list is too long.')
    .transform((v) => normaliseNewlines(v).split('\n').map((w) => w.trim()).filter(Boolean).join('\n')),
  headerAdsHtml: z
    .string()
    .max(20_000, 'The Header Ads HTML is too long.')
    .transform((v) => sanitizePostHtml(normaliseNewlines(v))),
  notifyEmails: z
    .string()
    .transform((v) => v.split(/[,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email('Please list valid email addresses, separated by commas.')).max(20, 'At most 20 addresses.'))
    .transform((list) => list.join(', ')),
});

/**
 * The Layout part of the form: for each gadget a "show" box and a position number, as
 * Blogger's Layout page orders gadgets. Returns the shown gadgets in order.
 */
export function readGadgetLayout(formData: FormData): GadgetId[] {
  const ids = Object.keys(GADGETS) as GadgetId[];
  return ids
    .map((id, index) => ({ id, index, position: Number(formData.get(`gadget-${id}-position`)) }))
    .filter(({ id }) => formData.get(`gadget-${id}-show`) === 'on')
    .sort((a, b) => (Number.isFinite(a.position) ? a.position : 99) - (Number.isFinite(b.position) ? b.position : 99) || a.index - b.index)
    .map(({ id }) => id);
}
