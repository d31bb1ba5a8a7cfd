-- Only changes a reader could see bump content_version (and so empty the page cache): saving a
-- draft every few seconds, or a comment arriving for moderation, leaves cached pages alone.
-- Scheduled posts count: their due time is part of the page cache key.
DROP TRIGGER `posts_insert_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `posts_update_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `posts_delete_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `comments_insert_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `comments_update_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `comments_delete_bumps_version`;
--> statement-breakpoint
CREATE TRIGGER `posts_insert_bumps_version` AFTER INSERT ON `posts` WHEN new.`status` IN ('published', 'scheduled') BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `posts_update_bumps_version` AFTER UPDATE ON `posts` WHEN old.`status` IN ('published', 'scheduled') OR new.`status` IN ('published', 'scheduled') BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `posts_delete_bumps_version` AFTER DELETE ON `posts` WHEN old.`status` IN ('published', 'scheduled') BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_insert_bumps_version` AFTER INSERT ON `comments` WHEN new.`status` = 'published' BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_update_bumps_version` AFTER UPDATE ON `comments` WHEN old.`status` = 'published' OR new.`status` = 'published' BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_bumps_version` AFTER DELETE ON `comments` WHEN old.`status` = 'published' BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
DROP TRIGGER `post_labels_insert_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `post_labels_update_bumps_version`;
--> statement-breakpoint
DROP TRIGGER `post_labels_delete_bumps_version`;
--> statement-breakpoint
CREATE TRIGGER `post_labels_insert_bumps_version` AFTER INSERT ON `post_labels` WHEN EXISTS (SELECT 1 FROM `posts` WHERE `id` = new.`post_id` AND `status` IN ('published', 'scheduled')) BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `post_labels_update_bumps_version` AFTER UPDATE ON `post_labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `post_labels_delete_bumps_version` AFTER DELETE ON `post_labels` WHEN EXISTS (SELECT 1 FROM `posts` WHERE `id` = old.`post_id` AND `status` IN ('published', 'scheduled')) BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
