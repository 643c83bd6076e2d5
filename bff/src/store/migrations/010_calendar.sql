-- The working-day calendar as operator data (issue 15, docs/adr: calendar as operator data).
-- One row per year with an official arrangement: seeded from the chinese-days package for the years
-- it knows (origin 'package'), entered by an admin when the State Council publishes the next one
-- (origin 'operator'; a seed never overwrites such a row). Days are jsonb arrays of 'YYYY-MM-DD'.
CREATE TABLE calendar_years (
  year integer PRIMARY KEY,
  source text NOT NULL,
  off_days jsonb NOT NULL,
  makeup_days jsonb NOT NULL,
  origin text NOT NULL CHECK (origin IN ('package', 'operator')),
  entered_by uuid,
  updated_at timestamptz NOT NULL
);

-- Bumped with every change of calendar_years: each BFF and worker polls it and reloads on a change.
CREATE TABLE calendar_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO calendar_version (id, version) VALUES (true, 0);

-- Notices that concern no case (an admin told the next year's arrangement is missing).
ALTER TABLE inbox_notices ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE inbox_notices ALTER COLUMN case_no DROP NOT NULL;
