-- The customer's decision: accounts, stakeholders, decisions (with their parts as JSON, so a decision
-- and its parts change in one row and one transaction), involvement of stakeholders, concerns, and the
-- workspace's question library. Readiness and milestone are derived and stored for listing and sorting;
-- they are recomputed in the transaction of every change that affects them.

CREATE TABLE account (
  id                uuid PRIMARY KEY,
  workspace_id      uuid NOT NULL REFERENCES workspace(id),
  name              text NOT NULL,
  industry          text,
  size              text,
  website           text,
  goals             text,
  challenges        text,
  current_approach  text,
  approach_reason   text,
  notes             text,
  source_system     text,
  source_id         text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  deleted_at        timestamptz,
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX account_workspace_name_idx ON account (workspace_id, lower(name));
CREATE UNIQUE INDEX account_source_key ON account (workspace_id, source_system, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE stakeholder (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  account_id     uuid NOT NULL REFERENCES account(id),
  name           text NOT NULL,
  title          text,
  email          text,
  phone          text,
  notes          text,
  source_system  text,
  source_id      text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX stakeholder_account_idx ON stakeholder (workspace_id, account_id);
CREATE UNIQUE INDEX stakeholder_source_key ON stakeholder (workspace_id, source_system, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE decision (
  id                       uuid PRIMARY KEY,
  workspace_id             uuid NOT NULL REFERENCES workspace(id),
  account_id               uuid NOT NULL REFERENCES account(id),
  owner_id                 uuid NOT NULL REFERENCES member(id),
  title                    text NOT NULL,
  value_amount             bigint CHECK (value_amount >= 0),
  currency                 char(3) NOT NULL DEFAULT 'USD',
  target_date              date,
  problem                  jsonb NOT NULL DEFAULT '{}',
  impact                   jsonb NOT NULL DEFAULT '{}',
  trigger                  jsonb NOT NULL DEFAULT '{}',
  outcomes_sought          jsonb NOT NULL DEFAULT '[]',
  options                  jsonb NOT NULL DEFAULT '[]',
  criteria                 jsonb NOT NULL DEFAULT '[]',
  process                  jsonb NOT NULL DEFAULT '{}',
  seller_confidence        jsonb NOT NULL DEFAULT '{}',
  outcome                  text NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost', 'no_decision')),
  outcome_reason           text,
  outcome_date             date,
  notes                    text,
  source_system            text,
  source_id                text,
  source_stage             text,
  -- derived, recomputed on every change (see src/domain/readiness)
  readiness                integer NOT NULL DEFAULT 0,
  milestone                text NOT NULL DEFAULT 'exploring',
  weakest_dimension        text,
  cost_of_waiting_monthly  bigint NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  deleted_at               timestamptz,
  version                  integer NOT NULL DEFAULT 1
);
CREATE INDEX decision_board_idx ON decision (workspace_id, milestone, readiness, id) WHERE deleted_at IS NULL;
CREATE INDEX decision_updated_idx ON decision (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX decision_owner_idx ON decision (workspace_id, owner_id) WHERE deleted_at IS NULL;
CREATE INDEX decision_account_idx ON decision (workspace_id, account_id) WHERE deleted_at IS NULL;
CREATE INDEX decision_readiness_idx ON decision (workspace_id, readiness, id) WHERE deleted_at IS NULL;
CREATE INDEX decision_target_idx ON decision (workspace_id, coalesce(target_date, '9999-12-31'::date), id) WHERE deleted_at IS NULL;
CREATE INDEX decision_value_idx ON decision (workspace_id, coalesce(value_amount, 0), id) WHERE deleted_at IS NULL;
CREATE INDEX decision_cost_idx ON decision (workspace_id, cost_of_waiting_monthly, id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX decision_source_key ON decision (workspace_id, source_system, source_id) WHERE source_id IS NOT NULL;

-- A stakeholder's part in one decision: role, influence, what it means to them, and their stance.
CREATE TABLE involvement (
  id               uuid PRIMARY KEY,
  workspace_id     uuid NOT NULL REFERENCES workspace(id),
  decision_id      uuid NOT NULL REFERENCES decision(id),
  stakeholder_id   uuid NOT NULL REFERENCES stakeholder(id),
  role             text NOT NULL,
  influence        text NOT NULL DEFAULT 'medium' CHECK (influence IN ('low', 'medium', 'high')),
  personal_stake   text,
  stance_problem   text NOT NULL DEFAULT 'unknown',
  stance_approach  text NOT NULL DEFAULT 'unknown',
  stance_us        text NOT NULL DEFAULT 'unknown',
  stance_timing    text NOT NULL DEFAULT 'unknown',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  deleted_at       timestamptz,
  version          integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX involvement_once_key ON involvement (decision_id, stakeholder_id) WHERE deleted_at IS NULL;
CREATE INDEX involvement_decision_idx ON involvement (workspace_id, decision_id);

CREATE TABLE concern (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  decision_id    uuid NOT NULL REFERENCES decision(id),
  text           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('individual', 'organizational')),
  category       text NOT NULL,
  raised_by      uuid REFERENCES stakeholder(id),
  severity       text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'accepted')),
  response       text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX concern_decision_idx ON concern (workspace_id, decision_id);

-- The workspace's own wording of the next question for a gap; absent rows use the shipped library.
CREATE TABLE question (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  gap_key       text NOT NULL,
  text          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX question_gap_key ON question (workspace_id, gap_key);

-- History of a decision includes changes to its parts (involvements, concerns).
ALTER TABLE change_log ADD COLUMN parent_id uuid;
CREATE INDEX change_log_parent_idx ON change_log (workspace_id, parent_id, id) WHERE parent_id IS NOT NULL;
