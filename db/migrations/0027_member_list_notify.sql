-- App servers also keep each workspace's member list for a few seconds. A member added changes no session, but
-- it changes that list: the member trigger now tells every server of additions too.
CREATE OR REPLACE FUNCTION notify_signed_in_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('signed_in_changed', NEW.id::text);
  ELSIF TG_TABLE_NAME = 'member' THEN
    PERFORM pg_notify('signed_in_changed', OLD.id::text);
  ELSE
    PERFORM pg_notify('signed_in_changed', OLD.member_id::text);
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER member_signed_in_changed ON member;
CREATE TRIGGER member_signed_in_changed AFTER INSERT OR UPDATE OR DELETE ON member
  FOR EACH ROW EXECUTE FUNCTION notify_signed_in_changed();
