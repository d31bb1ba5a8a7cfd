-- Full-text search over visible text: title, body (tags stripped by the app) and labels.
-- rowid is the post id; db/search.ts keeps it in step with every save.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
	`title`,
	`body`,
	`labels`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `posts_fts` (`rowid`, `title`, `body`, `labels`)
SELECT `p`.`id`, `p`.`title`, `p`.`body`,
	coalesce((SELECT group_concat(`l`.`name`, ' ') FROM `post_labels` `pl` JOIN `labels` `l` ON `l`.`id` = `pl`.`label_id` WHERE `pl`.`post_id` = `p`.`id`), '')
FROM `posts` `p`;
--> statement-breakpoint
UPDATE `authors` SET `slug` = 'author-' || `id` WHERE `slug` IS NULL;
