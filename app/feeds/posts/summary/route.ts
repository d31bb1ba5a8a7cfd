import { postsFeed } from '../../responses';

/** Blogger's summary feed: the same entries without the full bodies. */
export function GET(request: Request) {
  return postsFeed(request, { summaryOnly: true });
}
