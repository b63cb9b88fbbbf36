-- Webhooks: endpoints an admin registers for events, the events (written in the transaction of the change
-- they report, so a change and its event are both kept or both lost), and one delivery per event and endpoint
-- with its attempts. Sending runs on the job queue; see docs/webhooks.md.
CREATE TABLE webhook_endpoint (
  id               uuid PRIMARY KEY,
  workspace_id     uuid NOT NULL REFERENCES workspace(id),
  url              text NOT NULL,
  events           text[] NOT NULL,
  -- The signing key: the server needs it itself to sign, so it cannot be kept only as a hash. It grants
  -- nothing in Confidant; it only lets a receiver tell our requests from forgeries.
  secret           text NOT NULL,
  description      text,
  enabled          boolean NOT NULL DEFAULT true,
  disabled_reason  text,
  failures         integer NOT NULL DEFAULT 0,
  created_by       uuid NOT NULL REFERENCES member(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  deleted_at       timestamptz,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX webhook_endpoint_workspace_idx ON webhook_endpoint (workspace_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_event (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  type           text NOT NULL,
  entity         text NOT NULL,
  entity_id      uuid NOT NULL,
  decision_id    uuid,
  -- The record as the change left it, for events whose data is read from it; `body` is what is sent (made
  -- once, so every endpoint and every redelivery gets the same bytes).
  snapshot       jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  body           text,
  dispatched_at  timestamptz
);
CREATE INDEX webhook_event_pending_idx ON webhook_event (created_at) WHERE dispatched_at IS NULL;

CREATE TABLE webhook_delivery (
  id             uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL REFERENCES workspace(id),
  endpoint_id    uuid NOT NULL REFERENCES webhook_endpoint(id),
  event_id       uuid NOT NULL REFERENCES webhook_event(id),
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
  attempts       integer NOT NULL DEFAULT 0,
  response_code  integer,
  error          text,
  duration_ms    integer,
  redelivery     boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  delivered_at   timestamptz
);
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (workspace_id, endpoint_id, created_at DESC);
