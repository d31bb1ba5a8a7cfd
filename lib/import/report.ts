import type { ImportFormat } from './types';

/**
 * What an import run tells the author, as the Import & export page, the upload's progress stream
 * and the command line show it: plain data, shared by the server that runs an import and the
 * browser form that shows it.
 */

export type ImportProgress = { phase: 'reading' | 'writing' | 'done'; bytes: number; totalBytes?: number; posts: number; comments: number };

export type ImportReport = {
  fileName: string;
  format: ImportFormat;
  dryRun: boolean;
  found: { posts: number; pages: number; drafts: number; scheduled: number; comments: number; labels: number; authors: number };
  /** Of what was found, how much an earlier import already brought in. */
  alreadyImported: { posts: number; comments: number };
  /** What was written (absent for a dry run). */
  applied?: ApplyResult;
  skipped: { what: string; reason: string; count: number; examples: string[] }[];
  images?: ImageCopyStats;
  seconds: number;
  /** The kept record of this run (Admin → Import & export lists them). */
  runId?: number;
};

export type ApplyResult = {
  posts: number;
  pages: number;
  drafts: number;
  scheduled: number;
  comments: number;
  authorsCreated: number;
  labelsCreated: number;
  redirects: number;
  alreadyImported: { posts: number; comments: number };
  /** Things done differently from the file, each said in a sentence. */
  notes: string[];
};

export type ImageCopyStats = {
  copied: number;
  failed: { url: string; reason: string }[];
  /** A dry run fetches nothing: how many images a real run would try to copy. */
  wouldCopy?: number;
  /** Why copying stopped before the end: the import's budget was spent. */
  stopped?: string;
};
