-- Email: each mail carries an unsubscribe link that works without signing in. Its secret is kept only as a
-- SHA-256 (`email_link`); following it records that the address wants no more mail of that kind.
CREATE TABLE email_link (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  token_hash    text NOT NULL UNIQUE,
  address       text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('room', 'digest', 'actions')),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE email_unsubscribe (
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  address       text NOT NULL,
  kind          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, address, kind)
);
