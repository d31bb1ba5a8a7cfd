import { connection } from 'next/server';
import { pingDatabase } from '@/db/health';

const noStore = { 'cache-control': 'no-store' };

/** For uptime monitors and load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  // Rendered per request, never at build time: the build must not open the database.
  await connection();
  try {
    await pingDatabase();
    return Response.json({ status: 'ok' }, { headers: noStore });
  } catch (error) {
    console.error(`health: database check failed: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json(
      { status: 'error', message: 'The database is not answering; see the server log.' },
      { status: 503, headers: noStore },
    );
  }
}
