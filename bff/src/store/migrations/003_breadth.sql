-- Breadth (issue 7): the FAQ published from consultation answers, articles (warnings and typical
-- cases), the public figures' summary tables (refreshed at most every 60 s by stats-store), and the
-- indexes the figures and hot spots read.

-- One entry per consultation: answering again with publishAsFaq replaces it.
CREATE TABLE faq_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
  category text NOT NULL,
  question text NOT NULL,
  answer text NOT NULL,
  published_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- Trigrams work for Chinese (the database's ctype is UTF-8 aware: CJK characters are word characters),
-- so one GIN trigram index serves ILIKE '%词%' and word similarity (<%) for both languages.
CREATE INDEX faq_entries_text_trgm ON faq_entries USING gin ((question || ' ' || answer) gin_trgm_ops);
CREATE INDEX faq_entries_recent ON faq_entries (updated_at DESC, id DESC);

CREATE TABLE articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  title text NOT NULL,
  category text,
  body text NOT NULL,
  author_id uuid NOT NULL,
  published_at timestamptz NOT NULL
);
CREATE INDEX articles_recent ON articles (published_at DESC, id DESC);
CREATE INDEX articles_kind_recent ON articles (kind, published_at DESC, id DESC);

-- The public figures as numerators and denominators per month and category, so that any period's
-- totals and rates are sums over a few hundred rows. Rebuilt whole by stats-store.refresh().
CREATE TABLE stats_monthly (
  month text NOT NULL,
  category text NOT NULL,
  received_complaint integer NOT NULL DEFAULT 0,
  received_report integer NOT NULL DEFAULT 0,
  received_consultation integer NOT NULL DEFAULT 0,
  complaints_ended integer NOT NULL DEFAULT 0,
  acceptance_counted integer NOT NULL DEFAULT 0,
  acceptance_on_time integer NOT NULL DEFAULT 0,
  closes integer NOT NULL DEFAULT 0,
  closes_mediated integer NOT NULL DEFAULT 0,
  ratings integer NOT NULL DEFAULT 0,
  rating_sum integer NOT NULL DEFAULT 0,
  ratings_4or5 integer NOT NULL DEFAULT 0,
  recovered_fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (month, category)
);
CREATE TABLE stats_merchant_monthly (
  month text NOT NULL,
  merchant_id uuid NOT NULL,
  category text NOT NULL,
  received integer NOT NULL DEFAULT 0,
  response_counted integer NOT NULL DEFAULT 0,
  response_on_time integer NOT NULL DEFAULT 0,
  PRIMARY KEY (merchant_id, month, category)
);
CREATE TABLE stats_refresh (
  id integer PRIMARY KEY CHECK (id = 1),
  refreshed_at timestamptz
);
INSERT INTO stats_refresh (id, refreshed_at) VALUES (1, NULL);

-- The events the figures read (closes, ratings, accepted proposals) without scanning the whole log.
CREATE INDEX case_events_figures ON case_events (type, at) WHERE type IN ('close', 'rate', 'accept_proposal');
-- Hot spots: complaints of the last 63 days, by merchant and category, from the index alone.
CREATE INDEX cases_complaints_created ON cases (created_at) INCLUDE (merchant_id, category) WHERE kind = 'complaint';
-- The duplicate warning: a consumer's cases against one merchant.
CREATE INDEX cases_consumer_merchant ON cases (consumer_id, merchant_id) WHERE merchant_id IS NOT NULL;
