SELECT executor, executor_kind, group_key, any_value(group_order) AS group_order, count(*) AS measures,
       count(*) FILTER (WHERE NOT collective) AS named_measures
FROM filtered_executors
GROUP BY executor, executor_kind, group_key
ORDER BY group_order, executor
