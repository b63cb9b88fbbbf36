-- App servers keep who a session or API token belongs to for a few seconds instead of reading it on every
-- request. Whatever could change that answer — a session ended or changed, a token revoked, a member changed
-- (role, team, deactivated, deleted) — tells every server at commit, naming the member, so none keeps it.
CREATE FUNCTION notify_signed_in_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'member' THEN
    PERFORM pg_notify('signed_in_changed', OLD.id::text);
  ELSE
    PERFORM pg_notify('signed_in_changed', OLD.member_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER session_signed_in_changed AFTER UPDATE OR DELETE ON session
  FOR EACH ROW EXECUTE FUNCTION notify_signed_in_changed();
CREATE TRIGGER member_signed_in_changed AFTER UPDATE OR DELETE ON member
  FOR EACH ROW EXECUTE FUNCTION notify_signed_in_changed();
-- Marking a token used changes nothing a request relies on.
CREATE TRIGGER api_token_signed_in_changed AFTER UPDATE OF revoked_at, expires_at, member_id OR DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION notify_signed_in_changed();
