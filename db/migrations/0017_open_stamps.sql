-- What Insights works out of each open decision is kept until the decision (or one of its parts) changes: the
-- open decisions' ids and when they last changed are read from the index alone after every change.
DROP INDEX decision_outcome_idx;
CREATE INDEX decision_outcome_idx ON decision (workspace_id, outcome, owner_id)
  INCLUDE (id, updated_at, learned_at) WHERE deleted_at IS NULL;
