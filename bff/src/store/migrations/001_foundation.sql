-- Foundation: people, merchants, cases with their append-only events and deadlines, uploads,
-- idempotent filings, refresh tokens. Personal data (phone, ID number) is stored encrypted (*_enc).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE merchants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  address text NOT NULL,
  district text NOT NULL,
  uscc text,
  odr boolean NOT NULL DEFAULT false,
  no_reason_return boolean NOT NULL DEFAULT false,
  rights_station boolean NOT NULL DEFAULT false,
  binding_code_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX merchants_name_trgm ON merchants USING gin (name gin_trgm_ops);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  openid text NOT NULL UNIQUE,
  unionid text,
  profile_enc text,
  merchant_id uuid REFERENCES merchants(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE case_no_seq;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no text NOT NULL UNIQUE,
  kind text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  consumer_id uuid NOT NULL REFERENCES users(id),
  merchant_id uuid REFERENCES merchants(id),
  merchant_name text,
  merchant_address text,
  category text NOT NULL,
  priority boolean NOT NULL DEFAULT false,
  -- facts, demand, purchase, question: no personal data
  body jsonb NOT NULL,
  -- the complainant's or reporter's {name, phone, address}, encrypted
  contact_enc text,
  share_contact boolean NOT NULL DEFAULT false,
  proposal jsonb,
  rating jsonb,
  outcome jsonb,
  flags jsonb NOT NULL DEFAULT '{}'::jsonb,
  next_due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
-- "my cases, newest first"
CREATE INDEX cases_consumer_recent ON cases (consumer_id, created_at DESC, id DESC);
-- "a merchant's open cases by deadline"
CREATE INDEX cases_merchant_due ON cases (merchant_id, (coalesce(next_due_at, 'infinity'::timestamptz)), id) WHERE kind = 'complaint';
-- staff queues
CREATE INDEX cases_recent ON cases (created_at DESC, id DESC);
CREATE INDEX cases_status_recent ON cases (status, created_at DESC, id DESC);

-- Append-only: every change of a case writes one row in the same transaction (the notifier's outbox).
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  type text NOT NULL,
  actor_role text NOT NULL,
  actor_id uuid,
  from_status text,
  to_status text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE deadlines (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  kind text NOT NULL,
  -- running | paused | met | missed | cancelled
  state text NOT NULL DEFAULT 'running',
  started_at timestamptz NOT NULL,
  due_date date NOT NULL,
  due_at timestamptz NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  target_due_at timestamptz,
  paused_at timestamptz,
  remaining_working_days integer,
  extended boolean NOT NULL DEFAULT false,
  closed_at timestamptz
);
CREATE INDEX deadlines_case ON deadlines (case_id);
CREATE INDEX deadlines_running_due ON deadlines (due_at) WHERE state = 'running';

CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL,
  sha256 text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  case_id uuid REFERENCES cases(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_case ON uploads (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  case_id uuid,
  -- the stored answer holds personal data: encrypted
  answer_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id uuid NOT NULL,
  subject_id uuid NOT NULL,
  role text NOT NULL,
  merchant_id uuid,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
