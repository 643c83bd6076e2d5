-- Who of the staff has a case open in the console (FreeScout's warning; ADR 0012): one row per
-- staff member and case, refreshed by the case page's heartbeat and read only while fresh. In the
-- store, not in one BFF's memory, so that every BFF of a site sees the same colleagues.
CREATE TABLE case_presence (
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
  since timestamptz NOT NULL,
  seen_at timestamptz NOT NULL,
  acting boolean NOT NULL DEFAULT false,
  PRIMARY KEY (case_id, staff_id)
);
