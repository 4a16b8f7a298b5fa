-- A measure's status in every round of its decree, from what stands there
-- (report_standing: each executor's latest report at or before the round), by the rule in
-- reporting/status.py (tests/test_execution.py holds the two equal), first rule that holds:
-- not_done if any executor says so; done when every executor of the measure says done; in_progress when
-- any says in progress or done; else not_started.  Only measures someone reported on have a row: a measure
-- without one is not reported.  Only the measure's own executors count.
-- Computed once per state of the log (RoadmapDB.report_state), then registered on each query's cursor like
-- report_latest and chosen_rounds.  carried is how many of the executors' answers
-- come from an earlier round.
SELECT
    r.roadmap_year,
    r.measure_no,
    r.round,
    count(*) AS reported_executors,
    any_value(m.executor_count) AS executor_count,
    CASE
        WHEN bool_or(r.status = 'not_done') THEN 'not_done'
        WHEN count(*) = any_value(m.executor_count) AND bool_and(r.status = 'done') THEN 'done'
        WHEN bool_or(r.status IN ('in_progress', 'done')) THEN 'in_progress'
        ELSE 'not_started'
    END AS status,
    sum(r.spent_thousand_kzt) AS spent_thousand_kzt,
    count(r.carried_from) AS carried,
    min(r.carried_from) AS carried_from,
    count(*) FILTER (WHERE r.review_state = 'unreviewed') AS unreviewed,
    -- The information on implementation: each executor's comment, prefixed by the executor (and the round
    -- it was reported for, when carried), one per line.
    string_agg(CASE WHEN r.comment IS NOT NULL THEN r.executor
                    || CASE WHEN r.carried_from IS NOT NULL THEN ' (' || strftime(r.carried_from, '%Y-%m-%d') || ')'
                            ELSE '' END
                    || ': ' || r.comment END, chr(10) ORDER BY r.executor) AS information
FROM report_standing AS r
JOIN measures AS m
    ON m.roadmap_year = r.roadmap_year AND m.measure_no = r.measure_no
WHERE r.status IN ('done', 'in_progress', 'not_started', 'not_done')
  AND list_contains(list_concat(coalesce(m.ministries, []), coalesce(m.akimats, [])), r.executor)
GROUP BY r.roadmap_year, r.measure_no, r.round
