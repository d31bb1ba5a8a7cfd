/**
 * How many labels one "all of these" filter combines (/search/label/A+B, /feeds/posts/default/-/A/B).
 * Each label is one more subquery per listing; five is more than any reader narrows by, and keeps
 * an address like /search/label/A+A+A… from costing a query per repeat.
 */
export const MAX_COMBINED_LABELS = 5;

/**
 * The labels a filter applies: each once (in the order first named, exact case, as labels are
 * stored), at most MAX_COMBINED_LABELS of them, and the ones left out past that.
 */
export function combineLabels(names: string[]): { labels: string[]; dropped: string[] } {
  const unique = [...new Set(names)];
  return { labels: unique.slice(0, MAX_COMBINED_LABELS), dropped: unique.slice(MAX_COMBINED_LABELS) };
}
