-- The shared WHERE clause when no filter is set: the same rows as filtered.sql with empty values, without
-- binding and planning six list parameters for every query of the default view (~1 ms each at 67,000).
filtered AS (
    SELECT * FROM measures
)
