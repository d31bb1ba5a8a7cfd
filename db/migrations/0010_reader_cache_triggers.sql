-- Every change a reader could see bumps content_version, whoever makes it (the server, the import
-- command, another process), so cached reader data is never served after it is stale.
INSERT INTO `content_version` (`id`, `version`) VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `posts_insert_bumps_version` AFTER INSERT ON `posts` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `posts_update_bumps_version` AFTER UPDATE ON `posts` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `posts_delete_bumps_version` AFTER DELETE ON `posts` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_insert_bumps_version` AFTER INSERT ON `comments` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_update_bumps_version` AFTER UPDATE ON `comments` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `comments_delete_bumps_version` AFTER DELETE ON `comments` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `labels_insert_bumps_version` AFTER INSERT ON `labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `labels_update_bumps_version` AFTER UPDATE ON `labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `labels_delete_bumps_version` AFTER DELETE ON `labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `post_labels_insert_bumps_version` AFTER INSERT ON `post_labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `post_labels_update_bumps_version` AFTER UPDATE ON `post_labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `post_labels_delete_bumps_version` AFTER DELETE ON `post_labels` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `authors_insert_bumps_version` AFTER INSERT ON `authors` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `authors_update_bumps_version` AFTER UPDATE ON `authors` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `authors_delete_bumps_version` AFTER DELETE ON `authors` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_bumps_version` AFTER INSERT ON `settings` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_bumps_version` AFTER UPDATE ON `settings` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_bumps_version` AFTER DELETE ON `settings` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_insert_bumps_version` AFTER INSERT ON `redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_update_bumps_version` AFTER UPDATE ON `redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `redirects_delete_bumps_version` AFTER DELETE ON `redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `label_redirects_insert_bumps_version` AFTER INSERT ON `label_redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `label_redirects_update_bumps_version` AFTER UPDATE ON `label_redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `label_redirects_delete_bumps_version` AFTER DELETE ON `label_redirects` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
