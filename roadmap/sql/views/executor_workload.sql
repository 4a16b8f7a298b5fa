SELECT
    executor,
    executor_kind,
    count(*) AS measures,
    count(*) FILTER (WHERE NOT collective) AS named_measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM filtered_executors
GROUP BY executor, executor_kind
ORDER BY measures DESC, named_measures DESC, executor
