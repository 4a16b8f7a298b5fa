-- The executors with the most measures of their own: an akimat taking part only as one of "all akimats"
-- is as busy as every other region, which would fill the chart with ties.
SELECT
    executor,
    executor_kind,
    count(*) AS measures,
    count(*) FILTER (WHERE NOT collective) AS named_measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered_executors
GROUP BY executor, executor_kind
ORDER BY named_measures DESC, measures DESC, executor
LIMIT $limit
