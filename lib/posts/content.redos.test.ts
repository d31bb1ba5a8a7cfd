import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import { htmlToText, makeExcerpt, normaliseNewlines, parseLabels, splitAtMore, toPostHtml } from './content';
import { postInput } from './post-input';

// Every case runs under Vitest's default 5 s timeout; the old regexes took minutes on each.
const inputs = Object.entries({ ...hostileMarkup(), ...hostilePlainText() });

describe('toPostHtml on 1 MB of hostile input', () => {
  it.each(inputs)('%s', (_, input) => {
    expect(toPostHtml(input)).not.toMatch(/<script/i);
  });
});

describe('htmlToText on 1 MB of hostile input', () => {
  it.each(inputs)('%s', (_, input) => {
    const text = htmlToText(input);
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\s\s/);
  });
});

describe('makeExcerpt on 1 MB of hostile input', () => {
  it.each(inputs)('%s', (_, input) => {
    expect(makeExcerpt(input).length).toBeLessThanOrEqual(281);
  });
});

describe('splitAtMore on 1 MB of hostile input', () => {
  it.each(inputs)('%s', (_, input) => {
    expect(splitAtMore(input).hasMore).toBe(false);
  });
});

describe('the other text helpers on 1 MB of hostile input', () => {
  it.each(inputs)('%s', (_, input) => {
    expect(normaliseNewlines(input)).not.toContain('\r');
    expect(parseLabels(input).every((label) => label === label.trim())).toBe(true);
  });
});

describe("the editor's post input (title, body and labels) on 1 MB of hostile input", () => {
  it.each(inputs)('%s', (_, input) => {
    // Either a clean post or a field error; never a hang.
    const body = postInput.safeParse({ title: 'Hostile', body: input, labels: input.slice(0, 200) });
    if (body.success) expect(body.data.body).not.toMatch(/<script/i);
    else expect(body.error.issues.map((i) => i.path[0])).toEqual(['body']);
    const title = postInput.safeParse({ title: input, body: 'Fine.' });
    if (!title.success) expect(title.error.issues.map((i) => i.path[0])).toEqual(['title']);
  });
});
