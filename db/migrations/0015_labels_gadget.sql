ALTER TABLE `settings` ADD `labels_gadget` text DEFAULT '{"show":"all","selected":[],"sort":"name","display":"list","showCounts":true,"limit":30}' NOT NULL;--> statement-breakpoint
-- Existing blogs' sidebars change as this lands (a 500-label blog now shows its 30 most used labels):
-- nothing kept under the old content version may outlive it.
UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
