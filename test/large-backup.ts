import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes a Blogger backup of about this many megabytes: posts with ~6 KB bodies, two labels each, three comments each. */
export async function writeLargeBackup(file: string, megabytes: number): Promise<{ posts: number; comments: number }> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const paragraph = '<p>' + 'The quick brown fox jumps over the lazy dog, and the harbour lights come on one by one. '.repeat(12) + '</p>';
  const body = paragraph.repeat(5).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  await write(`<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>\n<id>tag:blogger.com,1999:blog-1.archive</id>\n`);
  let posts = 0;
  let comments = 0;
  const target = megabytes * 1024 * 1024;
  while (out.bytesWritten + out.writableLength < target) {
    posts++;
    const day = new Date(Date.UTC(2010, 0, 1) + posts * 3_600_000 * 5);
    const month = String(day.getUTCMonth() + 1).padStart(2, '0');
    const postId = `tag:blogger.com,1999:blog-1.post-${posts}`;
    const url = `https://big.blogspot.com/${day.getUTCFullYear()}/${month}/post-number-${posts}.html`;
    await write(`<entry><id>${postId}</id><published>${day.toISOString()}</published><updated>${day.toISOString()}</updated>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<category scheme='http://www.blogger.com/atom/ns#' term='Label ${posts % 50}'/><category scheme='http://www.blogger.com/atom/ns#' term='Year ${day.getUTCFullYear()}'/>
<title type='text'>Post number ${posts}</title><content type='html'>${body}</content>
<link rel='alternate' type='text/html' href='${url}'/><author><name>Big Blogger</name></author></entry>\n`);
    for (let c = 0; c < 3; c++) {
      comments++;
      await write(`<entry><id>tag:blogger.com,1999:blog-1.post-${10_000_000 + comments}</id><published>${new Date(day.getTime() + (c + 1) * 60_000).toISOString()}</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
<content type='html'>Comment ${c} on post ${posts}: thanks for writing this, it helped me a lot.</content>
<author><name>Reader ${comments % 300}</name></author><thr:in-reply-to ref='${postId}'/></entry>\n`);
    }
  }
  await write('</feed>\n');
  out.end();
  await once(out, 'finish');
  return { posts, comments };
}

