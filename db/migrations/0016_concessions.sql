-- A concession on a decision: an amount or a share off, what the customer gave in return, the reason in the
-- customer's terms, and who approved or declined it under the workspace's policy (settings: how deep a seller
-- and a manager may approve; deeper takes an admin). Versioned and soft-deleted like every part of a decision.
CREATE TABLE concession (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspace(id),
  decision_id   uuid NOT NULL REFERENCES decision(id),
  amount        bigint CHECK (amount > 0),
  percent       numeric(5, 2) CHECK (percent > 0 AND percent <= 100),
  in_return     text,
  reason        text NOT NULL,
  status        text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined')),
  requested_by  uuid NOT NULL REFERENCES member(id),
  decided_by    uuid REFERENCES member(id),
  decided_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz,
  version       integer NOT NULL DEFAULT 1,
  CHECK ((amount IS NULL) <> (percent IS NULL))
);
CREATE INDEX concession_decision_idx ON concession (workspace_id, decision_id) WHERE deleted_at IS NULL;
