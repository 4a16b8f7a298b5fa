-- Filter choices: every executor of the whole roadmap, ministries in order of first appearance.
SELECT executor, executor_kind, min(measure_no) AS first_measure
FROM measure_executors
GROUP BY executor, executor_kind
ORDER BY executor_kind DESC, first_measure, executor
