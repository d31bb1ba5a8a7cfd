import { describe, expect, it } from 'vitest';
import { MAX_COMBINED_LABELS, combineLabels } from './label-filter';

describe('combineLabels', () => {
  it('collapses repeats, keeping the order first named: A+A+B is A+B', () => {
    expect(combineLabels(['A', 'A', 'B', 'A'])).toEqual({ labels: ['A', 'B'], dropped: [] });
    expect(combineLabels(Array<string>(1000).fill('Garden'))).toEqual({ labels: ['Garden'], dropped: [] });
  });

  it('keeps case apart, as labels are stored', () => {
    expect(combineLabels(['Garden', 'garden']).labels).toEqual(['Garden', 'garden']);
  });

  it(`combines at most ${MAX_COMBINED_LABELS} labels and names the rest, counting repeats once`, () => {
    expect(combineLabels(['A', 'B', 'A', 'C', 'D', 'E', 'B', 'F', 'G'])).toEqual({ labels: ['A', 'B', 'C', 'D', 'E'], dropped: ['F', 'G'] });
  });
});
