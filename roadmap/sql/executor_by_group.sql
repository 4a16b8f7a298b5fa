SELECT e.executor, e.executor_kind, f.group_key, any_value(f.group_order) AS group_order, count(*) AS measures
FROM measure_executors AS e
JOIN filtered AS f USING (measure_no)
GROUP BY e.executor, e.executor_kind, f.group_key
ORDER BY group_order, e.executor
