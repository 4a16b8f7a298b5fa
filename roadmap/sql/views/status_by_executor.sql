-- Each executor of the filtered measures: its measures by the status it reported itself, as it stands in the
-- chosen round (its latest report at or before it; not the measure's combined status: what this executor said).
SELECT
    fe.executor,
    any_value(fe.executor_kind) AS executor_kind,
    coalesce(r.status, 'not_reported') AS status,
    count(*) AS measures
FROM filtered_executors AS fe
JOIN chosen_rounds AS c ON c.roadmap_year = fe.roadmap_year
LEFT JOIN report_standing AS r
    ON r.roadmap_year = fe.roadmap_year AND r.round = c.round AND r.executor = fe.executor
   AND r.measure_no = fe.measure_no
GROUP BY fe.executor, coalesce(r.status, 'not_reported')
ORDER BY fe.executor, status
