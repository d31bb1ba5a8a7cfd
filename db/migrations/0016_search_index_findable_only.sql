-- The search index keeps only posts a reader could find (published or scheduled posts), so a search
-- ranks the index alone instead of checking every hit against posts (db/search.ts).
DELETE FROM `posts_fts` WHERE `rowid` IN (
  SELECT `id` FROM `posts` WHERE `type` <> 'post' OR `status` NOT IN ('published', 'scheduled') OR `published_at` IS NULL
);
