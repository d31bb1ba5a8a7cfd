import { postsFeed } from '../../responses';

export function GET(request: Request) {
  return postsFeed(request);
}
