-- The recipient page keeps shares in memory (src/adapters/db/share-lookup-cache.ts). These triggers
-- tell every listening process, at commit, what it must forget: one share (its id) when one of the
-- share's own fields that the page depends on changes, or every share ("*") when a document,
-- learner, institution, document type or share's document list changes. View counts are left out:
-- they change on every view, and the page decides on them in the database anyway.
CREATE FUNCTION sceau_share_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sceau_share_changes', OLD.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION sceau_shares_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sceau_share_changes', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER shares_notify_update AFTER UPDATE ON shares FOR EACH ROW
  WHEN (
    OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.failed_attempts IS DISTINCT FROM NEW.failed_attempts
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
--> statement-breakpoint
CREATE TRIGGER shares_notify_delete AFTER DELETE ON shares FOR EACH ROW EXECUTE FUNCTION sceau_share_changed();
--> statement-breakpoint
CREATE TRIGGER share_documents_notify AFTER UPDATE OR DELETE ON share_documents FOR EACH STATEMENT EXECUTE FUNCTION sceau_shares_changed();
--> statement-breakpoint
CREATE TRIGGER documents_notify AFTER UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION sceau_shares_changed();
--> statement-breakpoint
CREATE TRIGGER learners_notify AFTER UPDATE OR DELETE ON learners FOR EACH STATEMENT EXECUTE FUNCTION sceau_shares_changed();
--> statement-breakpoint
CREATE TRIGGER institutions_notify AFTER UPDATE OR DELETE ON institutions FOR EACH STATEMENT EXECUTE FUNCTION sceau_shares_changed();
--> statement-breakpoint
CREATE TRIGGER document_types_notify AFTER UPDATE OR DELETE ON document_types FOR EACH STATEMENT EXECUTE FUNCTION sceau_shares_changed();
