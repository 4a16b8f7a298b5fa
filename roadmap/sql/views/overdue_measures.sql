-- One page of the overdue measures (relations/overdue.sql), the longest overdue first: the browser gets a page
-- of rows, never every overdue measure (at 1,000 roadmaps with no report, 60,000 of them).
SELECT *
FROM overdue
ORDER BY deadline_end, roadmap_year, measure_no
LIMIT $limit OFFSET $offset
