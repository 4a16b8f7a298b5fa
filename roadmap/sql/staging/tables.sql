-- Staging: the validated Arrow table (registered as measures_source) with the grouping the app charts by.
-- Tables, not views: the data never changes after start-up, so the grouping columns and the unnested
-- executors are computed once here instead of in every query of every rerun.

-- One row per (measure, executor): ministries and individual akimats, in source order.
CREATE OR REPLACE TABLE measure_executors AS
WITH ministries AS (
    SELECT roadmap_year, measure_no, unnest(ministries) AS executor, 'ministry' AS executor_kind FROM measures_source
),
akimats AS (
    SELECT roadmap_year, measure_no, unnest(akimats) AS executor, 'akimat' AS executor_kind FROM measures_source
)
SELECT * FROM ministries
UNION ALL
SELECT * FROM akimats;

-- Last, because DuckDB binds parameters only in a script's last statement.
-- group_key and group_order follow loaders/groups.py (group_keys); $sections is loaders.schema.SECTIONS.
-- A group that the decrees of two years name differently is two groups: its key carries the year.
CREATE OR REPLACE TABLE measures AS
WITH keyed AS (
    SELECT
        m.*,
        CASE WHEN m.direction IS NOT NULL THEN 'D' || m.direction::VARCHAR ELSE m.section END AS base_key,
        (list_position($sections::VARCHAR[], m.section) * 100 + coalesce(m.direction, 0)) * 10000 AS base_order,
        coalesce(m.direction_name, m.section_name) AS base_name
    FROM measures_source AS m
),
clashing AS (
    SELECT base_key FROM keyed
    GROUP BY base_key
    HAVING count(DISTINCT roadmap_year) > 1 AND count(DISTINCT base_name) > 1
)
SELECT
    k.* EXCLUDE (base_key, base_order, base_name),
    CASE WHEN k.base_key IN (SELECT base_key FROM clashing) THEN k.roadmap_year::VARCHAR || '-' || k.base_key
         ELSE k.base_key END AS group_key,
    k.base_order + CASE WHEN k.base_key IN (SELECT base_key FROM clashing) THEN k.roadmap_year ELSE 0 END
        AS group_order,
    k.funding_class = 'budget_amount' AS has_budget_amount,
    -- Lower-casing 67,000 Cyrillic titles took ~0.1 s in every title search; done once here instead.
    lower(k.title) AS title_lower,
    -- Everyone who reports on the measure, each once (loaders.reports.measure_status counts them).
    len(list_distinct(list_concat(coalesce(k.ministries, []), coalesce(k.akimats, [])))) AS executor_count
FROM keyed AS k;
