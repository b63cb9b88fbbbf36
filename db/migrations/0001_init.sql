-- Foundation: workspaces, members, teams, sessions and the append-only change log.
-- Conventions: uuid ids, timestamptz, a version on every mutable row, soft delete via deleted_at.

CREATE TABLE workspace (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX workspace_name_key ON workspace (lower(name));

CREATE TABLE team (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  name          text NOT NULL,
  manager_id    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX team_workspace_idx ON team (workspace_id);

CREATE TABLE member (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  email          text NOT NULL,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('seller', 'manager', 'admin')),
  team_id        uuid REFERENCES team(id),
  password_hash  text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  version        integer NOT NULL DEFAULT 1
);
-- One sign-in identity per email across the installation.
CREATE UNIQUE INDEX member_email_key ON member (lower(email));
CREATE INDEX member_workspace_idx ON member (workspace_id);

ALTER TABLE team ADD CONSTRAINT team_manager_fk FOREIGN KEY (manager_id) REFERENCES member(id);

-- Only a SHA-256 hash of the session token is stored; the token itself lives in the cookie.
CREATE TABLE session (
  id            uuid PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  member_id     uuid NOT NULL REFERENCES member(id),
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX session_member_idx ON session (member_id);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE change_log (
  id            bigserial PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  member_id     uuid REFERENCES member(id),
  via           text,
  entity        text NOT NULL,
  entity_id     uuid NOT NULL,
  action        text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  before        jsonb,
  after         jsonb,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_entity_idx ON change_log (workspace_id, entity, entity_id, id);
CREATE INDEX change_log_recent_idx ON change_log (workspace_id, id DESC);
