-- Back-off lock of a share's passcode and emailed code (src/core/sharing/unlock-share.ts): the
-- failures counted, the latest one (older than a day, they are forgotten) and the lock it set.
-- Downloads are counted beside views: a view limit counts both (docs/share-views.md).
ALTER TABLE "shares" ADD COLUMN "last_failure_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "download_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Failures counted before this migration locked a share for good at 5; they now count towards the
-- back-off for a day from now (to the millisecond: the lock compares it with JavaScript dates).
UPDATE "shares" SET "last_failure_at" = date_trunc('milliseconds', now()) WHERE "failed_attempts" > 0;--> statement-breakpoint
UPDATE "shares" SET "download_count" = d.n
  FROM (SELECT "share_id", count(*)::int AS n FROM "share_events" WHERE "kind" = 'download' GROUP BY "share_id") d
  WHERE d."share_id" = "shares"."id";--> statement-breakpoint
-- Migration 0009's rule: a field the recipient page shows notifies the share cache. The lock's end
-- is one (the page says until when); the download count is not (it only grows, and the limit is
-- decided in the database).
DROP TRIGGER shares_notify_update ON shares;--> statement-breakpoint
CREATE TRIGGER shares_notify_update AFTER UPDATE ON shares FOR EACH ROW
  WHEN (
    OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.failed_attempts IS DISTINCT FROM NEW.failed_attempts
    OR OLD.locked_until IS DISTINCT FROM NEW.locked_until
    OR OLD.max_views IS DISTINCT FROM NEW.max_views
    OR OLD.download_allowed IS DISTINCT FROM NEW.download_allowed
    OR OLD.notify_on_first_view IS DISTINCT FROM NEW.notify_on_first_view
    OR OLD.passcode_hash IS DISTINCT FROM NEW.passcode_hash
    OR OLD.recipient_email IS DISTINCT FROM NEW.recipient_email
    OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.message IS DISTINCT FROM NEW.message
    OR OLD.channel IS DISTINCT FROM NEW.channel
    OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
    OR OLD.user_id IS DISTINCT FROM NEW.user_id
  )
  EXECUTE FUNCTION sceau_share_changed();
