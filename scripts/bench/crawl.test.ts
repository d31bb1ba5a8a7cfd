import { describe, expect, it } from 'vitest';
import { chooseSearchQueries, percentile, spreadOver } from './crawl';

describe('spreadOver', () => {
  const archive = Array.from({ length: 100_000 }, (_, i) => `/post-${i}.html`);

  it('takes evenly spaced, distinct items over the whole archive after the newest ones', () => {
    const picked = spreadOver(archive, 1000, { skipFirst: 1000 });
    expect(picked).toHaveLength(1000);
    expect(new Set(picked).size).toBe(1000);
    const indexes = picked.map((p) => Number(/\d+/.exec(p)![0]));
    expect(indexes[0]).toBe(1000);
    expect(indexes.at(-1)).toBeGreaterThanOrEqual(99_900);
    const gaps = indexes.slice(1).map((x, i) => x - indexes[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('gives every remaining item when fewer are left than asked for, and nothing for zero', () => {
    expect(spreadOver(archive.slice(0, 50), 1000, { skipFirst: 10 })).toEqual(archive.slice(10, 50));
    expect(spreadOver(archive, 0)).toEqual([]);
    expect(spreadOver(archive.slice(0, 5), 3, { skipFirst: 10 })).toEqual([]);
  });
});

describe('percentile', () => {
  it('is the nearest-rank percentile of unsorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(values[0]).toBe(100);
  });

  it('is NaN, not zero, with nothing measured', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('chooseSearchQueries', () => {
  const words = Array.from({ length: 250 }, (_, i) => `w${i}`);

  it('spreads distinct queries over the vocabulary, from frequent to rare words, leaving out the repeated one', () => {
    const queries = chooseSearchQueries([...words, 'marmalade'], 100, ['marmalade']);
    expect(queries).toHaveLength(100);
    expect(new Set(queries).size).toBe(100);
    expect(queries).not.toContain('marmalade');
    expect(queries[0]).toBe('w0');
    expect(queries).toContain('w249');
  });

  it('pairs words once single words run out, still all distinct', () => {
    const queries = chooseSearchQueries(words, 400);
    expect(queries).toHaveLength(400);
    expect(new Set(queries).size).toBe(400);
    expect(queries.filter((q) => q.includes(' '))).toHaveLength(150);
  });
});
