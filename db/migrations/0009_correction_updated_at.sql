-- Corrections are resolved through the same versioned change as every other record, which stamps updated_at.
ALTER TABLE problem_correction ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
