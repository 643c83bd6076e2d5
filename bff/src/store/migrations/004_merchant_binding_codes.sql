-- Binding codes admit a limited number of users (BINDING_CODE_MAX_USERS) and can be rotated by staff:
-- the uses count the users the current code has bound; a new code starts again at 0.
ALTER TABLE merchants ADD COLUMN binding_code_uses integer NOT NULL DEFAULT 0;

-- Re-binding or unbinding ends the user's merchant sessions: their refresh-token families by subject.
CREATE INDEX refresh_tokens_merchant_subject ON refresh_tokens (subject_id) WHERE role = 'merchant' AND revoked_at IS NULL;
