ALTER TABLE `authors` ADD `slug` text;--> statement-breakpoint
CREATE UNIQUE INDEX `authors_slug_unique` ON `authors` (`slug`);--> statement-breakpoint
ALTER TABLE `settings` ADD `gadgets` text DEFAULT '["search","profile","popular","archive","labels","pages","subscribe","attribution"]' NOT NULL;