-- Readers see an author's name, slug and bio (bylines, author pages); signing out, a new password or
-- disabling an account changes none of them, so those no longer empty every cached page.
DROP TRIGGER IF EXISTS `authors_update_bumps_version`;--> statement-breakpoint
CREATE TRIGGER `authors_update_bumps_version` AFTER UPDATE OF `name`, `slug`, `bio` ON `authors` BEGIN UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
