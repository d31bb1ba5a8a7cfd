/**
 * The Labels gadget's options, as on Blogger's: which labels, in what order, as a list or a cloud,
 * with or without post counts, and how many at most.
 */
export type LabelsGadget = {
  show: 'all' | 'selected';
  /** Exact label names, for show: 'selected'. */
  selected: string[];
  /** Alphabetically, or by frequency (most used first). */
  sort: 'name' | 'count';
  display: 'list' | 'cloud';
  showCounts: boolean;
  /** The most used this many are shown, with a link to every label; null shows them all. */
  limit: number | null;
};

/**
 * Every label of a small blog, but only the 30 most used of a large one: each label is a link on
 * every page, and 500 of them made up most of a page's HTML and of the time to render it.
 */
export const DEFAULT_LABELS_GADGET: LabelsGadget = { show: 'all', selected: [], sort: 'name', display: 'list', showCounts: true, limit: 30 };

export const MAX_LABELS_LIMIT = 1000;
export const MAX_SELECTED_LABELS = 200;
/** The selected labels as typed in the settings form, commas and all. */
export const MAX_SELECTED_LABELS_LENGTH = 10_000;

/** Font sizes in a cloud: few enough that each step is visibly apart, as Blogger's cloud has. */
export const CLOUD_STEPS = 5;

/** Where every label is listed with its count, for readers when the gadget shows only some. */
export const ALL_LABELS_PATH = '/search/label';

export type GadgetLabel = { name: string; count: number; step: number };

// Readers expect "apples, Bread, cider", not the database's byte order ("Bread, apples, cider").
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const compareNames = (a: { name: string }, b: { name: string }) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byCount = (a: { name: string; count: number }, b: { name: string; count: number }) => b.count - a.count || compareNames(a, b);

/**
 * The labels the gadget shows, from every label with its count of visible posts: the chosen
 * ones (or all), the most used `limit` of those, in the chosen order, each with its cloud step.
 * `total` is how many were eligible before the cap, and `more` whether the cap left some out.
 */
export function selectGadgetLabels(
  labels: readonly { name: string; count: number }[],
  options: LabelsGadget,
): { labels: GadgetLabel[]; total: number; more: boolean } {
  const wanted = options.show === 'selected' ? new Set(options.selected) : null;
  let pool = wanted ? labels.filter((l) => wanted.has(l.name)) : [...labels];
  const total = pool.length;
  const more = options.limit !== null && total > options.limit;
  if (more) pool = pool.sort(byCount).slice(0, options.limit!);
  sortLabels(pool, options.sort);
  let min = Infinity;
  let max = -Infinity;
  for (const l of pool) {
    if (l.count < min) min = l.count;
    if (l.count > max) max = l.count;
  }
  return { labels: pool.map((l) => ({ name: l.name, count: l.count, step: cloudStep(l.count, min, max) })), total, more };
}

/** Sorts labels in place: alphabetically as a reader reads (case and accents aside), or most used first. */
export function sortLabels<T extends { name: string; count: number }>(labels: T[], sort: LabelsGadget['sort']): T[] {
  return labels.sort(sort === 'count' ? byCount : compareNames);
}

/**
 * A label's font step in a cloud (1 to CLOUD_STEPS) from its post count and the smallest and
 * largest count shown, on a log scale: post counts are skewed, and a linear scale puts every
 * label but the top one at the smallest size.
 */
export function cloudStep(count: number, min: number, max: number): number {
  const log = (n: number) => Math.log(Math.max(0, n) + 1);
  if (!(max > min)) return Math.ceil(CLOUD_STEPS / 2);
  const t = (log(count) - log(min)) / (log(max) - log(min));
  return Math.min(CLOUD_STEPS, Math.max(1, 1 + Math.round(t * (CLOUD_STEPS - 1))));
}

/** The stored options, each field checked on its own: anything unknown takes its default. */
export function parseLabelsGadget(stored: unknown): LabelsGadget {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const d = DEFAULT_LABELS_GADGET;
  const limit = value.limit;
  return {
    show: value.show === 'all' || value.show === 'selected' ? value.show : d.show,
    selected: Array.isArray(value.selected) ? value.selected.filter((n): n is string => typeof n === 'string').slice(0, MAX_SELECTED_LABELS) : d.selected,
    sort: value.sort === 'name' || value.sort === 'count' ? value.sort : d.sort,
    display: value.display === 'list' || value.display === 'cloud' ? value.display : d.display,
    showCounts: typeof value.showCounts === 'boolean' ? value.showCounts : d.showCounts,
    limit: limit === null ? null : Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LABELS_LIMIT ? (limit as number) : d.limit,
  };
}

/** How many labels the search page offers to narrow a search by. */
export const SEARCH_LABEL_CHOICES = 30;

/**
 * The search page's label choices: the most used labels (as the gadget's default), alphabetically,
 * and the one a reader already chose. Offering all 500 labels of a large blog put 500 options in
 * every search page, half of its HTML, and a select no one scrolls on a phone.
 */
export function searchLabelChoices(labels: readonly { name: string; count: number }[], current?: string): string[] {
  const top = [...labels].sort(byCount).slice(0, SEARCH_LABEL_CHOICES);
  if (current && !top.some((l) => l.name === current)) {
    const chosen = labels.find((l) => l.name === current);
    if (chosen) top.push(chosen);
  }
  return sortLabels(top, 'name').map((l) => l.name);
}
