-- Calendar feeds: a secret .ics address (only its SHA-256 kept) for one decision's plan, or for a member's
-- steps across their decisions. Revoking one closes it at once.
CREATE TABLE calendar_feed (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  member_id     uuid NOT NULL REFERENCES member(id),
  decision_id   uuid REFERENCES decision(id),
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_read_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX calendar_feed_member_idx ON calendar_feed (workspace_id, member_id) WHERE revoked_at IS NULL;
