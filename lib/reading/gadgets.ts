/** The sidebar gadgets a blog can show, as on Blogger's Layout page, with their headings. */
export const GADGETS = {
  search: 'Search This Blog',
  profile: 'About Me',
  popular: 'Popular Posts',
  archive: 'Blog Archive',
  labels: 'Labels',
  pages: 'Pages',
  subscribe: 'Subscribe To',
  // Blogger's "Follow by Email": new posts by email, double opt-in (app/email/subscribe).
  follow: 'Follow by Email',
  attribution: 'Attribution',
} as const;

export type GadgetId = keyof typeof GADGETS;

export const DEFAULT_GADGETS: GadgetId[] = ['search', 'profile', 'popular', 'archive', 'labels', 'pages', 'subscribe', 'attribution'];

/** The stored layout, keeping only known gadgets once each, in the order the admin chose. */
export function parseGadgetLayout(stored: unknown): GadgetId[] {
  if (!Array.isArray(stored)) return DEFAULT_GADGETS;
  const seen = new Set<GadgetId>();
  for (const id of stored) if (typeof id === 'string' && id in GADGETS) seen.add(id as GadgetId);
  return [...seen];
}
