import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import LabelPage, { generateMetadata } from './page';

// Outside a request there is no request scope; connection() only marks a page dynamic.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Labeller', email: 'labeller@example.com' })).id;
  await savePost({ authorId, title: 'Seven labels', body: '<p>x</p>', labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], action: 'publish', timeZone: 'UTC' });
});

/** Every string and number in a rendered element tree: children run together as rendered, props apart. */
function strings(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(strings).join('');
  if (node && typeof node === 'object' && 'props' in node) {
    return Object.values((node as { props: Record<string, unknown> }).props).map(strings).join(' ');
  }
  return '';
}

const props = (label: string) => ({ params: Promise.resolve({ label }), searchParams: Promise.resolve({}) });

describe('/search/label/A+B…', () => {
  it('counts a repeated label once, and points search engines at the address without repeats', async () => {
    const page = strings(await LabelPage(props('A+A+A+B+A')));
    expect(page).toContain('A and B');
    expect(page).not.toContain('not applied');
    const metadata = await generateMetadata(props('A+A+A+B+A'));
    expect(metadata.title).toBe('A + B');
    expect(metadata.alternates?.canonical).toBe('/search/label/A%2BB');
  });

  it('combines the first five labels and says which were not applied', async () => {
    const page = strings(await LabelPage(props('A+B+C+D+E+F+G+A')));
    expect(page).toContain('A and B and C and D and E');
    expect(page).toContain('At most 5 labels can be combined; not applied:');
    expect(page).toContain('F, G');
  });
});
