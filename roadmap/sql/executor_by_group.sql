-- Executors unnested from the filtered measures (cheaper than a join, see executor_workload.sql).
SELECT executor, executor_kind, group_key, any_value(group_order) AS group_order, count(*) AS measures
FROM (
    SELECT unnest(ministries) AS executor, 'ministry' AS executor_kind, group_key, group_order FROM filtered
    UNION ALL
    SELECT unnest(akimats) AS executor, 'akimat' AS executor_kind, group_key, group_order FROM filtered
)
GROUP BY executor, executor_kind, group_key
ORDER BY group_order, executor
