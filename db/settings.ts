import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, preparedPerConnection } from './client';
import { DEFAULT_GADGETS, parseGadgetLayout } from '@/lib/reading/gadgets';
import { DEFAULT_LABELS_GADGET, parseLabelsGadget } from '@/lib/reading/labels-gadget';
import { DEFAULT_POPULAR_GADGET, parsePopularGadget } from '@/lib/reading/popular-gadget';
import { settings, type Settings } from './schema';

const defaults: Settings = {
  id: 1,
  blogTitle: 'My Blog',
  blogDescription: '',
  headerAdsHtml: '',
  postsPerPage: 10,
  timezone: 'UTC',
  commentModeration: 'never',
  moderateAfterDays: 14,
  trustApprovedCommenters: true,
  blockedWords: '',
  notifyEmails: '',
  gadgets: DEFAULT_GADGETS,
  labelsGadget: DEFAULT_LABELS_GADGET,
  popularGadget: DEFAULT_POPULAR_GADGET,
};

/** The blog's settings; defaults until the first setup writes the row. */
// Read for every page and every comment posted.
const settingsRow = preparedPerConnection((db) => db.select().from(settings).where(eq(settings.id, 1)).prepare());

export async function getSettings(): Promise<Settings> {
  const row = settingsRow().get() ?? defaults;
  return { ...row, gadgets: parseGadgetLayout(row.gadgets), labelsGadget: parseLabelsGadget(row.labelsGadget), popularGadget: parsePopularGadget(row.popularGadget) };
}

export async function updateSettings(values: Partial<Omit<Settings, 'id'>>): Promise<void> {
  getDb()
    .insert(settings)
    .values({ ...values, id: 1 })
    .onConflictDoUpdate({ target: settings.id, set: values })
    .run();
}
