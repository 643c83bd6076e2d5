-- The staff queues at 1 M cases (issue 14). Counting the open cases of a large queue (unassigned,
-- overdue: ~870,000 rows in the bench's store) took 1.6 s, and no index makes counting that many
-- rows cheap, so the open cases are tallied by what the queues filter on: the Beijing day of
-- next_due_at ('due'), the assignee ('assignee'), green channel and 督办. The one writer of cases
-- (bff/src/cases/case-repository.ts) appends a row of changes (+1 / -1) in the statement that changes
-- a case; nothing is updated in place, so concurrent writers never wait on a tally. GET /staff/queues
-- sums the rows and folds them together now and then (compacted rows: the sum of those folded).
CREATE TABLE open_case_tallies (
  id bigserial PRIMARY KEY,
  queue text NOT NULL,
  due_day date,
  assignee_id uuid,
  n integer NOT NULL,
  compacted boolean NOT NULL DEFAULT false
);

-- The cases already stored, tallied as case-repository.ts tallies them (tallyRows in queue-tallies.ts).
INSERT INTO open_case_tallies (queue, due_day, assignee_id, n, compacted)
SELECT t.queue, t.due_day, t.assignee_id, sum(t.n)::int, true
  FROM cases c
  CROSS JOIN LATERAL (VALUES
    ('due', (c.next_due_at AT TIME ZONE 'Asia/Shanghai')::date, NULL::uuid, 1),
    ('assignee', NULL, c.assignee_id, 1),
    ('green', NULL, NULL, CASE WHEN c.priority THEN 1 ELSE 0 END),
    ('supervised', NULL, NULL, CASE WHEN c.supervised THEN 1 ELSE 0 END)
  ) AS t(queue, due_day, assignee_id, n)
 WHERE c.is_open
 GROUP BY t.queue, t.due_day, t.assignee_id
HAVING sum(t.n) <> 0;

-- The staff lists of a queue sorted by due (mine, unassigned): one index range in due order.
CREATE INDEX cases_assignee_open_due ON cases (assignee_id, (coalesce(next_due_at, 'infinity'::timestamptz)), id) WHERE is_open;
