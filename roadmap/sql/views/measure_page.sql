-- One page of the measure table: the browser gets a page of rows, never the whole filtered set.
-- The page's numbers are found first and only those rows are read in full: sorting every wide row
-- (titles, lists) to keep a hundred of them costs about twice as much at 67,000 measures.
SELECT *
FROM listed_measures
WHERE (roadmap_year, measure_no) IN (
    SELECT (roadmap_year, measure_no) FROM filtered ORDER BY roadmap_year, measure_no LIMIT $limit OFFSET $offset
)
ORDER BY roadmap_year, measure_no
