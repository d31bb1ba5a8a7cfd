CREATE TABLE `followers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`confirmation_sent_at` integer,
	`confirmed_at` integer,
	`unsubscribed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `followers_email_unique` ON `followers` (`email`);--> statement-breakpoint
CREATE INDEX `followers_status_idx` ON `followers` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`comment_id` integer,
	`post_id` integer,
	`follower_id` integer,
	`priority` integer DEFAULT 1 NOT NULL,
	`dedupe_key` text,
	`subject` text,
	`text_body` text,
	`html_body` text,
	`extra_headers` text,
	`message_id` text,
	`status` text DEFAULT 'waiting' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`lease_until` integer,
	`last_response` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`follower_id`) REFERENCES `followers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`priority`,`next_attempt_at`,`id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_created_idx` ON `mail_outbox` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_unique` ON `mail_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `post_mailings` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`queued_at` integer,
	`recipients` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `comments` ADD `notify_replies` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- The comment_notifications outbox becomes mail_outbox: one row per recipient. Each waiting event goes
-- to the addresses it listed and, as new comments now do, to the post's author (not for their own
-- comments, never for spam), so nothing that waited for SMTP to be set up is lost.
WITH RECURSIVE `split`(`comment_id`, `created_at`, `address`, `rest`) AS (
  SELECT `comment_id`, `created_at`, NULL, `recipients` || ',' FROM `comment_notifications` WHERE `sent_at` IS NULL
  UNION ALL
  SELECT `comment_id`, `created_at`, lower(trim(substr(`rest`, 1, instr(`rest`, ',') - 1))), substr(`rest`, instr(`rest`, ',') + 1)
  FROM `split` WHERE `rest` <> ''
),
`recipients`(`comment_id`, `created_at`, `address`) AS (
  SELECT `comment_id`, `created_at`, `address` FROM `split` WHERE `address` IS NOT NULL AND `address` <> ''
  UNION
  SELECT n.`comment_id`, n.`created_at`, lower(a.`email`)
  FROM `comment_notifications` n
  JOIN `comments` c ON c.`id` = n.`comment_id`
  JOIN `posts` p ON p.`id` = c.`post_id`
  JOIN `authors` a ON a.`id` = p.`author_id`
  WHERE n.`sent_at` IS NULL AND c.`is_post_author` = 0
)
INSERT INTO `mail_outbox` (`kind`, `to_address`, `comment_id`, `priority`, `dedupe_key`, `created_at`)
SELECT 'comment', r.`address`, r.`comment_id`, 1, 'comment:' || r.`comment_id` || ':' || r.`address`, r.`created_at`
FROM `recipients` r JOIN `comments` c ON c.`id` = r.`comment_id`
WHERE c.`status` <> 'spam'
ORDER BY r.`created_at`, r.`comment_id`
ON CONFLICT (`dedupe_key`) DO NOTHING;
--> statement-breakpoint
INSERT INTO `mail_outbox` (`kind`, `to_address`, `comment_id`, `status`, `created_at`, `sent_at`)
SELECT 'comment', `recipients`, `comment_id`, 'sent', `created_at`, `sent_at` FROM `comment_notifications` WHERE `sent_at` IS NOT NULL;
