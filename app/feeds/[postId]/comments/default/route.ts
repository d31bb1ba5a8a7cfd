import { commentsFeed } from '../../../responses';

/** Blogger's per-post comment feed, /feeds/POST_ID/comments/default. */
export async function GET(request: Request, { params }: { params: Promise<{ postId: string }> }) {
  const { postId } = await params;
  if (!/^\d{1,15}$/.test(postId)) return new Response('No such post on this blog.', { status: 404 });
  return commentsFeed(request, { postId: Number(postId) });
}
