import type { ImportReport } from './report';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The report in a few sentences: the admin page and the command line say the same. */
export function summariseImport(report: ImportReport): string[] {
  const { found } = report;
  const lines = [
    `${report.dryRun ? 'Dry run — nothing was changed. ' : ''}Found ${plural(found.posts, 'post')}, ${plural(found.pages, 'page')} (${found.drafts} drafts, ${found.scheduled} scheduled), ${plural(found.comments, 'comment')}, ${plural(found.labels, 'label')} and ${plural(found.authors, 'author')}.`,
  ];
  const already = report.applied?.alreadyImported ?? report.alreadyImported;
  if (already.posts || already.comments) {
    lines.push(`${plural(already.posts, 'post')} and ${plural(already.comments, 'comment')} were imported before and ${report.dryRun ? 'would be' : 'were'} left as they are.`);
  }
  if (report.applied) {
    const a = report.applied;
    lines.push(
      `Imported ${plural(a.posts, 'post')}, ${plural(a.pages, 'page')} and ${plural(a.comments, 'comment')}; created ${plural(a.labelsCreated, 'label')}, ${plural(a.authorsCreated, 'author')} and ${plural(a.redirects, 'redirect')} from old addresses.`,
    );
    lines.push(...a.notes);
  }
  const images = report.images;
  if (images?.wouldCopy !== undefined) {
    lines.push(`Would try to copy ${plural(images.wouldCopy, 'image')} into the media library (a dry run fetches none)${images.failed.length ? `; ${images.failed.length} would be refused and stay linked where they are` : ''}.`);
  } else if (images) {
    lines.push(`Copied ${plural(images.copied, 'image')} into the media library${images.failed.length ? `; ${images.failed.length} could not be copied and stay linked where they were` : ''}.`);
    if (images.stopped) lines.push(`Stopped copying images: ${images.stopped}.`);
  }
  for (const skip of report.skipped) lines.push(`Skipped ${plural(skip.count, skip.what)}: ${skip.reason}`);
  return lines;
}
