-- The akimat filter's choices: every region named or included anywhere, in order of first appearance.
SELECT executor AS value
FROM measure_executors
WHERE executor_kind = 'akimat'
GROUP BY executor
ORDER BY min(measure_no), executor
