import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { BENCH_WRITER_EMAIL_DOMAIN } from '@/db/bench';
import { submissionIdentity } from '@/lib/comments/comments';

export type WritersResult = {
  writers: number;
  seconds: number;
  sent: number;
  accepted: number;
  acceptedPerSecond: number;
  byStatus: Record<string, number>;
  /** Submission keys of the comments the server acknowledged (201/200), to look up afterwards. */
  acceptedKeys: string[];
  p50: number;
  p99: number;
};

const MIN_FILL_MS = 2_100;

/**
 * `writers` concurrent commenters posting to /comments for `seconds`, as the comment form does
 * with JavaScript (multipart form, Accept: application/json), each on its own keep-alive
 * connection. The form is encoded by hand and sent with node:http rather than fetch: fetch and
 * FormData cost this process about 2.8 ms of CPU per comment, more than the server spends storing
 * it, and the two share the machine's cores. The signed "shown at" time comes
 * from a real rendered form; comments sent less than 2 s after it would still be accepted (held
 * as pending), but waiting makes them publish as a reader's would. Each comment gets a fresh
 * submission key in the page's own format (18 random bytes, base64url): the page renders one key
 * per view, and fetching a page per comment would measure page rendering, not comment writing.
 * Flood control is per IP and per email, so every comment has its own X-Forwarded-For (the app
 * takes the last entry) and its own email.
 */
export async function runCommentWriters({
  baseUrl,
  postPath,
  postIds,
  writers,
  seconds,
}: {
  baseUrl: string;
  postPath: string;
  postIds: number[];
  writers: number;
  seconds: number;
}): Promise<WritersResult> {
  const page = await (await fetch(`${baseUrl}${postPath}`)).text();
  const shownAt = /name="shownAt" value="([^"]+)"/.exec(page)?.[1];
  const pageKey = /name="submissionKey" value="([^"]+)"/.exec(page)?.[1];
  if (!shownAt || !pageKey) throw new Error(`${postPath} has no comment form to take a shownAt token from`);
  const wait = Number(shownAt.split('.')[0]) + MIN_FILL_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));

  const byStatus: Record<string, number> = {};
  const acceptedKeys: string[] = [];
  const latencies: number[] = [];
  let sent = 0;
  let serial = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const runId = randomBytes(3).toString('hex');

  async function writer(w: number) {
    while (Date.now() < deadline) {
      const n = serial++;
      const key = randomBytes(18).toString('base64url');
      const postId = postIds[n % postIds.length]!;
      const name = `Writer ${w}`;
      const body = `Comment ${n} of run ${runId} from writer ${w}: thanks for the post, the part about the harbour was new to me.`;
      const form = multipartForm([
        ['postId', String(postId)],
        ['submissionKey', key],
        ['shownAt', shownAt!],
        ['homepage', ''],
        ['name', name],
        ['email', `w${w}-${n}-${runId}@${BENCH_WRITER_EMAIL_DOMAIN}`],
        ['website', ''],
        ['body', body],
      ]);
      const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const t = performance.now();
      sent++;
      try {
        const status = await post(agent, `${baseUrl}/comments`, form.body, {
          'content-type': form.type,
          accept: 'application/json',
          'x-forwarded-for': `203.0.113.9, ${ip}`,
          referer: `${baseUrl}${postPath}`,
        });
        latencies.push(performance.now() - t);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        // Stored under the identity the server derives from the key and the comment (lib/comments/comments.ts).
        if (status === 201 || status === 200) acceptedKeys.push(submissionIdentity({ key, postId, name, body }));
      } catch (error) {
        const what = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
        byStatus[what] = (byStatus[what] ?? 0) + 1;
      }
    }
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: writers });
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  agent.destroy();
  const took = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? Number.NaN;
  return {
    writers,
    seconds: took,
    sent,
    accepted: acceptedKeys.length,
    acceptedPerSecond: acceptedKeys.length / took,
    byStatus,
    acceptedKeys,
    p50: pct(50),
    p99: pct(99),
  };
}

/** A multipart/form-data body as a browser encodes text fields. */
function multipartForm(fields: [string, string][]): { type: string; body: Buffer } {
  const boundary = `----BlogsteadBench${randomBytes(12).toString('hex')}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`) };
}

/** One POST; resolves with the status once the whole answer has arrived. */
function post(agent: http.Agent, url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
