-- Insights: when a decision was opened at its source (for cycle times of imported history), the price list
-- value an imported deal closed against (a close below it is a discount), and what the help-first metrics
-- and the no-decision flags read of the record — derived like readiness, recomputed on every change, and
-- recomputed on start for rows derived by older rules (derived_version).
ALTER TABLE decision ADD COLUMN opened_on date;
ALTER TABLE decision ADD COLUMN list_amount bigint CHECK (list_amount >= 0);
ALTER TABLE decision ADD COLUMN signals jsonb NOT NULL DEFAULT '{}';
ALTER TABLE decision ADD COLUMN derived_version integer NOT NULL DEFAULT 0;
CREATE INDEX decision_outcome_idx ON decision (workspace_id, outcome, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX decision_derived_version_idx ON decision (derived_version) WHERE deleted_at IS NULL;

-- Changes logged per member over a period (the activity metric Insights shows beside the help-first ones).
CREATE INDEX change_log_member_idx ON change_log (workspace_id, member_id, at)
  WHERE member_id IS NOT NULL AND action <> 'access';

-- When we last learned something about a decision: the latest change to its record or its parts (not an access,
-- not the demo's seeding, not an import), kept by the change-log writer so the no-decision flags read one column.
ALTER TABLE decision ADD COLUMN learned_at timestamptz;
UPDATE decision d SET learned_at = (SELECT max(l.at) FROM change_log l
  WHERE l.workspace_id = d.workspace_id AND (l.entity_id = d.id OR l.parent_id = d.id) AND l.action <> 'access'
    AND coalesce(l.via, '') <> 'demo' AND coalesce(l.via, '') NOT LIKE 'import:%');
