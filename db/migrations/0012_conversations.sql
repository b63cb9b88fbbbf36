-- Conversations on a decision: a call, meeting, email thread or note, with its transcript read into turns, the
-- speakers mapped to our members and the customer's stakeholders, and the analysis of what was said.
CREATE TABLE conversation (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  decision_id    uuid NOT NULL REFERENCES decision(id),
  happened_on    date NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('call', 'video', 'meeting', 'email', 'note')),
  title          text NOT NULL,
  notes          text,
  transcript_format text,
  -- [{turn, speaker, text, start, end}]: what was said, in order.
  turns          jsonb NOT NULL DEFAULT '[]',
  -- [{name, side, memberId, stakeholderId}]: who each speaker is.
  speakers       jsonb NOT NULL DEFAULT '[]',
  -- The analysis by the counting rules, worked out again whenever the speakers change.
  analysis       jsonb,
  -- What was worth a look while reading the transcript (times out of order, mixed encodings), with the line.
  warnings       jsonb NOT NULL DEFAULT '[]',
  created_by     uuid REFERENCES member(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX conversation_decision_idx ON conversation (workspace_id, decision_id, happened_on DESC);

-- Who a speaker name is, remembered per workspace so the next transcript maps itself.
CREATE TABLE speaker_mapping (
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  name_key       text NOT NULL,
  member_id      uuid REFERENCES member(id),
  stakeholder_id uuid REFERENCES stakeholder(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, name_key)
);

-- What a conversation taught, proposed as evidence for the decision: the seller accepts, edits or dismisses it.
CREATE TABLE conversation_proposal (
  id              uuid PRIMARY KEY,
  workspace_id    uuid NOT NULL REFERENCES workspace(id),
  conversation_id uuid NOT NULL REFERENCES conversation(id),
  decision_id     uuid NOT NULL REFERENCES decision(id),
  kind            text NOT NULL CHECK (kind IN ('problem', 'impact', 'concern', 'next_step')),
  text            text NOT NULL,
  speaker         text NOT NULL,
  stakeholder_id  uuid REFERENCES stakeholder(id),
  turn            integer NOT NULL,
  at_seconds      double precision,
  status          text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  resolved_by     uuid REFERENCES member(id),
  resolved_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX conversation_proposal_idx ON conversation_proposal (workspace_id, conversation_id);
