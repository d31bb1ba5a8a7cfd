import { commentsFeed } from '../../responses';

export function GET(request: Request) {
  return commentsFeed(request);
}
