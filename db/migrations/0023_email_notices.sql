-- Admins' notices (a webhook turned off after failing) are mail of their own kind, to stop on their own.
ALTER TABLE email_link DROP CONSTRAINT email_link_kind_check;
ALTER TABLE email_link ADD CONSTRAINT email_link_kind_check CHECK (kind IN ('room', 'digest', 'actions', 'notices'));
