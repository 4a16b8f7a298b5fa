-- The status filter's condition, added to kept.sql's WHERE only when the filter is set: it joins every
-- measure to its status in the chosen round (a few milliseconds, once per filter combination).
  AND list_contains($status::VARCHAR[], coalesce(
      (SELECT s.status FROM measure_status AS s
       WHERE s.roadmap_year = measures.roadmap_year AND s.measure_no = measures.measure_no), 'not_reported'))
