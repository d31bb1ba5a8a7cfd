/** Where the page sends its page views (components/page-view-beacon.tsx); answered by server/stats.ts. */
export const BEACON_PATH = '/api/stats/hit';
