-- Executors unnested from the filtered measures themselves: at tens of thousands of measures this is
-- several times cheaper than joining the measure_executors table back to them.
SELECT
    executor,
    executor_kind,
    count(*) AS measures,
    coalesce(sum(cost_thousand_kzt), 0) AS cost_thousand_kzt
FROM (
    SELECT unnest(ministries) AS executor, 'ministry' AS executor_kind, cost_thousand_kzt FROM filtered
    UNION ALL
    SELECT unnest(akimats) AS executor, 'akimat' AS executor_kind, cost_thousand_kzt FROM filtered
)
GROUP BY executor, executor_kind
ORDER BY measures DESC, executor
