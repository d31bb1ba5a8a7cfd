import { getCurrentAuthor } from '@/auth';
import { answerCommentPost } from '@/server/comment-post';

/**
 * Where the comment form posts, for signed-in authors: the front server (server.ts) answers
 * everyone else itself, through the same `answerCommentPost`, without Next's request path. An
 * author's session needs Auth.js to read, and comes here.
 */
export async function POST(request: Request) {
  const answer = await answerCommentPost({ headers: request.headers, body: chunks(request.body), currentAuthor: getCurrentAuthor });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
