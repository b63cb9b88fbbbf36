-- A link counts visits (a stretch of use of the room), not every reload of its data.
ALTER TABLE share_link RENAME COLUMN open_count TO visit_count;
ALTER TABLE share_link RENAME COLUMN last_opened_at TO last_seen_at;

-- A link may be one stakeholder's own: what comes through it is theirs, verified. A general link's answers
-- carry the name the buyer typed and are marked unverified wherever they are shown.
ALTER TABLE share_link ADD COLUMN stakeholder_id uuid REFERENCES stakeholder(id);
ALTER TABLE check_in ADD COLUMN verified boolean NOT NULL DEFAULT false;
-- Who at the customer proposed a correction, so accepting their words also attributes them.
ALTER TABLE problem_correction ADD COLUMN stakeholder_id uuid REFERENCES stakeholder(id);
ALTER TABLE problem_correction ADD COLUMN verified boolean NOT NULL DEFAULT false;
