-- Staff work (issue 14): staff roles and accounts, assignment and 督办 on cases, intake channels and
-- claim codes, follow-up visits (回访), reply templates, the audit of staff reads of personal data,
-- FAQ unpublishing, and the indexes the staff queues and lists read at 1 M cases.

-- Every account before this migration was a bootstrap account: the bootstrap account is an admin.
ALTER TABLE staff_accounts ADD COLUMN display_name text;
UPDATE staff_accounts SET display_name = username;
ALTER TABLE staff_accounts ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE staff_accounts ADD COLUMN staff_role text NOT NULL DEFAULT 'admin';
ALTER TABLE staff_accounts ALTER COLUMN staff_role DROP DEFAULT;
ALTER TABLE staff_accounts ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE staff_accounts ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A case staff file for a caller has no consumer until the caller claims it with the claim code.
ALTER TABLE cases ALTER COLUMN consumer_id DROP NOT NULL;
ALTER TABLE cases ADD COLUMN channel text NOT NULL DEFAULT 'miniprogram';
ALTER TABLE cases ADD COLUMN filed_by_staff_id uuid REFERENCES staff_accounts(id);
ALTER TABLE cases ADD COLUMN claim_code_hash text;
ALTER TABLE cases ADD COLUMN assignee_id uuid REFERENCES staff_accounts(id);
ALTER TABLE cases ADD COLUMN supervised boolean NOT NULL DEFAULT false;
-- the latest follow-up visit (the last counts); every visit is also an event
ALTER TABLE cases ADD COLUMN visit_result text;
ALTER TABLE cases ADD COLUMN visit_at timestamptz;
-- the complainant's or reporter's phone through the keyed lookup hash (search never decrypts)
ALTER TABLE cases ADD COLUMN contact_phone_hash text;
-- Open for the staff queues: not ended (ENDED_STATUSES in shared/src/status-machine.ts) and not an
-- answered consultation. Generated, so that the queues' partial indexes can name it.
ALTER TABLE cases ADD COLUMN is_open boolean GENERATED ALWAYS AS (
  status NOT IN ('settled', 'closed', 'refused', 'withdrawn', 'case_opened', 'not_opened', 'answered')
) STORED;

-- Queues and staff lists (GET /staff/queues, GET /cases for staff).
CREATE INDEX cases_open_due ON cases ((coalesce(next_due_at, 'infinity'::timestamptz)), id) WHERE is_open;
CREATE INDEX cases_due ON cases ((coalesce(next_due_at, 'infinity'::timestamptz)), id);
CREATE INDEX cases_updated ON cases (updated_at DESC, id DESC);
CREATE INDEX cases_assignee_recent ON cases (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX cases_unassigned_open ON cases (created_at DESC, id DESC) WHERE assignee_id IS NULL AND is_open;
CREATE INDEX cases_green_open ON cases (created_at DESC, id DESC) WHERE priority AND is_open;
CREATE INDEX cases_supervised_open ON cases (created_at DESC, id DESC) WHERE supervised AND is_open;
CREATE INDEX cases_category_recent ON cases (category, created_at DESC, id DESC);
CREATE INDEX cases_channel_recent ON cases (channel, created_at DESC, id DESC) WHERE channel <> 'miniprogram';
CREATE INDEX cases_awaiting_visit ON cases (ended_at) WHERE kind = 'complaint' AND visit_at IS NULL AND status IN ('settled', 'closed', 'refused');
CREATE INDEX cases_contact_phone ON cases (contact_phone_hash) WHERE contact_phone_hash IS NOT NULL;
-- Words in the merchant's name or the facts (trigrams work for Chinese, as the FAQ's do).
CREATE INDEX cases_text_trgm ON cases USING gin ((coalesce(merchant_name, '') || ' ' || coalesce(body->>'facts', '')) gin_trgm_ops);
-- The export: cases received in a period.
CREATE INDEX cases_created ON cases (created_at);
-- Visit figures in /stats.
CREATE INDEX case_events_visits ON case_events (at) WHERE type = 'record_visit';

-- Wrong claim-code tries, per user: 5 an hour, then 429 (not a configurable rate limit).
CREATE TABLE claim_attempts (
  user_id uuid NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX claim_attempts_user ON claim_attempts (user_id, at);

CREATE TABLE reply_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  action text,
  text text NOT NULL,
  created_by uuid NOT NULL REFERENCES staff_accounts(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX reply_templates_action ON reply_templates (action, created_at);

-- PIPL: who saw whose contact, and who exported, when. Append-only; read by admins.
CREATE TABLE staff_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  staff_id uuid NOT NULL REFERENCES staff_accounts(id),
  action text NOT NULL,
  case_id uuid REFERENCES cases(id),
  detail text
);
CREATE INDEX staff_audit_recent ON staff_audit (at DESC, id DESC);
CREATE INDEX staff_audit_case ON staff_audit (case_id, at DESC, id DESC) WHERE case_id IS NOT NULL;
CREATE INDEX staff_audit_staff ON staff_audit (staff_id, at DESC, id DESC);

ALTER TABLE faq_entries ADD COLUMN unpublished_at timestamptz;
CREATE INDEX refresh_tokens_subject ON refresh_tokens (subject_id) WHERE revoked_at IS NULL;
