-- One row per (filtered measure, executor): ministries and individual akimats unnested from the filtered
-- measures themselves.  At tens of thousands of measures this is several times cheaper than joining the
-- staging table measure_executors back to them.  `collective`: an akimat that takes part only as one of
-- "all akimats", not named on its own; it tells the regions apart where the collective share is the same.
-- `by_agreement`: the measure marks the executor «(по согласованию)».
SELECT roadmap_year, measure_no, executor, 'ministry' AS executor_kind, false AS collective,
       list_contains(executors_by_agreement, executor) AS by_agreement, group_key, group_order, cost_thousand_kzt
FROM (SELECT *, unnest(ministries) AS executor FROM filtered) AS named
UNION ALL
SELECT roadmap_year, measure_no, unnest(akimats) AS executor, 'akimat' AS executor_kind, akimats_all_regions AS collective,
       false AS by_agreement, group_key, group_order, cost_thousand_kzt
FROM filtered
