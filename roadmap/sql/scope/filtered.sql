-- The filtered measures every view reads: the rows kept.sql kept for this filter combination, registered on the
-- query's cursor as kept_rows.  Scanning list columns for the filters' values was most of each view's time at
-- 67,000 measures (4 of 6-10 ms); it is now done once per combination, not once per view.
filtered AS (
    SELECT * FROM measures WHERE rowid IN (SELECT measure_row FROM kept_rows)
)
