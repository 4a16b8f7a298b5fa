-- One row per (filtered measure, executor): ministries and individual akimats unnested from the filtered
-- measures themselves.  At tens of thousands of measures this is several times cheaper than joining the
-- staging table measure_executors back to them.
SELECT measure_no, unnest(ministries) AS executor, 'ministry' AS executor_kind, group_key, group_order, cost_thousand_kzt
FROM filtered
UNION ALL
SELECT measure_no, unnest(akimats) AS executor, 'akimat' AS executor_kind, group_key, group_order, cost_thousand_kzt
FROM filtered
