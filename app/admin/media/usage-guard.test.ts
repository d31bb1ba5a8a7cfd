import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthor, createFirstAdmin } from '@/db/authors';
import { createMedia } from '@/db/media';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { session } from '@/test/next-auth-mock';

// As in app/admin/guard.test.ts: only the library boundary is replaced; the page runs as written.
vi.mock('next-auth', () => import('@/test/next-auth-mock'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

const hash = 'a'.repeat(64);
let mediaId: number;
let adminId: number;
let beaId: number;

beforeAll(async () => {
  await migrateDatabase();
  adminId = (await createFirstAdmin({ name: 'Owner', email: 'owner@example.com', passwordHash: 'x', blogTitle: 'Shared' }))!.id;
  beaId = (await createAuthor({ name: 'Bea', email: 'bea@example.com', role: 'author', passwordHash: 'y' })).id;
  const cyId = (await createAuthor({ name: 'Cy', email: 'cy@example.com', role: 'author', passwordHash: 'z' })).id;
  mediaId = (
    await createMedia({ hash, filename: 'shared.png', format: 'png', width: 10, height: 10, bytes: 100, variants: [], uploadedBy: cyId })
  ).id;
  const body = `<p><img src="/media/${hash}.png" alt=""></p>`;
  const save = (authorId: number, title: string, extra: object) => savePost({ authorId, title, body, labels: [], timeZone: 'UTC', ...extra });
  await save(cyId, "Cy's secret launch plan", { action: 'draft' });
  await save(cyId, "Cy's embargoed review", { action: 'schedule', scheduleAt: new Date(Date.now() + 7 * 86_400_000) });
  await save(cyId, "Cy's public harvest", { action: 'publish' });
  await save(beaId, "Bea's own draft", { action: 'draft' });
});

beforeEach(() => {
  session.current = null;
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

/** The delete page as a signed-in author sees it. */
async function deletePageAs(authorId: number): Promise<string> {
  session.current = { user: { id: String(authorId), sv: 0 } };
  const { default: DeleteMediaPage } = await import('./[id]/delete/page');
  return strings(await DeleteMediaPage({ params: Promise.resolve({ id: String(mediaId) }) }));
}

describe("the media delete page names only posts the viewer may see", () => {
  it("an author sees their own drafts and published posts by name, and others' unpublished posts only as a count", async () => {
    const page = await deletePageAs(beaId);
    expect(page).toContain("Bea's own draft");
    expect(page).toContain("Cy's public harvest");
    expect(page).not.toContain("Cy's secret launch plan");
    expect(page).not.toContain("Cy's embargoed review");
    expect(page).toContain('2 unpublished posts by other authors');
  });

  it('an admin sees every post that uses the image by name', async () => {
    const page = await deletePageAs(adminId);
    for (const title of ["Bea's own draft", "Cy's public harvest", "Cy's secret launch plan", "Cy's embargoed review"]) expect(page).toContain(title);
    expect(page).not.toContain('by other authors');
  });
});
