import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFirstAdmin } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { DEFAULT_LABELS_GADGET } from '@/lib/reading/labels-gadget';
import { session } from '@/test/next-auth-mock';

// Only the library boundary is replaced: auth.ts, requireAuthor() and the action run as written.
vi.mock('next-auth', () => import('@/test/next-auth-mock'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { saveSettings } = await import('./actions');

/** Runs the action and returns where it redirected to, or what it answered. */
async function submit(fields: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  try {
    return { state: await saveSettings({}, form) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return { redirect: digest.split(';')[2] };
  }
}

const form = {
  blogTitle: 'Labelled',
  blogDescription: '',
  postsPerPage: '10',
  timezone: 'UTC',
  headerAdsHtml: '',
  commentModeration: 'never',
  moderateAfterDays: '14',
  blockedWords: '',
  notifyEmails: '',
  'gadget-labels-show': 'on',
  'gadget-labels-position': '1',
  labelsShow: 'all',
  labelsSelected: '',
  labelsSort: 'name',
  labelsDisplay: 'list',
  labelsShowCounts: 'on',
  labelsLimit: '30',
};

beforeAll(async () => {
  await migrateDatabase();
  const admin = await createFirstAdmin({ name: 'Owner', email: 'owner@example.com', passwordHash: 'x', blogTitle: 'Labelled' });
  session.current = { user: { id: String(admin!.id), sv: 0 } };
  await savePost({ authorId: admin!.id, title: 'Trip', body: '<p>x</p>', labels: ['Travel', 'Food & Drink'], action: 'publish', timeZone: 'UTC' });
});

describe('saving the Labels gadget in Admin → Settings', () => {
  it('keeps a cloud of the selected labels, most used first, without counts', async () => {
    const sent = { ...form, labelsShow: 'selected', labelsSelected: 'Travel, Food & Drink', labelsSort: 'count', labelsDisplay: 'cloud', labelsLimit: '5' };
    delete (sent as Partial<typeof sent>).labelsShowCounts;
    expect(await submit(sent)).toEqual({ redirect: '/admin/settings?saved=1' });
    expect((await getSettings()).labelsGadget).toEqual({ show: 'selected', selected: ['Travel', 'Food & Drink'], sort: 'count', display: 'cloud', showCounts: false, limit: 5 });
  });

  it('refuses a label that does not exist, on its field, keeping what was typed and changing nothing', async () => {
    const before = (await getSettings()).labelsGadget;
    const { state } = await submit({ ...form, labelsShow: 'selected', labelsSelected: 'Travel, travel, Gardening', labelsShowCounts: 'on' });
    expect(state?.errors).toEqual({ labelsSelected: ['There are no labels “travel”, “Gardening”. Pick from the labels suggested as you type (capitals count).'] });
    expect(state?.values).toMatchObject({ labelsSelected: 'Travel, travel, Gardening', labelsShowCounts: 'on' });
    expect((await getSettings()).labelsGadget).toEqual(before);
  });

  it('keeps the selected labels while showing all of them, without checking them', async () => {
    expect(await submit({ ...form, labelsSelected: 'Not yet written' })).toEqual({ redirect: '/admin/settings?saved=1' });
    expect((await getSettings()).labelsGadget).toEqual({ ...DEFAULT_LABELS_GADGET, selected: ['Not yet written'] });
  });

  it('ties a bad limit to its field', async () => {
    const { state } = await submit({ ...form, labelsLimit: '-1' });
    expect(state?.errors?.labelsLimit).toEqual(['Show at least 1 label, or leave this empty to show them all.']);
  });
});
