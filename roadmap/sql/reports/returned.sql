-- Every row of every submission МИОР has returned (its latest review says so), on the decrees loaded: they
-- no longer count (latest.sql leaves them out, and the executor's previous report counts again), but the
-- report log export lists them, marked returned, so that a returned report is never silently lost.
WITH decided AS (
    SELECT submission, arg_max(decision, (reviewed_at, review)) AS decision
    FROM review_log
    GROUP BY submission
)
SELECT l.roadmap_year, l.round, l.executor, l.measure_no, l.status, l.spent_thousand_kzt, l.comment,
       l.submitted_at, l.submission, d.decision AS review_state
FROM report_log AS l
JOIN decided AS d ON d.submission = l.submission
WHERE list_contains($decrees::VARCHAR[], l.roadmap_year::VARCHAR || '|' || coalesce(l.decree_number, ''))
  AND d.decision = 'returned'
