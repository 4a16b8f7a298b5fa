-- Filtered measures whose deadline window ended before $as_of and that are not done in the chosen round.
SELECT
    f.roadmap_year,
    f.measure_no,
    f.title,
    f.deadline_raw,
    f.deadline_end,
    f.executors_raw,
    coalesce(s.status, 'not_reported') AS status,
    coalesce(s.reported_executors, 0) AS reported_executors,
    f.executor_count
FROM filtered AS f
LEFT JOIN measure_status AS s ON s.roadmap_year = f.roadmap_year AND s.measure_no = f.measure_no
WHERE f.deadline_end < $as_of::DATE
  AND coalesce(s.status, 'not_reported') <> 'done'
