-- Staging: the validated parquet (registered as measures_source) with the grouping the app charts by.
CREATE OR REPLACE VIEW measures AS
SELECT
    m.*,
    CASE WHEN m.direction IS NOT NULL THEN 'D' || m.direction::VARCHAR ELSE m.section END AS group_key,
    list_position(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'], m.section) * 100
        + coalesce(m.direction, 0) AS group_order,
    m.funding_class = 'budget_amount' AS has_budget_amount
FROM measures_source AS m;

-- One row per (measure, executor): ministries and individual akimats, in source order.
CREATE OR REPLACE VIEW measure_executors AS
WITH ministries AS (
    SELECT measure_no, unnest(ministries) AS executor, 'ministry' AS executor_kind FROM measures
),
akimats AS (
    SELECT measure_no, unnest(akimats) AS executor, 'akimat' AS executor_kind FROM measures
)
SELECT * FROM ministries
UNION ALL
SELECT * FROM akimats;
