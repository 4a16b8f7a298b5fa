-- What stands in every round of each decree: for each executor and measure, its latest report at or before
-- that round (a later round's report replaces an earlier one, and within a round the
-- later file the earlier: report_latest), so a status stands until it changes.  carried_from is the round
-- the report was made for when that is an earlier one.  The Python statement: reporting.status.standing_rows.
SELECT
    r.roadmap_year,
    r.round,
    l.executor,
    l.measure_no,
    l.status,
    l.spent_thousand_kzt,
    l.comment,
    l.submitter,
    l.submitted_at,
    l.submission,
    l.review_state,
    CASE WHEN l.round < r.round THEN l.round END AS carried_from
FROM decree_rounds AS r
JOIN report_latest AS l ON l.roadmap_year = r.roadmap_year AND l.round <= r.round
QUALIFY row_number() OVER (
    PARTITION BY r.roadmap_year, r.round, l.executor, l.measure_no
    ORDER BY l.round DESC, l.submitted_at DESC, l.submission DESC) = 1
