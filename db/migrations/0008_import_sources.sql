CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text NOT NULL,
	`report` text NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `imports_created_idx` ON `imports` (`created_at`);--> statement-breakpoint
CREATE TABLE `label_redirects` (
	`from_path` text PRIMARY KEY NOT NULL,
	`label_id` integer NOT NULL,
	FOREIGN KEY (`label_id`) REFERENCES `labels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `comments` ADD `source_id` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `legacy_anchor` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comments_source_unique` ON `comments` (`source_id`);--> statement-breakpoint
ALTER TABLE `posts` ADD `source_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `posts_source_unique` ON `posts` (`source_id`);