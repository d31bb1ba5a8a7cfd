import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS_GADGET, type LabelsGadget } from '@/lib/reading/labels-gadget';
import { LabelsGadgetView } from './labels-gadget';

// A blog the size of the bench's: 500 labels, label N on N posts.
const many = Array.from({ length: 500 }, (_, i) => ({ name: `Label ${i + 1}`, count: i + 1 }));
const few = [
  { name: 'Travel', count: 40 },
  { name: 'Food & Drink', count: 6 },
  { name: 'Garden', count: 1 },
];

function render(labels: { name: string; count: number }[], changes: Partial<LabelsGadget> = {}) {
  const html = renderToStaticMarkup(<LabelsGadgetView labels={labels} options={{ ...DEFAULT_LABELS_GADGET, ...changes }} />);
  const doc = { html, links: [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1], text: m[2] })) };
  return doc;
}

describe('the Labels gadget', () => {
  it('puts the 30 most used of 500 labels on the page by default, and a link to all of them', () => {
    const { links } = render(many);
    expect(links).toHaveLength(31);
    expect(links.at(-1)).toEqual({ href: '/search/label', text: 'All labels (500)' });
    expect(links.map((l) => l.text)).toContain('Label 500');
    expect(links.map((l) => l.text)).not.toContain('Label 470');
  });

  it('lists every label of a small blog with its count, and no "all labels" link', () => {
    const { html, links } = render(few);
    expect(links.map((l) => l.text)).toEqual(['Food &amp; Drink', 'Garden', 'Travel']);
    expect(links[0]!.href).toBe('/search/label/Food%20%26%20Drink');
    expect(html).toContain('<span> (40)</span>');
  });

  it('draws a cloud as a list of links sized by post count, with counts as text for screen readers', () => {
    const { html, links } = render(few, { display: 'cloud', showCounts: false });
    expect(html).toMatch(/^<section[^>]*><h2[^>]*>Labels<\/h2><div[^>]*><ul[^>]*>(<li[^>]*>.*?<\/li>)+<\/ul><\/div><\/section>$/);
    expect(links.map((l) => l.text)).toEqual(['Food &amp; Drink', 'Garden', 'Travel']);
    expect(html).toMatch(/<li class="text-xl"><a [^>]*>Travel<\/a><span class="sr-only"> \(40 posts\)<\/span><\/li>/);
    expect(html).toMatch(/<li class="text-xs"><a [^>]*>Garden<\/a><span class="sr-only"> \(1 post\)<\/span><\/li>/);
    expect(html).toMatch(/<a title="40 posts" href="\/search\/label\/Travel">/);
  });

  it('shows counts in a cloud when asked, and no count at all in a list without them', () => {
    expect(render(few, { display: 'cloud' }).html).toContain('Travel</a><span> (40)</span>');
    expect(render(few, { showCounts: false }).html).not.toMatch(/\(\d+/);
  });

  it('shows nothing when none of the selected labels has a post', () => {
    expect(render(few, { show: 'selected', selected: ['Gone'] }).html).toBe('');
  });
});
