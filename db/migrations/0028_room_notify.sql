-- App servers keep a buyer room's link and what it shows for a few seconds, so a room opened often is not read
-- every time. A change to anything a room shows tells every server at commit, naming the workspace (one
-- notification per workspace and transaction: PostgreSQL folds identical ones), so none keeps it.
CREATE FUNCTION notify_room_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('room_changed', NEW.workspace_id::text);
  ELSE
    PERFORM pg_notify('room_changed', OLD.workspace_id::text);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE shown text;
BEGIN
  FOREACH shown IN ARRAY ARRAY['account', 'member', 'involvement', 'stakeholder', 'plan_step',
      'step_comment', 'concern', 'success_measure', 'success_report'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      FOR EACH ROW EXECUTE FUNCTION notify_room_changed()', shown || '_room_changed', shown);
  END LOOP;
END $$;

-- Of a decision, only what the room shows (src/server/http/kept-answers.ts names the same columns): readiness,
-- notes and the forecast change far more often, and no room shows them.
CREATE TRIGGER decision_room_changed
  AFTER INSERT OR UPDATE OF title, outcome, outcome_date, account_id, owner_id, target_date, currency, problem,
    impact, outcomes_sought, deleted_at OR DELETE ON decision
  FOR EACH ROW EXECUTE FUNCTION notify_room_changed();
-- When a link was last used is not something the room shows.
CREATE TRIGGER share_link_room_changed
  AFTER INSERT OR UPDATE OF revoked_at, expires_at, label, stakeholder_id, decision_id OR DELETE ON share_link
  FOR EACH ROW EXECUTE FUNCTION notify_room_changed();
