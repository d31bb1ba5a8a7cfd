import { describe, expect, it } from 'vitest';
import { sideBySide, wordChanges } from './revision-diff';

describe('sideBySide', () => {
  it('pairs a changed paragraph and keeps unchanged ones across from each other', () => {
    const rows = sideBySide('<p>One</p><p>Two</p><p>Three</p>', '<p>One</p><p>2</p><p>Three</p><p>Four</p>');
    expect(rows).toEqual([
      { left: '<p>One</p>', right: '<p>One</p>', kind: 'same' },
      { left: '<p>Two</p>', right: '<p>2</p>', kind: 'changed' },
      { left: '<p>Three</p>', right: '<p>Three</p>', kind: 'same' },
      { left: null, right: '<p>Four</p>', kind: 'added' },
    ]);
  });
});

describe('wordChanges', () => {
  it('marks removed and added words', () => {
    expect(wordChanges('Hello old world', 'Hello new world').filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([
      ['removed', 'old'],
      ['added', 'new'],
    ]);
  });
});
