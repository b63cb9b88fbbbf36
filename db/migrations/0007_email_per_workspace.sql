-- A member's email is unique within a workspace, not across the installation: inviting someone never reveals
-- that their email is a member of another workspace. Sign-in finds the member by email and password.
DROP INDEX member_email_key;
CREATE UNIQUE INDEX member_email_key ON member (workspace_id, lower(email));
CREATE INDEX member_sign_in_idx ON member (lower(email)) WHERE deleted_at IS NULL;
