-- For every round whose date is before $as_of: the executors of the filtered measures who have sent nothing
-- for it, with how many of those measures are theirs.
SELECT
    d.roadmap_year,
    d.round,
    fe.executor,
    any_value(fe.executor_kind) AS executor_kind,
    count(DISTINCT fe.measure_no) AS measures
FROM decree_rounds AS d
JOIN filtered_executors AS fe ON fe.roadmap_year = d.roadmap_year
WHERE d.round < $as_of::DATE
  AND NOT EXISTS (
      SELECT 1 FROM report_latest AS r
      WHERE r.roadmap_year = d.roadmap_year AND r.round = d.round AND r.executor = fe.executor)
GROUP BY d.roadmap_year, d.round, fe.executor
ORDER BY d.round DESC, d.roadmap_year, measures DESC, fe.executor
