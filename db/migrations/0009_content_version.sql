CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "content_version_single_row" CHECK("content_version"."id" = 1)
);
