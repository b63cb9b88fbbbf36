-- The mutual decision plan, plan templates, share links to the buyer room, buyer check-ins, comments,
-- problem corrections proposed by buyers, and buyer activity (the one place notifications are sent from).

ALTER TABLE change_log DROP CONSTRAINT change_log_action_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_action_check CHECK (action IN ('create', 'update', 'delete', 'restore', 'access'));

CREATE TABLE plan_step (
  id                    uuid PRIMARY KEY,
  workspace_id          uuid NOT NULL REFERENCES workspace(id),
  decision_id           uuid NOT NULL REFERENCES decision(id),
  title                 text NOT NULL,
  description           text,
  owner_side            text NOT NULL DEFAULT 'customer' CHECK (owner_side IN ('customer', 'us', 'both')),
  owner_stakeholder_id  uuid REFERENCES stakeholder(id),
  owner_member_id       uuid REFERENCES member(id),
  due_date              date,
  first_due_date        date,
  due_date_moves        integer NOT NULL DEFAULT 0,
  status                text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
  blocked_reason        text,
  position              integer NOT NULL,
  depends_on            uuid REFERENCES plan_step(id),
  done_at               timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  deleted_at            timestamptz,
  version               integer NOT NULL DEFAULT 1
);
CREATE INDEX plan_step_decision_idx ON plan_step (workspace_id, decision_id, position) WHERE deleted_at IS NULL;

CREATE TABLE plan_template (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  name          text NOT NULL,
  description   text,
  steps         jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX plan_template_workspace_idx ON plan_template (workspace_id) WHERE deleted_at IS NULL;

-- Only a SHA-256 of the link's secret is kept; the secret is shown once, when the link is made.
CREATE TABLE share_link (
  id              uuid PRIMARY KEY,
  workspace_id    uuid NOT NULL REFERENCES workspace(id),
  decision_id     uuid NOT NULL REFERENCES decision(id),
  token_hash      text NOT NULL UNIQUE,
  label           text NOT NULL,
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  created_by      uuid NOT NULL REFERENCES member(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_opened_at  timestamptz,
  open_count      integer NOT NULL DEFAULT 0
);
CREATE INDEX share_link_decision_idx ON share_link (workspace_id, decision_id);

CREATE TABLE check_in (
  id                uuid PRIMARY KEY,
  workspace_id      uuid NOT NULL REFERENCES workspace(id),
  decision_id       uuid NOT NULL REFERENCES decision(id),
  share_link_id     uuid NOT NULL REFERENCES share_link(id),
  stakeholder_id    uuid REFERENCES stakeholder(id),
  stakeholder_name  text NOT NULL,
  role              text,
  ratings           jsonb NOT NULL,
  comment           text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_in_decision_idx ON check_in (workspace_id, decision_id, created_at);

CREATE TABLE step_comment (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  decision_id    uuid NOT NULL REFERENCES decision(id),
  step_id        uuid NOT NULL REFERENCES plan_step(id),
  author_name    text NOT NULL,
  author_member  uuid REFERENCES member(id),
  share_link_id  uuid REFERENCES share_link(id),
  body           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX step_comment_step_idx ON step_comment (workspace_id, step_id, created_at);

CREATE TABLE problem_correction (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  decision_id    uuid NOT NULL REFERENCES decision(id),
  share_link_id  uuid NOT NULL REFERENCES share_link(id),
  verdict        text NOT NULL CHECK (verdict IN ('right', 'not_quite')),
  text           text,
  proposed_by    text,
  status         text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  resolved_by    uuid REFERENCES member(id),
  resolved_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX problem_correction_decision_idx ON problem_correction (workspace_id, decision_id);

ALTER TABLE concern ADD COLUMN raised_via_link uuid REFERENCES share_link(id);

CREATE TABLE buyer_activity (
  id             bigserial PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  decision_id    uuid NOT NULL REFERENCES decision(id),
  share_link_id  uuid REFERENCES share_link(id),
  kind           text NOT NULL,
  summary        text NOT NULL,
  payload        jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX buyer_activity_decision_idx ON buyer_activity (workspace_id, decision_id, id DESC);
