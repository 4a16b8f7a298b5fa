-- The measures the filters keep, as their row numbers in `measures`: the one WHERE clause every view shares,
-- asked once per filter combination (RoadmapDB._kept_rows) and read by every view through filtered.sql.
-- Several values of one filter mean OR, filters combine with AND.  An empty list or empty text leaves that
-- filter off.
SELECT rowid AS measure_row
FROM measures
WHERE (len($year::VARCHAR[]) = 0 OR list_contains($year::VARCHAR[], roadmap_year::VARCHAR))
  AND (len($ministry::VARCHAR[]) = 0 OR list_has_any(ministries, $ministry::VARCHAR[]))
  AND (len($akimat::VARCHAR[]) = 0 OR list_has_any(akimats, $akimat::VARCHAR[]))
  AND (len($direction::VARCHAR[]) = 0 OR list_contains($direction::VARCHAR[], group_key))
  AND (len($funding::VARCHAR[]) = 0 OR list_contains($funding::VARCHAR[], funding_class))
  AND (len($report_to::VARCHAR[]) = 0 OR list_contains($report_to::VARCHAR[], report_to))
  AND ($q = '' OR contains(title_lower, lower($q)))
  -- status: scope/status.sql's condition, inserted here when the status filter is set (queries.kept_query)
