import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ImportedComment, ImportedPost } from './types';

/**
 * Parsed posts and comments wait on disk (one JSON line each) between reading the file and
 * writing the database, so a 100 MB backup never sits in memory and the database is only
 * touched once the whole file has been read and found sound.
 */
export class Staging {
  readonly dir: string;
  private readonly files = { posts: '', comments: '' };
  private readonly fds: { posts: number; comments: number };
  private open = true;

  constructor(parent: string) {
    this.dir = mkdtempSync(path.join(parent, 'import-'));
    this.files.posts = path.join(this.dir, 'posts.jsonl');
    this.files.comments = path.join(this.dir, 'comments.jsonl');
    this.fds = { posts: openSync(this.files.posts, 'w'), comments: openSync(this.files.comments, 'w') };
  }

  add(item: ImportedPost | ImportedComment): void {
    writeSync(item.kind === 'post' ? this.fds.posts : this.fds.comments, `${JSON.stringify(item)}\n`);
  }

  finish(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fds.posts);
    closeSync(this.fds.comments);
  }

  /** Read back synchronously, so the whole database write can be one transaction. */
  *posts(): Generator<ImportedPost> {
    for (const line of readLines(this.files.posts)) yield revive(JSON.parse(line)) as ImportedPost;
  }

  *comments(): Generator<ImportedComment> {
    for (const line of readLines(this.files.comments)) yield revive(JSON.parse(line)) as ImportedComment;
  }

  remove(): void {
    this.finish();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function revive(item: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['publishedAt', 'updatedAt', 'createdAt']) {
    if (typeof item[key] === 'string') item[key] = new Date(item[key] as string);
  }
  return item;
}

function* readLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1024 * 1024);
  let rest = Buffer.alloc(0);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      let chunk = Buffer.concat([rest, buffer.subarray(0, n)]);
      let newline: number;
      while ((newline = chunk.indexOf(10)) !== -1) {
        const line = chunk.subarray(0, newline).toString('utf8');
        chunk = chunk.subarray(newline + 1);
        if (line) yield line;
      }
      rest = Buffer.from(chunk);
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
