-- Counters that slow guessing and bound use — sign-in, the buyer room, API tokens, public links — shared by every
-- app server on the database: one row per key (a SHA-256 of what is counted, never an address or an email) and
-- fixed window. Unlogged: a crash of the database may lose the last minute's counts, which only forgives a little.
CREATE UNLOGGED TABLE rate_limit (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL
);
CREATE INDEX rate_limit_window_idx ON rate_limit (window_start);
