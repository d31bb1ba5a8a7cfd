CREATE TABLE `comment_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`event` text DEFAULT 'comment.created' NOT NULL,
	`recipients` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_notifications_unsent_idx` ON `comment_notifications` (`sent_at`,`id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `ip_hash` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `submission_key` text;--> statement-breakpoint
CREATE INDEX `comments_ip_idx` ON `comments` (`ip_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_email_idx` ON `comments` (`author_email`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `comments_submission_unique` ON `comments` (`submission_key`);--> statement-breakpoint
ALTER TABLE `posts` ADD `comment_policy` text DEFAULT 'inherit' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `comment_moderation` text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `moderate_after_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `trust_approved_commenters` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `blocked_words` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `notify_emails` text DEFAULT '' NOT NULL;