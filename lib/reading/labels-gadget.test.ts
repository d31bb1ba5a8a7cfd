import { describe, expect, it } from 'vitest';
import { CLOUD_STEPS, DEFAULT_LABELS_GADGET, SEARCH_LABEL_CHOICES, cloudStep, parseLabelsGadget, searchLabelChoices, selectGadgetLabels, type LabelsGadget } from './labels-gadget';

const counts = (entries: [string, number][]) => entries.map(([name, count]) => ({ name, count }));
const names = (result: ReturnType<typeof selectGadgetLabels>) => result.labels.map((l) => l.name);
const options = (changes: Partial<LabelsGadget>): LabelsGadget => ({ ...DEFAULT_LABELS_GADGET, ...changes });

// A blog the size of the bench's: 500 labels, label N on N posts.
const many = Array.from({ length: 500 }, (_, i) => ({ name: `Label ${String(i + 1).padStart(3, '0')}`, count: i + 1 }));

describe('selectGadgetLabels', () => {
  it('shows every label of a small blog by default, alphabetically with counts, and no "all labels" link', () => {
    const result = selectGadgetLabels(counts([['recipes', 3], ['Travel', 9], ['Apples', 1]]), DEFAULT_LABELS_GADGET);
    expect(names(result)).toEqual(['Apples', 'recipes', 'Travel']);
    expect(result.total).toBe(3);
    expect(result.more).toBe(false);
  });

  it('shows only the 30 most used of 500 labels by default, and says more exist', () => {
    const result = selectGadgetLabels(many, DEFAULT_LABELS_GADGET);
    expect(result.labels).toHaveLength(30);
    expect(Math.min(...result.labels.map((l) => l.count))).toBe(471);
    expect(names(result)).toEqual([...names(result)].sort());
    expect(result).toMatchObject({ total: 500, more: true });
  });

  it('shows all 30 of a blog with exactly 30 labels (the cap only bites beyond it)', () => {
    const result = selectGadgetLabels(many.slice(0, 30), DEFAULT_LABELS_GADGET);
    expect(result.labels).toHaveLength(30);
    expect(result.more).toBe(false);
  });

  it('shows every label when the author removes the cap', () => {
    expect(selectGadgetLabels(many, options({ limit: null })).labels).toHaveLength(500);
  });

  it('sorts by frequency, most used first, ties alphabetically', () => {
    const result = selectGadgetLabels(counts([['b', 2], ['a', 2], ['c', 7], ['d', 1]]), options({ sort: 'count' }));
    expect(names(result)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('keeps the most used when capping, breaking ties by name so the choice is stable', () => {
    const result = selectGadgetLabels(counts([['z', 5], ['b', 5], ['a', 5], ['c', 9]]), options({ limit: 2 }));
    expect(names(result)).toEqual(['a', 'c']);
    expect(result.more).toBe(true);
  });

  it('shows only the selected labels that still have posts, in the chosen order', () => {
    const result = selectGadgetLabels(counts([['Travel', 9], ['Food', 4], ['Garden', 2]]), options({ show: 'selected', selected: ['Garden', 'Travel', 'Gone'], sort: 'count' }));
    expect(names(result)).toEqual(['Travel', 'Garden']);
    expect(result).toMatchObject({ total: 2, more: false });
  });

  it('matches selected labels exactly, as labels are stored', () => {
    expect(names(selectGadgetLabels(counts([['Travel', 1], ['travel', 1]]), options({ show: 'selected', selected: ['travel'] })))).toEqual(['travel']);
  });

  it('caps the selected labels too, and says more exist', () => {
    const result = selectGadgetLabels(many, options({ show: 'selected', selected: many.slice(0, 40).map((l) => l.name) }));
    expect(result.labels).toHaveLength(30);
    expect(result).toMatchObject({ total: 40, more: true });
  });

  it('gives each shown label a cloud step from its post count, smallest to largest', () => {
    const result = selectGadgetLabels(counts([['rare', 1], ['some', 10], ['common', 100]]), options({ display: 'cloud' }));
    const step = Object.fromEntries(result.labels.map((l) => [l.name, l.step]));
    expect(step).toEqual({ rare: 1, some: 3, common: CLOUD_STEPS });
  });
});

describe('cloudStep', () => {
  it('spreads counts over the steps on a log scale, so one huge label does not flatten the rest', () => {
    expect(cloudStep(1, 1, 1000)).toBe(1);
    expect(cloudStep(1000, 1, 1000)).toBe(CLOUD_STEPS);
    expect(cloudStep(32, 1, 1000)).toBe(3);
    expect(cloudStep(5, 1, 1000)).toBe(2);
  });

  it('puts every label on the middle step when all have the same count', () => {
    expect(cloudStep(4, 4, 4)).toBe(Math.ceil(CLOUD_STEPS / 2));
  });

  it('never leaves the steps, whatever it is given', () => {
    for (const [count, min, max] of [[0, 0, 10], [50, 1, 10], [1, 5, 10], [-3, -3, 2]] as const) {
      const step = cloudStep(count, min, max);
      expect(step).toBeGreaterThanOrEqual(1);
      expect(step).toBeLessThanOrEqual(CLOUD_STEPS);
    }
  });
});

describe('parseLabelsGadget', () => {
  it('reads what the settings form stored', () => {
    const stored = { show: 'selected', selected: ['A'], sort: 'count', display: 'cloud', showCounts: false, limit: 12 };
    expect(parseLabelsGadget(stored)).toEqual(stored);
  });

  it('falls back to the defaults, field by field, for anything it does not know', () => {
    expect(parseLabelsGadget(null)).toEqual(DEFAULT_LABELS_GADGET);
    expect(parseLabelsGadget('nonsense')).toEqual(DEFAULT_LABELS_GADGET);
    expect(parseLabelsGadget({ show: 'some', sort: 'count', limit: -4, selected: [1, 'B'] })).toEqual({ ...DEFAULT_LABELS_GADGET, sort: 'count', selected: ['B'] });
    expect(parseLabelsGadget({ limit: null })).toEqual({ ...DEFAULT_LABELS_GADGET, limit: null });
  });

  it('defaults to all labels up to 30 most used, listed alphabetically with counts', () => {
    expect(DEFAULT_LABELS_GADGET).toEqual({ show: 'all', selected: [], sort: 'name', display: 'list', showCounts: true, limit: 30 });
  });
});

describe('searchLabelChoices', () => {
  const many = Array.from({ length: 500 }, (_, i) => ({ name: `Label ${String(i).padStart(3, '0')}`, count: 500 - i }));

  it('offers the 30 most used labels alphabetically, not all 500', () => {
    const choices = searchLabelChoices(many);
    expect(choices).toHaveLength(SEARCH_LABEL_CHOICES);
    expect(choices[0]).toBe('Label 000');
    expect(choices).not.toContain('Label 030');
    expect([...choices].sort()).toEqual(choices);
  });

  it('keeps the label a reader searched within, even a rare one, and ignores one that does not exist', () => {
    expect(searchLabelChoices(many, 'Label 499')).toContain('Label 499');
    expect(searchLabelChoices(many, 'Nope')).toHaveLength(SEARCH_LABEL_CHOICES);
  });
});
