-- A manager's verdict on a diagnosis — agreeing, or the label and reason that are right — kept per workspace
-- for the workspace's agreement figures and as labelled answers to train on.
CREATE TABLE diagnosis_correction (
  id               uuid PRIMARY KEY,
  workspace_id     uuid NOT NULL REFERENCES workspace(id),
  review_id        uuid REFERENCES review(id),
  question         text NOT NULL,
  answer           text NOT NULL,
  predicted_label  text NOT NULL,
  predicted_reason text,
  label            text NOT NULL CHECK (label IN ('customer', 'seller', 'vague')),
  reason           text,
  created_by       uuid REFERENCES member(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  deleted_at       timestamptz,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX diagnosis_correction_idx ON diagnosis_correction (workspace_id, created_at);
