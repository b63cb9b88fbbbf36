-- Workspace names are what a company calls itself, not an identity: two companies may share one, and creating a
-- workspace must never reveal that another one of that name exists on the server.
DROP INDEX workspace_name_key;
CREATE INDEX workspace_name_idx ON workspace (lower(name));

-- An invited member has no password until they open their invitation and choose one.
ALTER TABLE member ALTER COLUMN password_hash DROP NOT NULL;

-- Single-use links an admin hands a member: an invitation to join, or a password reset. Only a SHA-256 hash of
-- the token is stored; issuing a new link for a member ends their earlier unused ones.
CREATE TABLE member_link (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  member_id     uuid NOT NULL REFERENCES member(id),
  purpose       text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  token_hash    text NOT NULL UNIQUE,
  created_by    uuid REFERENCES member(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX member_link_member_idx ON member_link (workspace_id, member_id);
