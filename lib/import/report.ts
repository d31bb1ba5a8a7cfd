import { z } from 'zod';

/**
 * What an import run tells the author, as the Import & export page, the upload's progress stream
 * and the command line show it. Written as zod schemas because the browser reads it back from a
 * stream (app/admin/import/import-form.tsx) and the page from the stored run: both check it
 * rather than cast it. Plain data, shared by the server that runs an import and the form.
 */

const count = z.number().int().nonnegative();

export const importProgress = z.object({
  phase: z.enum(['reading', 'writing', 'done']),
  bytes: count,
  totalBytes: count.optional(),
  posts: count,
  comments: count,
});

export const applyResult = z.object({
  posts: count,
  pages: count,
  drafts: count,
  scheduled: count,
  comments: count,
  authorsCreated: count,
  labelsCreated: count,
  redirects: count,
  alreadyImported: z.object({ posts: count, comments: count }),
  /** Things done differently from the file, each said in a sentence. */
  notes: z.array(z.string()),
});

export const imageCopyStats = z.object({
  copied: count,
  failed: z.array(z.object({ url: z.string(), reason: z.string() })),
  /** A dry run fetches nothing: how many images a real run would try to copy. */
  wouldCopy: count.optional(),
  /** Why copying stopped before the end: the import's budget was spent. */
  stopped: z.string().optional(),
});

export const importReport = z.object({
  fileName: z.string(),
  format: z.enum(['blogger', 'blogger-takeout', 'wordpress']),
  dryRun: z.boolean(),
  found: z.object({ posts: count, pages: count, drafts: count, scheduled: count, comments: count, labels: count, authors: count }),
  /** Of what was found, how much an earlier import already brought in. */
  alreadyImported: z.object({ posts: count, comments: count }),
  /** What was written (absent for a dry run). */
  applied: applyResult.optional(),
  skipped: z.array(z.object({ what: z.string(), reason: z.string(), count, examples: z.array(z.string()) })),
  images: imageCopyStats.optional(),
  seconds: z.number().nonnegative(),
  /** The kept record of this run (Admin → Import & export lists them). */
  runId: z.number().int().optional(),
});

/** One line of POST /api/import's progress stream (application/x-ndjson). */
export const importStreamLine = z.object({
  progress: importProgress.optional(),
  report: importReport.optional(),
  error: z.string().optional(),
});

export type ImportProgress = z.infer<typeof importProgress>;
export type ApplyResult = z.infer<typeof applyResult>;
export type ImageCopyStats = z.infer<typeof imageCopyStats>;
export type ImportReport = z.infer<typeof importReport>;
