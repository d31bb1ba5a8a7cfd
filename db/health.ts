import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from './client';

/** The cheapest real round trip: proves the file opens and answers a query. */
export async function pingDatabase(): Promise<void> {
  getDb().get(sql`select 1`);
}
