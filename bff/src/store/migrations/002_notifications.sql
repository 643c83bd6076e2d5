-- Notifications: case_events is the outbox; the notifier claims each event once (notified_at), writes
-- inbox notices and push deliveries in that same transaction, and sends deliveries afterwards.
-- See docs/adr/0003-notification-outbox.md.

-- The fan-out's claim bookkeeping: NULL = not yet turned into notices.
ALTER TABLE case_events ADD COLUMN notified_at timestamptz;
-- History before the notifier existed is not news: only later events are told.
UPDATE case_events SET notified_at = at;
CREATE INDEX case_events_unnotified ON case_events (id) WHERE notified_at IS NULL;

-- One-time subscribe-message grants: each `accept` adds one, each message sent spends one.
CREATE TABLE subscription_grants (
  user_id uuid NOT NULL REFERENCES users(id),
  template_id text NOT NULL,
  remaining integer NOT NULL DEFAULT 0 CHECK (remaining >= 0),
  banned boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, template_id)
);

-- The in-app inbox: one notice per (source, audience, recipient); recipients are users (as consumer
-- or merchant) or staff accounts. source_key is 'event:<case_events.id>' or 'clock:<mark>:<deadline id>'.
CREATE TABLE inbox_notices (
  id bigserial PRIMARY KEY,
  source_key text NOT NULL,
  audience text NOT NULL,
  recipient_id uuid NOT NULL,
  case_id uuid NOT NULL REFERENCES cases(id),
  case_no text NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (source_key, audience, recipient_id)
);
CREATE INDEX inbox_notices_recipient ON inbox_notices (recipient_id, audience, id DESC);
CREATE INDEX inbox_notices_unread ON inbox_notices (recipient_id, audience) WHERE read_at IS NULL;

-- Push deliveries: one per (source, recipient, channel) by delivery_key, so a repeated fan-out can
-- never send twice. state: pending -> sending (leased) -> sent | no_subscription | dead.
CREATE TABLE deliveries (
  id bigserial PRIMARY KEY,
  delivery_key text NOT NULL UNIQUE,
  notice_id bigint NOT NULL REFERENCES inbox_notices(id),
  user_id uuid NOT NULL,
  channel text NOT NULL,
  touser text NOT NULL,
  template_id text NOT NULL,
  page text NOT NULL,
  data jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  msgid text,
  -- when the change happened (latency is measured from it)
  source_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE state = 'sending';
CREATE INDEX deliveries_notice ON deliveries (notice_id);

-- The WeChat access token, shared by every BFF and worker (sealed: it is a credential).
CREATE TABLE wechat_access_tokens (
  app_id text PRIMARY KEY,
  token_enc text NOT NULL,
  expires_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What the clocks have already done for a deadline (a reminder, a staff alert), so each happens once.
CREATE TABLE clock_marks (
  deadline_id bigint NOT NULL REFERENCES deadlines(id),
  mark text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (deadline_id, mark)
);
