-- Bringing data in from CRMs and spreadsheets: what the source called a decision's product line and owner,
-- import runs with their checkpoint (so an interrupted import resumes), their row errors and warnings, and
-- saved column mappings. Every record an import writes is in the change log with via = 'import:<run id>',
-- which is also what undoing an import reads.

ALTER TABLE decision ADD COLUMN product_line text;
ALTER TABLE decision ADD COLUMN source_owner text;
ALTER TABLE involvement ADD COLUMN source_system text;
ALTER TABLE involvement ADD COLUMN source_id text;
ALTER TABLE involvement ADD COLUMN source_role text;

CREATE INDEX change_log_via_idx ON change_log (workspace_id, via, id) WHERE via IS NOT NULL;

CREATE TABLE import_run (
  id           uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace(id),
  member_id    uuid REFERENCES member(id),
  status       text NOT NULL CHECK (status IN ('running', 'done', 'failed', 'undone')),
  -- per file: name, sha256, bytes, format, kind, encoding, delimiter, columns, date orders
  files        jsonb NOT NULL,
  options      jsonb NOT NULL DEFAULT '{}',
  -- the last batch committed: file index and the last row number written in it
  checkpoint   jsonb NOT NULL DEFAULT '{"file": 0, "row": 0}',
  counts       jsonb NOT NULL DEFAULT '{"created": 0, "updated": 0, "skipped": 0, "errors": 0, "warnings": 0}',
  unknown_owners jsonb NOT NULL DEFAULT '{}',
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  undone_at    timestamptz,
  version      integer NOT NULL DEFAULT 1
);
CREATE INDEX import_run_workspace_idx ON import_run (workspace_id, created_at DESC);

CREATE TABLE import_issue (
  id           bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace(id),
  import_id    uuid NOT NULL REFERENCES import_run(id),
  file         text NOT NULL,
  row_number   integer NOT NULL,
  column_name  text,
  value        text,
  message      text NOT NULL,
  severity     text NOT NULL CHECK (severity IN ('error', 'warning'))
);
CREATE INDEX import_issue_run_idx ON import_issue (workspace_id, import_id, id);

CREATE TABLE import_mapping (
  id           uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace(id),
  name         text NOT NULL,
  kind         text NOT NULL,
  columns      jsonb NOT NULL,
  constants    jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX import_mapping_name_key ON import_mapping (workspace_id, lower(name));
