SELECT
    executor,
    executor_kind,
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered_executors
GROUP BY executor, executor_kind
ORDER BY measures DESC, executor
