-- The stages an import did not understand (imported as open, kept as the source stage), with how many decisions
-- each, so the summary can list them beside the owners no member answered to.
ALTER TABLE import_run ADD COLUMN unknown_stages jsonb NOT NULL DEFAULT '{}';
