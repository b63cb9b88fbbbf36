-- Personal API tokens: a member's own key for scripts and other systems, with their role in their workspace.
-- Only a SHA-256 of the secret is kept (shown once, when made); `prefix` is its first characters, so a member
-- can tell their tokens apart. Revoking sets revoked_at and takes effect on the next request.
CREATE TABLE api_token (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  member_id     uuid NOT NULL REFERENCES member(id),
  name          text NOT NULL,
  scope         text NOT NULL CHECK (scope IN ('read', 'write')),
  token_hash    text NOT NULL UNIQUE,
  prefix        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_token_member_idx ON api_token (workspace_id, member_id, created_at);
