-- The change log's serial id counts every workspace's changes; the API shows this opaque id instead, so no
-- workspace learns how busy the others are.
ALTER TABLE change_log ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
