import { z } from 'zod';
import { isValidTimeZone } from '../reading/dates';
import { normaliseNewlines, parseLabels } from '../posts/content';
import { GADGETS, type GadgetId } from '../reading/gadgets';
import { DEFAULT_POPULAR_GADGET, MAX_POPULAR_COUNT, type PopularGadget } from '../reading/popular-gadget';
import { MAX_LABELS_LIMIT, MAX_SELECTED_LABELS, MAX_SELECTED_LABELS_LENGTH, type LabelsGadget } from '../reading/labels-gadget';
import { sanitizePostHtml } from '../posts/sanitize';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
// Forms from before a field existed (a page left open across an upgrade) keep the default.
const orDefault = <T extends z.ZodType>(fallback: unknown, schema: T) => z.preprocess((v) => (v === undefined ? fallback : v), schema);

/** The admin's Settings form: the blog's basics, the Labels gadget and how comments are moderated. */
export const settingsInput = z
  .object({
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
    trustApprovedCommenters: checkbox,
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
    labelsShow: z.enum(['all', 'selected'], { error: 'Please choose which labels to show.' }),
    labelsSelected: z
      .string()
      .max(MAX_SELECTED_LABELS_LENGTH, 'The list of labels is too long.')
      .transform(parseLabels)
      .pipe(z.array(z.string()).max(MAX_SELECTED_LABELS, `Please choose at most ${MAX_SELECTED_LABELS} labels.`)),
    labelsSort: z.enum(['name', 'count'], { error: 'Please choose how labels are sorted.' }),
    labelsDisplay: z.enum(['list', 'cloud'], { error: 'Please choose a list or a cloud.' }),
    labelsShowCounts: checkbox,
    // Empty means no limit: every label.
    labelsLimit: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      z.coerce
        .number({ error: 'Please enter a number of labels, or leave this empty.' })
        .int('Please enter a whole number of labels.')
        .min(1, 'Show at least 1 label, or leave this empty to show them all.')
        .max(MAX_LABELS_LIMIT, `Show at most ${MAX_LABELS_LIMIT} labels, or leave this empty to show them all.`)
        .nullable(),
    ),
    popularRankBy: orDefault(DEFAULT_POPULAR_GADGET.rankBy, z.enum(['views', 'comments'], { error: 'Please choose how posts are ranked.' })),
    popularPeriod: orDefault(DEFAULT_POPULAR_GADGET.period, z.enum(['7d', '30d', 'all'], { error: 'Please choose a period.' })),
    popularCount: orDefault(
      String(DEFAULT_POPULAR_GADGET.count),
      z.coerce
        .number({ error: 'Please enter a number of posts.' })
        .int('Please enter a whole number of posts.')
        .min(1, 'Show at least 1 post.')
        .max(MAX_POPULAR_COUNT, `Show at most ${MAX_POPULAR_COUNT} posts.`),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.labelsShow === 'selected' && value.labelsSelected.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['labelsSelected'], message: 'Please name at least one label, or show all labels.' });
    }
  })
  .transform(({ labelsShow, labelsSelected, labelsSort, labelsDisplay, labelsShowCounts, labelsLimit, popularRankBy, popularPeriod, popularCount, ...rest }) => ({
    ...rest,
    popularGadget: { rankBy: popularRankBy, period: popularPeriod, count: popularCount } satisfies PopularGadget,
    labelsGadget: {
      show: labelsShow,
      selected: labelsSelected,
      sort: labelsSort,
      display: labelsDisplay,
      showCounts: labelsShowCounts,
      limit: labelsLimit,
    } satisfies LabelsGadget,
  }));

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

/** Labels are matched exactly, as they are stored: name the ones that match none, so a typo can be fixed. */
export function unknownLabelsMessage(unknown: string[]): string {
  const quoted = unknown.slice(0, 5).map((name) => `“${name}”`).join(', ');
  const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
  const what = unknown.length === 1 ? `There is no label ${quoted}` : `There are no labels ${quoted}${more}`;
  return `${what}. Pick from the labels suggested as you type (capitals count).`;
}
