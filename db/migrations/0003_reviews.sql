-- Reviews on the customer questions, their diagnosed answers, agreed actions, the forecast category and
-- workspace policies (the commit guard).

ALTER TABLE workspace ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';

ALTER TABLE decision ADD COLUMN forecast_category text NOT NULL DEFAULT 'pipeline'
  CHECK (forecast_category IN ('omitted', 'pipeline', 'best_case', 'commit'));

CREATE TABLE review (
  id                        uuid PRIMARY KEY,
  workspace_id              uuid NOT NULL REFERENCES workspace(id),
  decision_id               uuid NOT NULL REFERENCES decision(id),
  reviewer_id               uuid NOT NULL REFERENCES member(id),
  kind                      text NOT NULL CHECK (kind IN ('manager', 'self')),
  status                    text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  coaching_notes            text,
  readiness_at_start        integer NOT NULL,
  readiness_at_completion   integer,
  completed_at              timestamptz,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  deleted_at                timestamptz,
  version                   integer NOT NULL DEFAULT 1
);
CREATE INDEX review_decision_idx ON review (workspace_id, decision_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX review_one_open_key ON review (decision_id) WHERE status = 'open' AND deleted_at IS NULL;

CREATE TABLE review_answer (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  review_id     uuid NOT NULL REFERENCES review(id),
  question      text NOT NULL CHECK (question IN ('problem', 'impact', 'why_change', 'worries', 'consensus', 'confidence')),
  answer        text NOT NULL DEFAULT '',
  confirmed     boolean NOT NULL DEFAULT false,
  label         text NOT NULL,
  reason        text,
  explanation   text NOT NULL,
  suggestion    text NOT NULL,
  signals       jsonb NOT NULL DEFAULT '{}',
  updated_by    uuid REFERENCES member(id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (review_id, question)
);

CREATE TABLE review_action (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  review_id     uuid NOT NULL REFERENCES review(id),
  decision_id   uuid NOT NULL REFERENCES decision(id),
  what          text NOT NULL,
  owner_id      uuid NOT NULL REFERENCES member(id),
  due_date      date,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX review_action_owner_idx ON review_action (workspace_id, owner_id, status) WHERE deleted_at IS NULL;
CREATE INDEX review_action_review_idx ON review_action (workspace_id, review_id);
