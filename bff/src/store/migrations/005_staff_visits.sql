-- Follow-up visit figures (issue 14) in the public figures' monthly summary.
ALTER TABLE stats_monthly ADD COLUMN visits integer NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly ADD COLUMN visits_reached integer NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly ADD COLUMN visits_satisfied integer NOT NULL DEFAULT 0;
CREATE INDEX cases_visited ON cases (visit_at) WHERE visit_at IS NOT NULL;
