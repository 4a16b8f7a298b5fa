-- What each executor last said about each measure in each round: the latest row per (round, executor,
-- measure) by submission time, then the file's hash, of the submissions МИОР has not returned (a returned
-- one stops counting; the executor's previous report, if any, counts again).  Each row says its
-- submission's review state: unreviewed or accepted.  Only reports on the decrees loaded ($decrees:
-- "year|number"): a report on another decree of the same year is about other measures.
-- The Python statement of the same: reporting.log.latest_rows over what reporting.review.states leaves.
WITH decided AS (
    SELECT submission, arg_max(decision, (reviewed_at, review)) AS decision
    FROM review_log
    GROUP BY submission
)
SELECT l.roadmap_year, l.round, l.executor, l.measure_no, l.status, l.spent_thousand_kzt, l.comment, l.submitter,
       l.submitted_at, l.file_sha256, l.submission, coalesce(d.decision, 'unreviewed') AS review_state
FROM report_log AS l
LEFT JOIN decided AS d ON d.submission = l.submission
WHERE list_contains($decrees::VARCHAR[], l.roadmap_year::VARCHAR || '|' || coalesce(l.decree_number, ''))
  AND coalesce(d.decision, '') <> 'returned'
  AND l.status IN ('done', 'in_progress', 'not_started', 'not_done')  -- a foreign file's word counts for nothing
QUALIFY row_number() OVER (
    PARTITION BY l.roadmap_year, l.round, l.executor, l.measure_no ORDER BY l.submitted_at DESC, l.file_sha256 DESC) = 1
