-- After the sale: the outcomes the customer sought become success measures when the decision is won — what
-- it was (baseline), what they aimed for (target) and by when — and the customer's reports on them, made in the
-- buyer room (or recorded by the seller from a conversation), say whether the decision delivered.
CREATE TABLE success_measure (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  decision_id   uuid NOT NULL REFERENCES decision(id),
  position      integer NOT NULL DEFAULT 0,
  measure       text NOT NULL,
  baseline      text,
  target        text,
  due_on        date NOT NULL,
  -- when the customer was last asked by mail about this measure (the daily ask skips those already asked)
  asked_at      timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX success_measure_decision_idx ON success_measure (workspace_id, decision_id) WHERE deleted_at IS NULL;
CREATE INDEX success_measure_due_idx ON success_measure (due_on) WHERE deleted_at IS NULL AND asked_at IS NULL;

-- One report by one person at one time, kept as given: the value per measure, whether it reached the target,
-- whether they would decide the same again and what got in the way.
CREATE TABLE success_report (
  id              uuid PRIMARY KEY,
  workspace_id    uuid NOT NULL REFERENCES workspace(id),
  decision_id     uuid NOT NULL REFERENCES decision(id),
  share_link_id   uuid REFERENCES share_link(id),
  recorded_by     uuid REFERENCES member(id),
  stakeholder_id  uuid REFERENCES stakeholder(id),
  reporter_name   text NOT NULL,
  verified        boolean NOT NULL,
  decide_again    text NOT NULL CHECK (decide_again IN ('yes', 'unsure', 'no')),
  in_the_way      text,
  values          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((share_link_id IS NULL) <> (recorded_by IS NULL))
);
CREATE INDEX success_report_decision_idx ON success_report (workspace_id, decision_id, created_at);
