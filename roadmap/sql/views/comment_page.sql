-- One page of the chosen round's comments (round_comments), in the order of the measures, then executors:
-- the browser gets a page of rows, never every comment of the roadmap.
SELECT *
FROM round_comments
ORDER BY roadmap_year, measure_no, executor
LIMIT $limit OFFSET $offset
