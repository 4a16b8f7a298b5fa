-- The ministry filter's choices: every ministry of the whole dataset, in order of first appearance.
SELECT executor AS value
FROM measure_executors
WHERE executor_kind = 'ministry'
GROUP BY executor
ORDER BY min(measure_no), executor
