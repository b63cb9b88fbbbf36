-- Saved column mappings can be deleted, and the delete undone, like every other record.
ALTER TABLE import_mapping ADD COLUMN deleted_at timestamptz;
DROP INDEX import_mapping_name_key;
CREATE UNIQUE INDEX import_mapping_name_key ON import_mapping (workspace_id, lower(name)) WHERE deleted_at IS NULL;
