-- Counts keyed by (day, …) are stored WITHOUT ROWID (added by hand before this landed; drizzle-kit cannot
-- declare it): the key is the row, so a year of a busy blog is about half the size with no second index.
CREATE TABLE `stats_agent_days` (
	`day` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `kind`, `name`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `stats_days` (
	`day` integer PRIMARY KEY NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_feed_days` (
	`day` integer NOT NULL,
	`reader` text NOT NULL,
	`fetches` integer DEFAULT 0 NOT NULL,
	`subscribers` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `reader`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `stats_post_days` (
	`day` integer NOT NULL,
	`post_id` integer NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `post_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `stats_post_totals` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`views` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_referrer_days` (
	`day` integer NOT NULL,
	`domain` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `domain`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `stats_state` (
	`id` integer PRIMARY KEY DEFAULT 1 NOT NULL,
	`popular` text DEFAULT '' NOT NULL,
	CONSTRAINT "stats_state_single_row" CHECK("stats_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `stats_visitors` (
	`day` integer NOT NULL,
	`hash` integer NOT NULL,
	PRIMARY KEY(`day`, `hash`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `settings` ADD `popular_gadget` text DEFAULT '{"rankBy":"views","period":"30d","count":5}' NOT NULL;--> statement-breakpoint
-- The Popular Posts gadget now ranks by views: nothing kept under the old content version may outlive it.
UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
