-- The WeChat platform issue: message push inbox, subscribe taps, delivery reports, content security.
-- See docs/adr/0011-wechat-push-and-content-security.md.

-- Every pushed event, once: the primary key is the duplicate check (WeChat retries three times when
-- it gets no answer within 5 s). Recorded before the answer, processed right after it.
CREATE TABLE wechat_push_events (
  dedup_key text PRIMARY KEY,
  event text NOT NULL,
  openid text NOT NULL,
  body jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  processed_at timestamptz,
  error text
);
CREATE INDEX wechat_push_events_pending ON wechat_push_events (received_at) WHERE processed_at IS NULL;

-- One accept in the subscribe dialog, as reported by the client (POST /subscriptions) or by the push
-- (subscribe_msg_popup_event). The first report of a tap adds the grant; the other source's report of
-- the same tap pairs with it (paired_with) and adds nothing.
CREATE TABLE subscription_taps (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  template_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('client', 'push')),
  at timestamptz NOT NULL,
  paired_with bigint
);
CREATE INDEX subscription_taps_unpaired ON subscription_taps (user_id, template_id, source, at) WHERE paired_with IS NULL;

-- What subscribe_msg_sent_event reported for a message WeChat had taken (0 = it reached the user).
ALTER TABLE deliveries ADD COLUMN reported_error_code integer;
ALTER TABLE deliveries ADD COLUMN reported_status text;
ALTER TABLE deliveries ADD COLUMN reported_at timestamptz;
CREATE INDEX deliveries_msgid ON deliveries (msgid) WHERE msgid IS NOT NULL;

-- The phone number WeChat verified for a user (getuserphonenumber), sealed like the profile.
ALTER TABLE users ADD COLUMN verified_phone_enc text;

-- Text or images staff must look at: msg_sec_check said review, WeChat could not be asked, or an
-- image's asynchronous check was risky or never answered. target: 'case:<field>' for a case's own
-- text, 'event:<case_events.id>' for a timeline entry's text, 'upload:<uploads.id>' for an image.
CREATE TABLE moderation_items (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  target text NOT NULL,
  field text NOT NULL,
  text text NOT NULL,
  label integer,
  reason text NOT NULL CHECK (reason IN ('review', 'unchecked', 'media_risky', 'media_unanswered')),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'released', 'redacted')),
  decision_reason text,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX moderation_items_open ON moderation_items (id) WHERE state = 'open';
CREATE INDEX moderation_items_case ON moderation_items (case_id) WHERE state = 'redacted';

-- One asynchronous check per image shared with a merchant. state: pending -> pass | review | risky,
-- or unanswered when no result came within the hour (then listed for staff).
CREATE TABLE media_checks (
  upload_id uuid NOT NULL REFERENCES uploads(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  trace_id text UNIQUE,
  state text NOT NULL DEFAULT 'pending',
  label integer,
  requested_at timestamptz NOT NULL,
  answered_at timestamptz,
  PRIMARY KEY (upload_id, case_id)
);
CREATE INDEX media_checks_pending ON media_checks (requested_at) WHERE state = 'pending';
