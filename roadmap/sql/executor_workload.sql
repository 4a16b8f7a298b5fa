SELECT
    e.executor,
    e.executor_kind,
    count(*) AS measures,
    coalesce(sum(f.cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM measure_executors AS e
JOIN filtered AS f USING (measure_no)
GROUP BY e.executor, e.executor_kind
ORDER BY measures DESC, e.executor
